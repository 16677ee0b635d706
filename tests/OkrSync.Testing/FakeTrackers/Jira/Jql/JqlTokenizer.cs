using System.Text;

namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

/// <summary>Splits JQL into words, quoted strings, operators, parentheses and commas.</summary>
internal static class JqlTokenizer
{
    private const string Special = "()\"',=<>!~";

    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new JqlToken(c == '(' ? JqlTokenKind.OpenParen : c == ')' ? JqlTokenKind.CloseParen : JqlTokenKind.Comma, c.ToString(), i + 1));
                i++;
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(Quoted(jql, ref i));
            }
            else if (c is '=' or '<' or '>' or '!' or '~')
            {
                var length = i + 1 < jql.Length && jql[i + 1] is '=' or '~' ? 2 : 1;
                tokens.Add(new JqlToken(JqlTokenKind.Operator, jql.Substring(i, length), i + 1));
                i += length;
            }
            else
            {
                var start = i;
                while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && !Special.Contains(jql[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(new JqlToken(JqlTokenKind.Word, jql[start..i], start + 1));
            }
        }

        tokens.Add(new JqlToken(JqlTokenKind.End, string.Empty, jql.Length + 1));
        return tokens;
    }

    private static JqlToken Quoted(string jql, ref int i)
    {
        var quote = jql[i];
        var start = i;
        var text = new StringBuilder();
        for (i++; i < jql.Length && jql[i] != quote; i++)
        {
            if (jql[i] == '\\' && i + 1 < jql.Length)
            {
                i++;
            }

            text.Append(jql[i]);
        }

        if (i >= jql.Length)
        {
            throw new JqlException($"Error in the JQL Query: The quoted string '{jql[(start + 1)..]}' has not been completed. (line 1, character {start + 1})");
        }

        i++;
        return new JqlToken(JqlTokenKind.String, text.ToString(), start + 1);
    }
}
