namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Generates a project's issues from a seed: epics, stories/tasks/bugs under epics, sub-tasks; same options, same issues.</summary>
internal static class JiraIssueGenerator
{
    private static readonly string[] StandardTypes = ["Story", "Task", "Bug"];
    private static readonly double[] Estimates = [1, 2, 3, 5, 8, 13];

    public static void Seed(JiraStore store, string project, JiraSeedOptions options, DateTimeOffset now)
    {
        var random = new Random(options.RandomSeed);
        var to = options.To ?? now;
        var from = options.From ?? to.AddDays(-365);
        var epics = new List<string>();
        var standard = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            var isEpic = random.Chance(options.EpicShare);
            var isSubtask = !isEpic && standard.Count > 0 && random.Chance(options.SubtaskShare);
            var type = isEpic ? "Epic" : isSubtask ? "Subtask" : random.Pick(StandardTypes);
            var parent = isSubtask ? random.Pick(standard)
                : !isEpic && epics.Count > 0 && random.Chance(options.ChildShare) ? random.Pick(epics) : null;
            var created = random.Between(from, to);
            var updated = random.Between(created, to);
            var (status, category, resolution) = State(random, options);
            var issue = store.AddIssue(new FakeJiraIssue
            {
                Project = project,
                Summary = random.Title(i + 1),
                IssueType = type,
                ParentKey = parent,
                Status = status,
                StatusCategory = category,
                Resolution = resolution,
                ResolutionDate = resolution is null ? null : updated,
                Labels = random.PickSome(options.LabelVocabulary, options.MaxLabelsPerIssue),
                Components = random.PickSome(options.Components, 1),
                FixVersions = random.PickSome(options.FixVersions, 1),
                Assignee = options.Assignees.Count == 0 || random.Chance(options.UnassignedShare) ? null : random.Pick(options.Assignees),
                StoryPoints = !isEpic && !isSubtask && random.Chance(options.EstimatedShare) ? random.Pick(Estimates) : null,
                Created = created,
                Updated = updated,
            });
            if (isEpic)
            {
                epics.Add(issue.Key);
            }
            else if (!isSubtask)
            {
                standard.Add(issue.Key);
            }
        }
    }

    private static (string Status, JiraStatusCategory Category, string? Resolution) State(Random random, JiraSeedOptions options)
    {
        var draw = random.NextDouble();
        if (draw < options.DoneShare)
        {
            return random.Chance(options.WontDoShareOfDone)
                ? (random.Chance(0.5) ? "Won't Do" : "Done", JiraStatusCategory.Done, "Won't Do")
                : ("Done", JiraStatusCategory.Done, "Done");
        }

        return draw < options.DoneShare + options.InProgressShare
            ? (random.Chance(0.7) ? "In Progress" : "In Review", JiraStatusCategory.Indeterminate, null)
            : ("To Do", JiraStatusCategory.New, null);
    }
}
