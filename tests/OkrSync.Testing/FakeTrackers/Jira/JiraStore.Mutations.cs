namespace OkrSync.Testing.FakeTrackers.Jira;

internal sealed partial class JiraStore
{
    public FakeJiraIssue AddIssue(FakeJiraIssue issue)
    {
        lock (_gate)
        {
            var project = RequireProject(string.IsNullOrEmpty(issue.Key) ? issue.Project : JiraKeys.Project(issue.Key));
            var number = string.IsNullOrEmpty(issue.Key) ? _nextNumber[project.Key] : JiraKeys.Number(issue.Key);
            var key = $"{project.Key}-{number}";
            if (number <= 0 || _issues.ContainsKey(key))
            {
                throw new InvalidOperationException($"Issue '{key}' already exists or is not a valid key.");
            }

            var created = issue.Created == default ? Now : TruncateToMilliseconds(issue.Created);
            var updated = issue.Updated == default ? created : TruncateToMilliseconds(issue.Updated);
            var stored = issue with
            {
                Key = key,
                Project = project.Key,
                Id = issue.Id == 0 ? _nextIssueId++ : issue.Id,
                Created = created,
                Updated = updated,
                ResolutionDate = issue.Resolution is null ? null : TruncateToMilliseconds(issue.ResolutionDate ?? updated),
            };
            stored = WithValidParent(stored);
            _nextNumber[project.Key] = Math.Max(_nextNumber[project.Key], number + 1);
            _issues.Add(key, stored);
            _version++;
            return stored;
        }
    }

    public FakeJiraIssue UpdateIssue(string key, Func<FakeJiraIssue, FakeJiraIssue> change)
    {
        lock (_gate)
        {
            var old = RequireIssue(key);
            var changed = change(old);
            var updated = changed.Updated == old.Updated ? Now : TruncateToMilliseconds(changed.Updated);
            changed = changed with
            {
                Key = old.Key,
                Id = old.Id,
                Project = old.Project,
                Created = old.Created,
                Updated = updated,
                ResolutionDate = changed.Resolution is null ? null
                    : old.Resolution is null && changed.ResolutionDate == old.ResolutionDate ? updated : changed.ResolutionDate,
            };
            changed = WithValidParent(changed);
            _issues[old.Key] = changed;
            _version++;
            return changed;
        }
    }

    public void DeleteIssue(string key)
    {
        lock (_gate)
        {
            var old = RequireIssue(key);
            _issues.Remove(old.Key);
            ReparentChildren(old.Key, null);
            _version++;
        }
    }

    public FakeJiraIssue MoveIssue(string key, string targetProject)
    {
        lock (_gate)
        {
            var old = RequireIssue(key);
            var project = RequireProject(targetProject);
            var moved = old with { Key = $"{project.Key}-{_nextNumber[project.Key]++}", Project = project.Key, Updated = Now };
            _issues.Remove(old.Key);
            _issues.Add(moved.Key, moved);
            _movedKeys[old.Key] = moved.Key;
            foreach (var alias in _movedKeys.Where(pair => pair.Value == old.Key).Select(pair => pair.Key).ToList())
            {
                _movedKeys[alias] = moved.Key;
            }

            ReparentChildren(old.Key, moved.Key);
            _version++;
            return moved;
        }
    }

    private void ReparentChildren(string oldParentKey, string? newParentKey)
    {
        var children = _issues.Values
            .Where(issue => string.Equals(issue.ParentKey, oldParentKey, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var child in children)
        {
            _issues[child.Key] = child with { ParentKey = newParentKey };
        }
    }

    private FakeJiraIssue WithValidParent(FakeJiraIssue issue)
    {
        if (issue.ParentKey is null)
        {
            return issue;
        }

        if (!_issues.TryGetValue(issue.ParentKey, out var parent) || parent.Key == issue.Key)
        {
            throw new InvalidOperationException($"Parent '{issue.ParentKey}' of '{issue.Key}' does not exist.");
        }

        return issue with { ParentKey = parent.Key };
    }
}
