using System.Security.Cryptography;
using System.Text;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>One commit of a fake repository's branch: its sha, time, message, the whole tree after it and the paths it changed.</summary>
public sealed record FakeGitHubCommit(string Sha, DateTimeOffset At, string Message, IReadOnlyDictionary<string, string> Tree, IReadOnlyList<string> Changed);

/// <summary>
/// Files of fake repositories, per branch, as a list of commits (thread-safe). A commit's sha is derived from its
/// parent, its branch and its content, so a test can compute nothing and still get stable 40-hex shas.
/// </summary>
internal sealed class GitHubFiles(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Repository, string Branch), List<FakeGitHubCommit>> branches = [];

    public FakeGitHubCommit Commit(string repository, string branch, string message, IReadOnlyDictionary<string, string?> changes)
    {
        lock (gate)
        {
            var key = (repository.ToLowerInvariant(), branch);
            if (!branches.TryGetValue(key, out var commits))
            {
                branches[key] = commits = [];
            }
            var parent = commits.Count > 0 ? commits[^1] : null;
            var tree = new Dictionary<string, string>(parent?.Tree ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (path, content) in changes)
            {
                if (content is null)
                {
                    tree.Remove(path);
                }
                else
                {
                    tree[path] = content;
                }
            }
            var seed = $"{parent?.Sha}\n{repository}\n{branch}\n{message}\n{string.Join("\n", changes.Select(c => $"{c.Key}={c.Value}"))}";
            var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(seed)));
            var commit = new FakeGitHubCommit(sha, time.GetUtcNow(), message, tree, [.. changes.Keys]);
            commits.Add(commit);
            return commit;
        }
    }

    /// <summary>The commit a ref names: a branch's head, or any commit by its sha (or a 7+ character prefix).</summary>
    public (FakeGitHubCommit Commit, List<FakeGitHubCommit> History)? Resolve(string repository, string reference)
    {
        lock (gate)
        {
            if (branches.TryGetValue((repository.ToLowerInvariant(), reference), out var head) && head.Count > 0)
            {
                return (head[^1], [.. head]);
            }
            foreach (var ((repo, _), commits) in branches)
            {
                if (repo != repository.ToLowerInvariant())
                {
                    continue;
                }
                var index = reference.Length >= 7 ? commits.FindIndex(c => c.Sha.StartsWith(reference, StringComparison.Ordinal)) : -1;
                if (index >= 0)
                {
                    return (commits[index], commits[..(index + 1)]);
                }
            }
            return null;
        }
    }

    /// <summary>git's blob sha of a file's content.</summary>
    public static string BlobSha(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));
}
