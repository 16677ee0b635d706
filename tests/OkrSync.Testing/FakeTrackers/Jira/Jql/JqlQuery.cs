namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

/// <summary>A parsed JQL query: clauses joined by AND, and the ORDER BY list.</summary>
internal sealed record JqlQuery(IReadOnlyList<JqlClause> Clauses, IReadOnlyList<JqlOrder> OrderBy, bool UsesRelativeDates);

internal abstract record JqlClause;

/// <summary><c>project = A</c>, <c>project in (A, B)</c>, <c>project != A</c>, <c>project not in (...)</c>.</summary>
internal sealed record JqlProjectClause(IReadOnlyList<string> Values, bool Negated) : JqlClause;

/// <summary><c>key in (A-1, B-2)</c> (also <c>issuekey</c>, <c>issue</c>).</summary>
internal sealed record JqlKeyClause(IReadOnlyList<string> Values, bool Negated) : JqlClause;

/// <summary><c>updated &gt;= "yyyy-MM-dd HH:mm"</c> and the same for created and resolutiondate; the instant is already converted to UTC.</summary>
internal sealed record JqlDateClause(string Field, string Operator, DateTimeOffset Value) : JqlClause;

internal sealed record JqlOrder(string Field, bool Ascending);
