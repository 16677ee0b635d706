using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Trackers.Files;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// Jira in the <see cref="TrackerRegistry"/>: <c>jira:PROJECT</c>, <c>jira-export:PATH</c>, keys <c>PROJECT-N</c>.
/// The sources of one run share a <see cref="JiraSite"/>, so <c>/myself</c> and <c>/field</c> are read once per run.
/// </summary>
public sealed class JiraTracker : TrackerEntry<JiraSource>
{
    public override SourceKind Kind => SourceKind.Jira;

    public override string ContainerForm => "PROJECT";

    public override TrackerKeyShape Keys => TrackerKeys.Jira;

    public override string Normalize(string container) => container.ToUpperInvariant();

    public override IEnumerable<string> ConfiguredContainers(TrackerServices services) => services.Jira.Projects;

    public override IEnumerable<string> WatchedContainers(TrackerServices services) =>
        services.Jira.BaseUrl is null ? [] : services.Jira.Projects.Select(Normalize);

    public override Func<JsonElement, WorkItem> ExportMapper(string? storyPointsField) => issue => JiraIssueMapper.Map(issue, storyPointsField);

    public override IWorkSource CreateExport(string path, TrackerServices services) =>
        new FileExportSource(Kind, path, services.Jira.StoryPointsField ?? JiraOptions.CommonStoryPointsField);

    protected override Func<string, JiraSource> Builder(TrackerServices services)
    {
        JiraSite? site = null;
        return project =>
        {
            var options = services.Jira;
            site ??= CreateSite(services, options);
            return new JiraSource(project, services.CreateJiraClient(), site, options, services.Time);
        };
    }

    protected override Task<WorkItem?> FetchAsync(JiraSource source, string key, CancellationToken cancellationToken) =>
        source.FetchAsync(key, cancellationToken);

    private static JiraSite CreateSite(TrackerServices services, JiraOptions options)
    {
        if (options.BaseUrl is null)
        {
            throw new InvalidOperationException("OkrSync:Jira:BaseUrl is not set");
        }
        return new JiraSite(services.CreateJiraClient(), options, services.Loggers.CreateLogger<JiraSite>());
    }
}
