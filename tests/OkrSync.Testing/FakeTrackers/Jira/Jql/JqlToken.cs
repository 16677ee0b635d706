namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

internal enum JqlTokenKind
{
    Word,
    String,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>One JQL token; <see cref="Position"/> is the 1-based character where it starts.</summary>
internal sealed record JqlToken(JqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == JqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A JQL the fake cannot parse or evaluate; the message is the one Jira would put in <c>errorMessages</c>.</summary>
internal sealed class JqlException(string message) : Exception(message);
