using OkrSync.Core.Work;

namespace OkrSync.Core.Tests;

public class SkeletonTests
{
    [Fact]
    public void GitHubSource_IsNamedGithub() => Assert.Equal("github", SourceKind.GitHub.Value);
}
