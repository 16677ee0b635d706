namespace OkrSync.Pipeline.StrategySources;

/// <summary>
/// A strategy file in a GitHub repository: <c>OkrSync:StrategySource</c> = <c>github:OWNER/REPO/PATH@REF</c>, where PATH
/// may hold folders (<c>github:acme/strategy/okr/2027.yaml@main</c>) and REF is a branch, a tag or a commit sha.
/// </summary>
public sealed record GitStrategyLocation(string Owner, string Repository, string Path, string Ref)
{
    public const string Prefix = "github:";
    public const string Form = "github:OWNER/REPO/PATH@REF";

    /// <summary><c>OWNER/REPO</c>.</summary>
    public string FullName => $"{Owner}/{Repository}";

    /// <summary>Whether a setting value means a git source (anything else is a local path).</summary>
    public static bool IsGit(string? value) => value is not null && value.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The location, or why the value is not of the form <c>github:OWNER/REPO/PATH@REF</c>.</summary>
    public static GitStrategyLocation? TryParse(string value, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        problem = null;
        var text = value.Trim();
        var body = text[Prefix.Length..];
        var at = body.LastIndexOf('@');
        var where = at < 0 ? body : body[..at];
        var reference = at < 0 ? "" : body[(at + 1)..];
        var parts = where.Split('/');
        if (at < 0 || reference.Length == 0)
        {
            problem = $"'{text}' names no ref: write {Form}, e.g. github:acme/strategy/strategy.yaml@main";
        }
        else if (parts.Length < 3 || parts.Any(p => p.Length == 0 || p.Trim() != p))
        {
            problem = $"'{text}' is not {Form}: name the owner, the repository and the file's path in it, e.g. github:acme/strategy/strategy.yaml@main";
        }
        else if (parts.Any(p => p is "." or ".."))
        {
            problem = $"'{text}': the path may not hold '.' or '..' segments";
        }
        else if (reference.Any(char.IsWhiteSpace) || reference.StartsWith('/') || reference.EndsWith('/'))
        {
            problem = $"'{text}': '{reference}' is not a branch, tag or commit";
        }
        return problem is null ? new GitStrategyLocation(parts[0], parts[1], string.Join('/', parts[2..]), reference) : null;
    }

    public override string ToString() => $"{Prefix}{Owner}/{Repository}/{Path}@{Ref}";
}
