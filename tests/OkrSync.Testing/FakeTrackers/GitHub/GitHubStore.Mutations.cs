namespace OkrSync.Testing.FakeTrackers.GitHub;

internal sealed partial class GitHubStore
{
    private const int MaxSubIssuesPerParent = 100;

    public FakeGitHubIssue AddIssue(string repository, FakeGitHubIssue issue)
    {
        lock (_gate)
        {
            var repo = Require(repository);
            var number = issue.Number == 0 ? repo.NextNumber : issue.Number;
            if (number < 0 || repo.Issues.ContainsKey(number))
            {
                throw new InvalidOperationException($"{repo.FullName}#{number} already exists.");
            }

            var created = issue.CreatedAt == default ? Now : TruncateToSeconds(issue.CreatedAt);
            var updated = issue.UpdatedAt == default ? created : TruncateToSeconds(issue.UpdatedAt);
            var closed = issue.State == GitHubIssueState.Closed;
            var stored = issue with
            {
                Number = number,
                Id = issue.Id == 0 ? _nextIssueId++ : issue.Id,
                CreatedAt = created,
                UpdatedAt = updated,
                ClosedAt = closed ? TruncateToSeconds(issue.ClosedAt ?? updated) : null,
                StateReason = closed ? issue.StateReason ?? GitHubStateReason.Completed : issue.StateReason,
                Parent = Canonical(issue.Parent),
            };
            var self = new FakeIssueRef(repo.FullName, number);
            ValidateParent(self, stored);
            repo.NextNumber = Math.Max(repo.NextNumber, number + 1);
            repo.Issues.Add(number, stored);
            Relink(self, null, stored.Parent);
            return stored;
        }
    }

    public FakeGitHubIssue UpdateIssue(string repository, int number, Func<FakeGitHubIssue, FakeGitHubIssue> change)
    {
        lock (_gate)
        {
            var repo = Require(repository);
            var old = repo.Issues.GetValueOrDefault(number) ?? throw new KeyNotFoundException($"{repository}#{number} does not exist.");
            var changed = change(old);
            var updated = changed.UpdatedAt == old.UpdatedAt ? Now : TruncateToSeconds(changed.UpdatedAt);
            changed = WithStateTransition(old, changed with
            {
                Number = old.Number,
                Id = old.Id,
                CreatedAt = old.CreatedAt,
                UpdatedAt = updated,
                Parent = Canonical(changed.Parent),
            });
            var self = new FakeIssueRef(repo.FullName, number);
            ValidateParent(self, changed);
            repo.Issues[number] = changed;
            Relink(self, old.Parent, changed.Parent);
            return changed;
        }
    }

    public void DeleteIssue(string repository, int number)
    {
        lock (_gate)
        {
            var repo = Require(repository);
            var old = repo.Issues.GetValueOrDefault(number) ?? throw new KeyNotFoundException($"{repository}#{number} does not exist.");
            var self = new FakeIssueRef(repo.FullName, number);
            repo.Issues.Remove(number);
            repo.Gone[number] = null;
            Relink(self, old.Parent, null);
            MoveChildren(self, null);
        }
    }

    public FakeGitHubIssue TransferIssue(string repository, int number, string targetRepository)
    {
        lock (_gate)
        {
            var source = Require(repository);
            var target = Require(targetRepository);
            var old = source.Issues.GetValueOrDefault(number) ?? throw new KeyNotFoundException($"{repository}#{number} does not exist.");
            var self = new FakeIssueRef(source.FullName, number);
            var moved = old with
            {
                Number = target.NextNumber++,
                Milestone = null,
                UpdatedAt = Now,
                Parent = old.Parent is { } parent && SameOwner(parent.Repository, target.FullName) ? parent : null,
            };
            var movedRef = new FakeIssueRef(target.FullName, moved.Number);
            source.Issues.Remove(number);
            source.Gone[number] = movedRef;
            target.Issues.Add(moved.Number, moved);
            Relink(self, old.Parent, null);
            Relink(movedRef, null, moved.Parent);
            MoveChildren(self, movedRef);
            return moved;
        }
    }

    private static FakeGitHubIssue WithStateTransition(FakeGitHubIssue old, FakeGitHubIssue changed)
    {
        return (old.State, changed.State) switch
        {
            (GitHubIssueState.Open, GitHubIssueState.Closed) => changed with
            {
                ClosedAt = changed.ClosedAt ?? changed.UpdatedAt,
                StateReason = changed.StateReason ?? GitHubStateReason.Completed,
            },
            (GitHubIssueState.Closed, GitHubIssueState.Open) => changed with
            {
                ClosedAt = null,
                StateReason = changed.StateReason == old.StateReason ? GitHubStateReason.Reopened : changed.StateReason,
            },
            (GitHubIssueState.Open, GitHubIssueState.Open) => changed with { ClosedAt = null },
            _ => changed,
        };
    }

    private void ValidateParent(FakeIssueRef self, FakeGitHubIssue issue)
    {
        if (issue.Parent is not { } parent)
        {
            return;
        }

        var parentIssue = Lookup(parent) ?? throw new InvalidOperationException($"Parent {parent} does not exist.");
        if (parentIssue.IsPullRequest || issue.IsPullRequest || parent == self || !SameOwner(parent.Repository, self.Repository))
        {
            throw new InvalidOperationException($"{self} cannot be a sub-issue of {parent}.");
        }

        if (_children.TryGetValue(parent, out var siblings) && !siblings.Contains(self) && siblings.Count >= MaxSubIssuesPerParent)
        {
            throw new InvalidOperationException($"{parent} already has {MaxSubIssuesPerParent} sub-issues.");
        }

        for (var ancestor = parentIssue.Parent; ancestor is not null; ancestor = Lookup(ancestor)?.Parent)
        {
            if (ancestor == self)
            {
                throw new InvalidOperationException($"Making {self} a sub-issue of {parent} would create a cycle.");
            }
        }
    }

    /// <summary>Moves the child link from oldParent to newParent and bumps every repository whose JSON changes.</summary>
    private void Relink(FakeIssueRef self, FakeIssueRef? oldParent, FakeIssueRef? newParent)
    {
        if (oldParent is not null && _children.TryGetValue(oldParent, out var oldSiblings))
        {
            oldSiblings.Remove(self);
            Bump(oldParent.Repository);
        }

        if (newParent is not null)
        {
            if (!_children.TryGetValue(newParent, out var siblings))
            {
                _children[newParent] = siblings = [];
            }

            if (!siblings.Contains(self))
            {
                siblings.Add(self);
            }
            Bump(newParent.Repository);
        }

        Bump(self.Repository);
    }

    /// <summary>Points the sub-issues of a deleted (newParent null) or transferred issue at its new place.</summary>
    private void MoveChildren(FakeIssueRef oldParent, FakeIssueRef? newParent)
    {
        if (!_children.Remove(oldParent, out var children))
        {
            return;
        }

        foreach (var child in children)
        {
            var repo = _repositories[child.Repository];
            repo.Issues[child.Number] = repo.Issues[child.Number] with { Parent = newParent };
            Relink(child, null, newParent);
        }
    }

    private void Bump(string repository)
    {
        if (_repositories.TryGetValue(repository, out var repo))
        {
            repo.Version++;
        }
    }

    private FakeIssueRef? Canonical(FakeIssueRef? reference) =>
        reference is null ? null : reference with { Repository = Require(reference.Repository).FullName };

    private static bool SameOwner(string a, string b) =>
        string.Equals(a.Split('/')[0], b.Split('/')[0], StringComparison.OrdinalIgnoreCase);
}
