using System.Text.Json;
using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
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

    public override IEnumerable<string> ConfiguredContainers(IServiceProvider services) =>
        services.GetRequiredService<IOptions<JiraOptions>>().Value.Projects;

    public override IEnumerable<string> ConfiguredContainers(IConfiguration configuration) =>
        configuration.Setting("OkrSync:Jira:BaseUrl") is null ? [] : configuration.List(JiraOptions.ProjectsSetting).Select(Normalize);

    public override Func<JsonElement, WorkItem> ExportMapper(string? storyPointsField) => issue => JiraIssueMapper.Map(issue, storyPointsField);

    public override IWorkSource CreateExport(string path, IServiceProvider services) =>
        new FileExportSource(Kind, path, services.GetRequiredService<IOptions<JiraOptions>>().Value.StoryPointsField ?? JiraOptions.CommonStoryPointsField);

    protected override Func<string, JiraSource> Builder(IServiceProvider services)
    {
        JiraSite? site = null;
        return project =>
        {
            var options = services.GetRequiredService<IOptions<JiraOptions>>().Value;
            site ??= CreateSite(services, options);
            return new JiraSource(project, services.GetRequiredService<JiraClient>(), site, options, services.GetRequiredService<TimeProvider>());
        };
    }

    protected override Task<WorkItem?> FetchAsync(JiraSource source, string key, CancellationToken cancellationToken) =>
        source.FetchAsync(key, cancellationToken);

    private static JiraSite CreateSite(IServiceProvider services, JiraOptions options)
    {
        if (options.BaseUrl is null)
        {
            throw new InvalidOperationException("OkrSync:Jira:BaseUrl is not set");
        }
        return new JiraSite(services.GetRequiredService<JiraClient>(), options, services.GetRequiredService<ILogger<JiraSite>>());
    }
}
