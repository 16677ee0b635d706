namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Generates a repository's milestones and issues from a seed: same options, same issues.</summary>
internal static class GitHubIssueGenerator
{
    public static void Seed(GitHubStore store, string repository, GitHubSeedOptions options, DateTimeOffset now)
    {
        var random = new Random(options.RandomSeed);
        var to = options.To ?? now;
        var from = options.From ?? to.AddDays(-365);
        for (var m = 1; m <= options.MilestoneCount; m++)
        {
            var closed = m < options.MilestoneCount && random.Chance(0.3);
            store.AddMilestone(repository, new FakeGitHubMilestone(
                m, $"Milestone {m}", closed ? GitHubIssueState.Closed : GitHubIssueState.Open, random.Between(from, to.AddDays(90))));
        }

        var parents = new List<(int Number, int Children)>();
        var childShare = options.ParentShare >= 1 ? 0 : options.SubIssueShare / (1 - options.ParentShare);
        for (var i = 0; i < options.Count; i++)
        {
            var isPullRequest = random.Chance(options.PullRequestShare);
            var isParent = !isPullRequest && random.Chance(options.ParentShare);
            var parentSlot = !isPullRequest && !isParent && parents.Count > 0 && random.Chance(childShare) ? random.Next(parents.Count) : -1;
            if (parentSlot >= 0 && parents[parentSlot].Children >= 100)
            {
                parentSlot = -1;
            }

            var created = random.Between(from, to);
            var updated = random.Between(created, to);
            var closed = random.Chance(options.ClosedShare);
            var notPlanned = closed && !isPullRequest && random.Chance(options.NotPlannedShareOfClosed);
            var issue = store.AddIssue(repository, new FakeGitHubIssue
            {
                Title = random.Title(i + 1),
                Body = $"Generated item {i + 1} of {repository}.",
                IsPullRequest = isPullRequest,
                State = closed ? GitHubIssueState.Closed : GitHubIssueState.Open,
                StateReason = closed ? (notPlanned ? GitHubStateReason.NotPlanned : GitHubStateReason.Completed) : null,
                Labels = random.PickSome(options.LabelVocabulary, options.MaxLabelsPerIssue),
                Assignees = PickAssignees(random, options),
                Author = options.Assignees.Count > 0 ? random.Pick(options.Assignees) : "octocat",
                Milestone = options.MilestoneCount > 0 && random.Chance(0.5) ? random.Next(1, options.MilestoneCount + 1) : null,
                Parent = parentSlot >= 0 ? new FakeIssueRef(repository, parents[parentSlot].Number) : null,
                Comments = random.Next(0, 12),
                CreatedAt = created,
                UpdatedAt = updated,
                ClosedAt = closed ? updated : null,
            });
            if (parentSlot >= 0)
            {
                parents[parentSlot] = (parents[parentSlot].Number, parents[parentSlot].Children + 1);
            }

            if (isParent)
            {
                parents.Add((issue.Number, 0));
            }
        }
    }

    private static IReadOnlyList<string> PickAssignees(Random random, GitHubSeedOptions options)
    {
        if (options.Assignees.Count == 0 || random.Chance(options.UnassignedShare))
        {
            return [];
        }

        var first = random.Pick(options.Assignees);
        var second = random.Chance(0.2) ? random.Pick(options.Assignees) : first;
        return second == first ? [first] : [first, second];
    }
}
