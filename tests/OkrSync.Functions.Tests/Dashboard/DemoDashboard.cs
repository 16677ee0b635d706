using System.Text.Json;
using Microsoft.Playwright;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>
/// The real thing, once per test class: <c>okrsync demo</c> into a temporary folder, then <c>okrsync serve</c> (the built
/// executable) over that store on a free loopback port, and Debian's Chromium (launched by its path through Playwright).
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    private readonly TempDirectory folder = new();
    private OkrsyncProcess? serve;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client => serve!.Client;

    public string ServeOutput => serve?.Output ?? "";

    public JsonElement Rollup { get; private set; }

    public static string ScreenshotFolder => ChromiumScreenshot.ArtifactFolder;

    public async Task InitializeAsync()
    {
        var demo = await OkrsyncRun.RunAsync(["demo"], folder.Path, timeLimitSeconds: 120);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        var port = FreePorts.Take(1)[0];
        var environment = new Dictionary<string, string>
        {
            ["OkrSync__Store"] = "sqlite:" + Path.Combine(folder.Path, ".okrsync", "okrsync.db"),
            ["OkrSync__StrategyPath"] = Path.Combine(folder.Path, ".okrsync", "demo", "strategy.yaml"),
        };
        serve = await OkrsyncProcess.StartAsync(OkrsyncProcess.BuiltExecutable(), ["serve", "--urls", $"http://127.0.0.1:{port}"], folder.Path, environment, port, "/api/health");
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        using (var rollup = await Client.GetAsync(new Uri("/api/rollup", UriKind.Relative)))
        {
            rollup.EnsureSuccessStatusCode();
            Rollup = JsonDocument.Parse(await rollup.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        var chromium = await ChromiumScreenshot.EnsureInstalledAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (serve is not null)
        {
            await serve.DisposeAsync();
        }
        folder.Dispose();
    }

    /// <summary>A page at <paramref name="width"/> px that records console errors, page errors and every request it makes.</summary>
    public async Task<WatchedPage> OpenAsync(string path, int width = 1440, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width >= 1000 ? 900 : 844 },
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000); // the machine is shared: a slow page is not a wrong one
        page.SetDefaultNavigationTimeout(120_000);
        var watched = new WatchedPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watched.Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => watched.Errors.Add($"page error: {error}");
        page.Request += (_, request) => watched.Requests.Add(request.Url);
        var response = await page.GotoAsync(new Uri(BaseAddress, path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        watched.Status = response?.Status ?? 0;
        return watched;
    }

    public string KeyResultPath() => "/dashboard/key-results/" + Uri.EscapeDataString(Rollup.GetProperty("keyResults")[0].GetProperty("id").GetString()!);
}

/// <summary>A browser page and what it did: console and page errors, and every URL it requested.</summary>
public sealed class WatchedPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    public int Status { get; set; }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
