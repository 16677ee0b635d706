namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

/// <summary>Runs a parsed query on a snapshot: validates project and key values, filters, sorts (ties broken by id).</summary>
internal static class JqlEvaluator
{
    public static FakeJiraIssue[] Evaluate(JqlQuery query, JiraSnapshot snapshot)
    {
        IEnumerable<FakeJiraIssue> candidates = snapshot.Issues.Values;
        var narrowed = false;
        foreach (var clause in query.Clauses)
        {
            switch (clause)
            {
                case JqlProjectClause project:
                    var keys = project.Values.Select(value => ProjectKey(snapshot, value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    if (!project.Negated && !narrowed)
                    {
                        candidates = keys.SelectMany(key => snapshot.ByProject[key]);
                        narrowed = true;
                    }
                    else
                    {
                        candidates = candidates.Where(issue => keys.Contains(issue.Project) != project.Negated);
                    }

                    break;
                case JqlKeyClause key:
                    var issueKeys = key.Values.Select(value => IssueKey(snapshot, value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    candidates = candidates.Where(issue => issueKeys.Contains(issue.Key) != key.Negated);
                    break;
                case JqlDateClause date:
                    candidates = candidates.Where(issue => Matches(issue, date));
                    break;
            }
        }

        var result = candidates.ToArray();
        Array.Sort(result, Comparer(query.OrderBy));
        return result;
    }

    private static string ProjectKey(JiraSnapshot snapshot, string value)
    {
        if (snapshot.Projects.TryGetValue(value, out var project))
        {
            return project.Key;
        }

        var match = snapshot.Projects.Values.FirstOrDefault(p =>
            p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == value
            || string.Equals(p.Name, value, StringComparison.OrdinalIgnoreCase));
        return match?.Key ?? throw new JqlException($"The value '{value}' does not exist for the field 'project'.");
    }

    private static string IssueKey(JiraSnapshot snapshot, string value) =>
        snapshot.Find(value)?.Key ?? throw new JqlException($"An issue with key '{value}' does not exist for field 'key'.");

    private static bool Matches(FakeJiraIssue issue, JqlDateClause clause)
    {
        DateTimeOffset? value = clause.Field switch
        {
            "updated" => issue.Updated,
            "created" => issue.Created,
            _ => issue.ResolutionDate,
        };
        if (value is not { } actual)
        {
            return clause.Operator == "!=";
        }

        return clause.Operator switch
        {
            ">=" => actual >= clause.Value,
            ">" => actual > clause.Value,
            "<=" => actual <= clause.Value,
            "<" => actual < clause.Value,
            "=" => actual == clause.Value,
            "!=" => actual != clause.Value,
            _ => throw new JqlException($"The operator '{clause.Operator}' is not supported by the '{clause.Field}' field."),
        };
    }

    private static Comparison<FakeJiraIssue> Comparer(IReadOnlyList<JqlOrder> orderBy)
    {
        var orders = orderBy.Count > 0 ? orderBy : [new JqlOrder("key", true)];
        return (a, b) =>
        {
            foreach (var order in orders)
            {
                var compared = order.Field switch
                {
                    "updated" => a.Updated.CompareTo(b.Updated),
                    "created" => a.Created.CompareTo(b.Created),
                    "resolutiondate" => Nullable.Compare(a.ResolutionDate, b.ResolutionDate),
                    "id" => a.Id.CompareTo(b.Id),
                    _ => JiraKeys.Compare(a.Key, b.Key),
                };
                if (compared != 0)
                {
                    return order.Ascending ? compared : -compared;
                }
            }

            return a.Id.CompareTo(b.Id);
        };
    }
}
