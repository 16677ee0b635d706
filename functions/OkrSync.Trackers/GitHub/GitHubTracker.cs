using System.Globalization;
using System.Text.Json;
using Octokit;
using Octokit.Internal;
using OkrSync.Core.Work;

namespace OkrSync.Trackers.GitHub;

/// <summary>GitHub in the <see cref="TrackerRegistry"/>: <c>github:OWNER/REPO</c>, <c>github-export:PATH</c>, keys <c>owner/repo#N</c>.</summary>
public sealed class GitHubTracker : TrackerEntry<GitHubSource>
{
    public override SourceKind Kind => SourceKind.GitHub;

    public override string ContainerForm => "OWNER/REPO";

    public override TrackerKeyShape Keys => TrackerKeys.GitHub;

    public override string? ContainerProblem(string text, string value) =>
        value.Length == 0 || value.Split('/').Length != 2 ? $"'{text}': name the repository as github:OWNER/REPO" : null;

    public override IEnumerable<string> ConfiguredContainers(TrackerServices services) => services.GitHub.Repositories;

    public override Func<JsonElement, WorkItem> ExportMapper(string? storyPointsField) => issue => GitHubIssueMapper.Map(issue);

    protected override Func<string, GitHubSource> Builder(TrackerServices services) => repository =>
    {
        var options = services.GitHub;
        ICredentialStore credentials = options.Token is { Length: > 0 } token
            ? new InMemoryCredentialStore(new Credentials(token))
            : options.UsesApp
                ? new GitHubAppCredentialStore(services.GitHubApp)
                : new InMemoryCredentialStore(Credentials.Anonymous);
        return new GitHubSource(repository, options, services.GitHubConnections, credentials, services.Time);
    };

    protected override Task<WorkItem?> FetchAsync(GitHubSource source, string key, CancellationToken cancellationToken) =>
        source.FetchAsync(int.Parse(Keys.ItemOf(key) ?? throw new FormatException(TrackerKeys.Problem(Kind, key)), NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken);
}
