namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

/// <summary>
/// Parses the JQL subset connectors use: clauses on project, key, updated, created, resolutiondate joined by AND
/// (parentheses allowed), and ORDER BY. Date literals are read in the calling user's time zone, to the minute, as Jira does.
/// </summary>
internal sealed class JqlParser
{
    private readonly List<JqlToken> _tokens;
    private readonly JqlDates _dates;
    private int _index;

    private JqlParser(string jql, TimeZoneInfo zone, DateTimeOffset now)
    {
        _tokens = JqlTokenizer.Tokenize(jql);
        _dates = new JqlDates(zone, now);
    }

    private JqlToken Peek => _tokens[_index];

    public static JqlQuery Parse(string jql, TimeZoneInfo zone, DateTimeOffset now) => new JqlParser(jql, zone, now).ParseQuery();

    private JqlQuery ParseQuery()
    {
        var clauses = new List<JqlClause>();
        if (Peek.Kind != JqlTokenKind.End && !Peek.IsKeyword("ORDER"))
        {
            ParseAnd(clauses);
        }

        var order = new List<JqlOrder>();
        if (Peek.IsKeyword("ORDER"))
        {
            _index++;
            ExpectKeyword("BY");
            do
            {
                var field = Next();
                var name = SortField(field);
                var ascending = true;
                if (Peek.IsKeyword("ASC") || Peek.IsKeyword("DESC"))
                {
                    ascending = Next().IsKeyword("ASC");
                }

                order.Add(new JqlOrder(name, ascending));
            }
            while (TryTake(JqlTokenKind.Comma));
        }

        if (Peek.Kind != JqlTokenKind.End)
        {
            throw Unexpected(Peek, "Expecting either 'OR' or 'AND'");
        }

        return new JqlQuery(clauses, order, _dates.UsedRelative);
    }

    private void ParseAnd(List<JqlClause> clauses)
    {
        ParseTerm(clauses);
        while (Peek.IsKeyword("AND") || Peek.IsKeyword("OR"))
        {
            if (Peek.IsKeyword("OR"))
            {
                throw new JqlException($"The fake Jira supports only AND between clauses (OR at character {Peek.Position}).");
            }

            _index++;
            ParseTerm(clauses);
        }
    }

    private void ParseTerm(List<JqlClause> clauses)
    {
        if (TryTake(JqlTokenKind.OpenParen))
        {
            ParseAnd(clauses);
            Expect(JqlTokenKind.CloseParen, "Expecting ')'");
            return;
        }

        var field = Next();
        if (field.Kind is not (JqlTokenKind.Word or JqlTokenKind.String))
        {
            throw Unexpected(field, "Expecting a field name");
        }

        var negated = false;
        IReadOnlyList<JqlToken> values;
        string op;
        if (Peek.IsKeyword("NOT") || Peek.IsKeyword("IN"))
        {
            negated = Next().IsKeyword("NOT");
            if (negated)
            {
                ExpectKeyword("IN");
            }

            op = negated ? "not in" : "in";
            values = ParseList();
        }
        else
        {
            op = Expect(JqlTokenKind.Operator, "Expecting operator").Text;
            values = [ExpectValue()];
            negated = op == "!=";
        }

        clauses.Add(Clause(field, op, negated, values));
    }

    private JqlClause Clause(JqlToken field, string op, bool negated, IReadOnlyList<JqlToken> values)
    {
        var name = field.Text.ToLowerInvariant();
        var texts = values.Select(v => v.Text).ToList();
        switch (name)
        {
            case "project" or "key" or "issuekey" or "issue":
                if (op is not ("=" or "!=" or "in" or "not in"))
                {
                    throw new JqlException($"The operator '{op}' is not supported by the '{field.Text}' field.");
                }

                return name == "project" ? new JqlProjectClause(texts, negated) : new JqlKeyClause(texts, negated);
            case "updated" or "updateddate" or "created" or "createddate" or "resolutiondate" or "resolved":
                if (op is "in" or "not in" or "~" or "!~")
                {
                    throw new JqlException($"The operator '{op}' is not supported by the '{field.Text}' field.");
                }

                var canonical = name.StartsWith("updated", StringComparison.Ordinal) ? "updated"
                    : name.StartsWith("created", StringComparison.Ordinal) ? "created" : "resolutiondate";
                return new JqlDateClause(canonical, op, _dates.Parse(field.Text, values[0].Text));
            default:
                throw new JqlException($"Field '{field.Text}' does not exist or you do not have permission to view it.");
        }
    }

    private List<JqlToken> ParseList()
    {
        Expect(JqlTokenKind.OpenParen, "Expecting '('");
        var values = new List<JqlToken> { ExpectValue() };
        while (TryTake(JqlTokenKind.Comma))
        {
            values.Add(ExpectValue());
        }

        Expect(JqlTokenKind.CloseParen, "Expecting ')' or ','");
        return values;
    }

    private static string SortField(JqlToken token) => token.Text.ToLowerInvariant() switch
    {
        "updated" or "updateddate" => "updated",
        "created" or "createddate" => "created",
        "resolutiondate" or "resolved" => "resolutiondate",
        "key" or "issuekey" => "key",
        "id" => "id",
        _ when token.Kind is JqlTokenKind.Word or JqlTokenKind.String =>
            throw new JqlException($"Field '{token.Text}' does not exist or you do not have permission to view it."),
        _ => throw Unexpected(token, "Expecting a field name"),
    };

    private JqlToken ExpectValue()
    {
        var token = Next();
        return token.Kind is JqlTokenKind.Word or JqlTokenKind.String ? token : throw Unexpected(token, "Expecting a value");
    }

    private void ExpectKeyword(string keyword)
    {
        var token = Next();
        if (!token.IsKeyword(keyword))
        {
            throw Unexpected(token, $"Expecting '{keyword}'");
        }
    }

    private JqlToken Expect(JqlTokenKind kind, string expectation)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Unexpected(token, expectation);
    }

    private bool TryTake(JqlTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private JqlToken Next() => _tokens[Peek.Kind == JqlTokenKind.End ? _index : _index++];

    private static JqlException Unexpected(JqlToken token, string expectation) =>
        new(token.Kind == JqlTokenKind.End
            ? $"Error in the JQL Query: {expectation} but reached the end of the query. (line 1, character {token.Position})"
            : $"Error in the JQL Query: {expectation} but got '{token.Text}'. (line 1, character {token.Position})");
}
