using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Cli.Demo;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;
using OkrSync.Mail;
using OkrSync.Pipeline;
using OkrSync.Storage;
using OkrSync.Trackers.Files;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>
/// The demo company as a sync leaves it in a real SQLite store (items, current report, two earlier weekly snapshots),
/// on a fake clock at Monday 07:00 UTC. Each test gets its own folder; <see cref="OpenStore"/> opens the same database
/// again, as a second process would.
/// </summary>
internal sealed class MailWorld : IDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private readonly List<IDisposable> opened = [];

    private MailWorld(string folder, Report report)
    {
        Folder = folder;
        Report = report;
    }

    public string Folder { get; }

    public string StorePath => Path.Combine(Folder, "okrsync.db");

    public Report Report { get; }

    public FakeTimeProvider Clock { get; } = new(Monday);

    /// <summary>Open orphaned items last week (2026-W47): three fewer than now.</summary>
    public int LastWeekOrphans => Report.Summary.OpenOrphaned - 3;

    public static async Task<MailWorld> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("okrsync-mail-").FullName;
        var asOf = Monday.AddMinutes(-15);
        DemoWorkspace.WriteTo(folder, asOf);
        var strategy = (await StrategyFile.LoadAsync(Path.Combine(folder, DemoWorkspace.StrategyFile))).Strategy!;
        var items = await WorkItemSet.ReadAllAsync(
        [
            new FileExportSource(SourceKind.GitHub, Path.Combine(folder, DemoWorkspace.GitHubFile)),
            new FileExportSource(SourceKind.Jira, Path.Combine(folder, DemoWorkspace.JiraFile), "customfield_10016"),
        ]);
        var world = new MailWorld(folder, ReportBuilder.Build(strategy, items, asOf));
        var store = world.OpenStore();
        await store.UpsertAsync(items);
        var document = world.Report.ToDocument(includeWorkItems: false);
        await store.SaveCurrentReportAsync(document);
        await store.SaveWeeklySnapshotAsync(Earlier(document, weeksAgo: 2, orphans: world.LastWeekOrphans + 4));
        await store.SaveWeeklySnapshotAsync(Earlier(document, weeksAgo: 1, orphans: world.LastWeekOrphans));
        return world;
    }

    public IWorkStore OpenStore()
    {
        var store = StoreFactory.Create($"sqlite:{StorePath}", new ConfigurationBuilder().Build());
        opened.Add((IDisposable)store);
        return store;
    }

    public WeeklyReportSender Sender(IMailer mailer, MailOptions options, IWorkStore? store = null)
    {
        store ??= OpenStore();
        return new(store, new DigestSource(store, store), mailer, options, Clock, NullLogger<WeeklyReportSender>.Instance);
    }

    public SmtpMailer Smtp(MailOptions options) => new(options, Clock, NullLogger<SmtpMailer>.Instance);

    /// <summary>The open orphaned items, as the digest should list them.</summary>
    public IReadOnlyList<WorkItem> Orphans =>
        [.. Report.Items.Where(a => a.Classification == Core.Alignment.Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.Item)];

    public void Dispose()
    {
        opened.ForEach(s => s.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static WeeklySnapshot Earlier(ReportDocument current, int weeksAgo, int orphans)
    {
        var taken = current.AsOf.AddDays(-7 * weeksAgo);
        var summary = current.Summary with { OpenOrphaned = orphans, OrphanRate = (double)orphans / current.Summary.OpenNonOperational };
        return WeeklySnapshot.From(current) with { IsoWeek = WeeklySnapshot.IsoWeekOf(taken), TakenAt = taken, Summary = summary };
    }
}
