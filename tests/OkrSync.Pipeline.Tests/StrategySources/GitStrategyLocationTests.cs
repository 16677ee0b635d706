using System.Text.Json;
using OkrSync.Pipeline.StrategySources;

namespace OkrSync.Pipeline.Tests.StrategySources;

public sealed class GitStrategyLocationTests
{
    [Theory]
    [InlineData("github:acme/strategy/strategy.yaml@main", "acme", "strategy", "strategy.yaml", "main")]
    [InlineData("github:acme/strategy/okr/2027/strategy.yaml@release/2027", "acme", "strategy", "okr/2027/strategy.yaml", "release/2027")]
    [InlineData("  github:acme/strategy/s.yaml@0123456789abcdef0123456789abcdef01234567 ", "acme", "strategy", "s.yaml", "0123456789abcdef0123456789abcdef01234567")]
    public void WellFormed_IsParsed(string value, string owner, string repository, string path, string reference)
    {
        var location = GitStrategyLocation.TryParse(value, out var problem);

        Assert.Null(problem);
        Assert.Equal(new GitStrategyLocation(owner, repository, path, reference), location);
    }

    [Theory]
    [InlineData("github:acme/strategy.yaml@main", "name the owner, the repository and the file's path")]
    [InlineData("github:acme/strategy/strategy.yaml", "names no ref")]
    [InlineData("github:acme/strategy/strategy.yaml@", "names no ref")]
    [InlineData("github:acme/strategy/../secrets.yaml@main", "'.' or '..'")]
    [InlineData("github:acme/strategy/strategy.yaml@ma in", "is not a branch, tag or commit")]
    public void Malformed_SaysWhatIsWrong(string value, string reason)
    {
        var location = GitStrategyLocation.TryParse(value, out var problem);

        Assert.Null(location);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalPathSetting_IsNotGitAndResolvesAgainstTheAppFolder()
    {
        var options = new StrategyOptions { StrategySource = "okr/strategy.yaml" };

        Assert.Null(options.Git);
        Assert.Null(options.Problem());
        Assert.Equal(Path.GetFullPath(Path.Combine("/srv/app", "okr/strategy.yaml")), options.ResolvedPath("/srv/app"));
    }

    [Theory]
    [InlineData("refs/heads/main", "acme/strategy", "okr/strategy.yaml", true)]
    [InlineData("refs/heads/main", "ACME/Strategy", "okr/strategy.yaml", true)]
    [InlineData("refs/heads/feature", "acme/strategy", "okr/strategy.yaml", false)]
    [InlineData("refs/heads/main", "acme/web", "okr/strategy.yaml", false)]
    [InlineData("refs/heads/main", "acme/strategy", "okr/other.yaml", false)]
    [InlineData("refs/heads/main", "acme/strategy", "strategy.yaml", false)]
    public void Push_TouchesTheFileOnlyOnItsRepositoryAndRef(string reference, string repository, string changed, bool touches)
    {
        var location = new GitStrategyLocation("acme", "strategy", "okr/strategy.yaml", "main");
        using var push = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            @ref = reference,
            repository = new { full_name = repository },
            commits = new[] { new { added = Array.Empty<string>(), modified = new[] { "README.md" }, removed = Array.Empty<string>() }, new { added = Array.Empty<string>(), modified = Array.Empty<string>(), removed = new[] { changed } } },
        }));

        Assert.Equal(touches, StrategyPush.Touches(location, push.RootElement));
    }

    [Fact]
    public void PushWithoutCommitList_CountsAsTouchingUnlessTheBranchIsDeleted()
    {
        var location = new GitStrategyLocation("acme", "strategy", "s.yaml", "main");
        using var forced = JsonDocument.Parse("""{"ref":"refs/heads/main","repository":{"full_name":"acme/strategy"},"commits":[],"deleted":false}""");
        using var deleted = JsonDocument.Parse("""{"ref":"refs/heads/main","repository":{"full_name":"acme/strategy"},"commits":[],"deleted":true}""");

        Assert.True(StrategyPush.Touches(location, forced.RootElement));
        Assert.False(StrategyPush.Touches(location, deleted.RootElement));
    }
}
