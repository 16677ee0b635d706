using System.Text.Json;

namespace OkrSync.Pipeline.StrategySources;

/// <summary>
/// Whether a GitHub <c>push</c> event changes the strategy file: same repository (<c>repository.full_name</c>), the
/// configured ref (<c>ref</c> = <c>refs/heads/REF</c> or <c>refs/tags/REF</c>), and the file among some commit's
/// <c>added</c>, <c>modified</c> or <c>removed</c> paths. A push whose commit list is cut short (GitHub sends at most
/// 2048 commits) or empty while <c>after</c> moved counts as touching it, since the file may be among the missing ones.
/// </summary>
public static class StrategyPush
{
    public static bool Touches(GitStrategyLocation location, JsonElement push)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (push.ValueKind != JsonValueKind.Object
            || !push.TryGetProperty("ref", out var reference) || reference.ValueKind != JsonValueKind.String
            || !push.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object
            || !repository.TryGetProperty("full_name", out var fullName) || fullName.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var refName = reference.GetString();
        if (!string.Equals(fullName.GetString(), location.FullName, StringComparison.OrdinalIgnoreCase)
            || (refName != $"refs/heads/{location.Ref}" && refName != $"refs/tags/{location.Ref}"))
        {
            return false;
        }
        if (!push.TryGetProperty("commits", out var commits) || commits.ValueKind != JsonValueKind.Array || commits.GetArrayLength() == 0)
        {
            // No commit list (a forced push, a branch created at a commit): the file may have changed.
            return !(push.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True);
        }
        foreach (var commit in commits.EnumerateArray())
        {
            foreach (var list in (string[])["added", "modified", "removed"])
            {
                if (commit.ValueKind == JsonValueKind.Object && commit.TryGetProperty(list, out var paths) && paths.ValueKind == JsonValueKind.Array
                    && paths.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.String && p.GetString() == location.Path))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
