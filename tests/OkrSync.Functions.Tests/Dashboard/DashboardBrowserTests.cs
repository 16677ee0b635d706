using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OkrSync.Testing.Emulators;
using Xunit.Abstractions;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>The dashboard in Chromium, served by <c>okrsync serve</c> over the demo data.</summary>
public sealed class DashboardBrowserTests(DemoDashboard dashboard, ITestOutputHelper output) : IClassFixture<DemoDashboard>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "strategy", "/dashboard" },
        { "key-result", "KEY-RESULT" },
        { "orphans", "/dashboard/orphans" },
        { "investment", "/dashboard/investment" },
        { "findings", "/dashboard/findings" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachPage_LoadsWithNoConsoleErrorsAndNoRequestLeavingTheServer_AndIsScreenshotAtDesktopAndPhoneWidths(string name, string path)
    {
        path = path == "KEY-RESULT" ? dashboard.KeyResultPath() : path;
        foreach (var width in new[] { 1440, 390 })
        {
            await using var watched = await dashboard.OpenAsync(path, width);
            var file = Path.Combine(DemoDashboard.ScreenshotFolder, $"dashboard-{name}-{width}.png");
            Directory.CreateDirectory(DemoDashboard.ScreenshotFolder);
            await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"{path} at {width} px: {file}");
            var scrollWidth = await watched.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

            Assert.Equal(200, watched.Status);
            Assert.Empty(watched.Errors);
            Assert.All(watched.Requests, url => Assert.True(url.StartsWith(dashboard.BaseAddress.AbsoluteUri, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"{url} left the server"));
            Assert.Contains(watched.Requests, url => url.EndsWith("/dashboard/assets/dashboard.css", StringComparison.Ordinal));
            Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide at a {width} px viewport");
            Assert.Equal((width, true), (ChromiumScreenshot.PngSize(file).Width, ChromiumScreenshot.PngSize(file).Height >= 600));
        }
    }

    [Fact]
    public async Task StrategyPage_ShowsTheRollupApisNumbers_OrphanedCountAndEachKeyResultsOutputAndOutcome()
    {
        await using var watched = await dashboard.OpenAsync("/dashboard");
        var page = watched.Page;
        var rollup = dashboard.Rollup;
        var keyResults = rollup.GetProperty("keyResults").EnumerateArray().ToList();

        var orphaned = await page.Locator("#summary-orphaned dd").InnerTextAsync();
        var drawn = await page.Locator("article[data-kr]").CountAsync();

        Assert.Equal(rollup.GetProperty("summary").GetProperty("orphaned").GetInt32().ToString(CultureInfo.InvariantCulture), orphaned.Trim());
        Assert.Equal(keyResults.Count, drawn);
        foreach (var kr in keyResults)
        {
            var node = page.Locator($"article[data-kr=\"{kr.GetProperty("id").GetString()}\"]");
            var output = kr.GetProperty("output");
            var outcome = kr.GetProperty("outcome");
            Assert.Equal($"{output.GetProperty("done").GetInt32()} of {output.GetProperty("planned").GetInt32()} done", (await node.Locator(".output-value").InnerTextAsync()).Trim());
            Assert.Equal(Percent(output.GetProperty("ratio").GetDouble()), (await node.Locator(".output .ratio").InnerTextAsync()).Trim());
            Assert.Equal(outcome.GetProperty("ratio").ValueKind == JsonValueKind.Null ? "–" : Percent(outcome.GetProperty("ratio").GetDouble()), (await node.Locator(".outcome .ratio").InnerTextAsync()).Trim());
            if (outcome.GetProperty("current").ValueKind != JsonValueKind.Null)
            {
                Assert.StartsWith(outcome.GetProperty("current").GetDouble().ToString("0.##", CultureInfo.InvariantCulture), (await node.Locator(".outcome-value").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            }
            Assert.Equal(output.GetProperty("ratio").GetDouble(), double.Parse((await node.GetAttributeAsync("data-output-ratio"))!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task FlaggedKeyResult_IsVisiblyMarkedWithItsFlag()
    {
        var flagged = dashboard.Rollup.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() is "outputs-without-outcome" or "unbacked-kr")
            .Select(f => (Kr: f.GetProperty("subject").GetString()!, Kind: f.GetProperty("kind").GetString()!))
            .ToList();
        Assert.NotEmpty(flagged);
        await using var watched = await dashboard.OpenAsync("/dashboard");

        foreach (var (kr, kind) in flagged)
        {
            var node = watched.Page.Locator($"article[data-kr=\"{kr}\"]");
            var badge = node.Locator($".flag[data-flag=\"{kind}\"]");
            var border = await node.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor");
            var badgeBackground = await badge.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

            Assert.Contains("flagged", (await node.GetAttributeAsync("class"))!.Split(' '));
            Assert.True(await badge.IsVisibleAsync(), $"{kr}'s {kind} badge is not visible");
            Assert.Equal("rgb(185, 28, 28)", border);
            Assert.NotEqual("rgba(0, 0, 0, 0)", badgeBackground);
        }
        var unflagged = dashboard.Rollup.GetProperty("keyResults").EnumerateArray().Select(k => k.GetProperty("id").GetString()!).Except(flagged.Select(f => f.Kr)).ToList();
        foreach (var kr in unflagged)
        {
            Assert.DoesNotContain("flagged", (await watched.Page.Locator($"article[data-kr=\"{kr}\"]").GetAttributeAsync("class"))!.Split(' '));
        }
    }

    [Fact]
    public async Task OrphanList_FilteredByAssignee_ShowsOnlyThatPersonsWork()
    {
        var orphans = JsonDocument.Parse(await dashboard.Client.GetStringAsync(new Uri("/api/orphans", UriKind.Relative))).RootElement.EnumerateArray().ToList();
        var assignee = orphans.Select(o => o.GetProperty("assignee")).Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)
            .GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key;
        var expected = orphans.Count(o => o.GetProperty("assignee").ValueKind == JsonValueKind.String && o.GetProperty("assignee").GetString() == assignee);
        await using var watched = await dashboard.OpenAsync("/dashboard/orphans");
        var before = await watched.Page.Locator("table.work tbody tr").CountAsync();

        // The page's script submits the filter form as soon as the choice changes.
        await Task.WhenAll(
            watched.Page.WaitForURLAsync(url => url.Contains("assignee=", StringComparison.Ordinal)),
            watched.Page.SelectOptionAsync("#assignee-filter", assignee));
        var rows = watched.Page.Locator("table.work tbody tr");
        var assignees = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.assignee)");

        Assert.Contains("assignee=", watched.Page.Url, StringComparison.Ordinal);
        Assert.Equal(Math.Min(orphans.Count, 100), before);
        Assert.True(expected < orphans.Count, "the filter must leave something out for this test to mean anything");
        Assert.Equal(expected, assignees.Length);
        Assert.All(assignees, a => Assert.Equal(assignee, a));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await watched.Page.Locator("#orphan-count").GetAttributeAsync("data-total"));
        Assert.Empty(watched.Errors);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AxeCore_FindsNoSeriousOrCriticalViolations(string name, string path)
    {
        path = path == "KEY-RESULT" ? dashboard.KeyResultPath() : path;
        var axe = await NodeTools.EnsureAsync(Path.Combine("node_modules", "axe-core", "axe.min.js"));
        foreach (var width in new[] { 1440, 390 })
        {
            // axe is injected as a script tag: the test's context lets it past the page's Content-Security-Policy.
            await using var watched = await dashboard.OpenAsync(path, width, bypassCsp: true);
            await watched.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var violations = await watched.Page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
            var serious = violations.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
            output.WriteLine($"{name} at {width} px: {violations.GetArrayLength()} violations, {serious.Count} serious or critical");

            Assert.True(serious.Count == 0, $"{name} at {width} px:\n{string.Join('\n', serious)}");
        }
    }

    [Fact]
    public async Task EachPage_AnswersFormatJsonWithTheDataItDrew_InTheReadApisTerms()
    {
        var rollup = dashboard.Rollup;
        var orphans = JsonDocument.Parse(await dashboard.Client.GetStringAsync(new Uri("/api/orphans", UriKind.Relative))).RootElement;
        var findings = JsonDocument.Parse(await dashboard.Client.GetStringAsync(new Uri("/api/findings", UriKind.Relative))).RootElement;

        var strategy = await JsonAsync("/dashboard?format=json");
        var keyResult = await JsonAsync(dashboard.KeyResultPath() + "?format=json");
        var orphanPage = await JsonAsync("/dashboard/orphans?format=json");
        var investment = await JsonAsync("/dashboard/investment?format=json");
        var findingPage = await JsonAsync("/dashboard/findings?format=json");

        Assert.Equal(Compact(rollup.GetProperty("summary")), Compact(strategy.GetProperty("summary")));
        Assert.Equal(
            rollup.GetProperty("keyResults").EnumerateArray().Select(k => (k.GetProperty("id").GetString(), Compact(k.GetProperty("output")), Compact(k.GetProperty("outcome")))),
            strategy.GetProperty("bets").EnumerateArray().SelectMany(b => b.GetProperty("keyResults").EnumerateArray()).Select(k => (k.GetProperty("id").GetString(), Compact(k.GetProperty("output")), Compact(k.GetProperty("outcome")))));
        var rollupInvestment = rollup.GetProperty("investment");
        Assert.Equal(rollupInvestment.GetProperty("unit").GetString(), strategy.GetProperty("effortFlow").GetProperty("basis").GetString());
        Assert.Equal(rollupInvestment.GetProperty("unit").GetString(), investment.GetProperty("basis").GetString());
        Assert.Equal(rollupInvestment.GetProperty("total").GetDouble(), strategy.GetProperty("effortFlow").GetProperty("total").GetDouble(), 2);
        foreach (var share in investment.GetProperty("shares").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "bet"))
        {
            var expected = rollupInvestment.GetProperty("bets").GetProperty(share.GetProperty("id").GetString()!);
            Assert.Equal(expected.GetProperty("actual").ValueKind == JsonValueKind.Null ? 0 : expected.GetProperty("actual").GetDouble(), share.GetProperty("actual").GetDouble(), 4);
            Assert.Equal(expected.GetProperty("weight").GetDouble(), share.GetProperty("items").GetDouble(), 2);
        }
        Assert.Equal(rollup.GetProperty("keyResults")[0].GetProperty("id").GetString(), keyResult.GetProperty("keyResult").GetProperty("id").GetString());
        Assert.NotEqual(0, keyResult.GetProperty("weeks").GetArrayLength());
        Assert.Equal((orphans.GetArrayLength(), 100), (orphanPage.GetProperty("total").GetInt32(), orphanPage.GetProperty("pageSize").GetInt32()));
        Assert.Equal(rollup.GetProperty("bets").GetArrayLength() + 3, investment.GetProperty("shares").GetArrayLength());
        Assert.Equal(findings.GetArrayLength(), findingPage.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task StrategyPage_ShowsEachBetsActualShareAndWeight_AsTheRollupApisInvestment()
    {
        var investment = dashboard.Rollup.GetProperty("investment");
        var bets = dashboard.Rollup.GetProperty("bets").EnumerateArray().ToList();
        Assert.True(investment.GetProperty("total").GetDouble() > 0, "the demo's investment window counts no work");
        await using var watched = await dashboard.OpenAsync("/dashboard");

        foreach (var bet in bets)
        {
            var id = bet.GetProperty("id").GetString()!;
            var expected = investment.GetProperty("bets").GetProperty(id);
            var node = watched.Page.Locator($"section[data-bet=\"{id}\"] .investment");
            var actual = expected.GetProperty("actual").ValueKind == JsonValueKind.Null ? 0 : expected.GetProperty("actual").GetDouble();

            Assert.Equal(actual, double.Parse((await node.GetAttributeAsync("data-actual-share"))!, CultureInfo.InvariantCulture), 4);
            Assert.Equal(expected.GetProperty("weight").GetDouble(), double.Parse((await node.GetAttributeAsync("data-weight"))!, CultureInfo.InvariantCulture), 2);
            Assert.StartsWith("actual " + Percent(actual), (await node.InnerTextAsync()).Trim(), StringComparison.Ordinal);
            if (expected.GetProperty("declared").ValueKind == JsonValueKind.Number)
            {
                var declared = expected.GetProperty("declared").GetDouble();
                Assert.Equal(declared, double.Parse((await node.GetAttributeAsync("data-declared-share"))!, CultureInfo.InvariantCulture), 4);
                Assert.Contains("declared " + Percent(declared), await node.InnerTextAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task PartnersBet_IsVisiblyMarkedPositionFlat_WithItsRatio()
    {
        var partners = dashboard.Rollup.GetProperty("bets").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "partners");
        Assert.Contains(dashboard.Rollup.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "green-krs-flat-position" && f.GetProperty("subject").GetString() == "partners");
        await using var watched = await dashboard.OpenAsync("/dashboard");
        var node = watched.Page.Locator("section[data-bet=\"partners\"]");
        var badge = node.Locator(".bet-head .flag[data-flag=\"green-krs-flat-position\"]");

        Assert.True(await badge.IsVisibleAsync(), "the partners bet's position-flat badge is not visible");
        Assert.Contains("Position flat", await badge.InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEqual("rgba(0, 0, 0, 0)", await badge.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Contains("flagged", (await node.GetAttributeAsync("class"))!.Split(' '));
        var position = node.Locator(".position");
        Assert.Equal("flat", await position.GetAttributeAsync("data-position"));
        Assert.Equal(partners.GetProperty("positionRatio").GetDouble(), double.Parse((await position.GetAttributeAsync("data-position-ratio"))!, CultureInfo.InvariantCulture), 6);
        Assert.StartsWith("flat, " + Percent(partners.GetProperty("positionRatio").GetDouble()), (await position.InnerTextAsync()).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivationKeyResultPage_DrawsItsCheckInsAsPointsWithTheirNotes_AndWhereTheCurrentValueCameFrom()
    {
        var checkIns = JsonDocument.Parse(await dashboard.Client.GetStringAsync(new Uri("/dashboard/key-results/activation?format=json", UriKind.Relative))).RootElement.GetProperty("checkIns").EnumerateArray().ToList();
        var outcome = dashboard.Rollup.GetProperty("keyResults").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "activation").GetProperty("outcome");
        Assert.NotEmpty(checkIns);
        await using var watched = await dashboard.OpenAsync("/dashboard/key-results/activation");

        var points = watched.Page.Locator("svg circle.check-in");
        var titles = await points.Locator("title").AllTextContentsAsync();

        Assert.Equal(checkIns.Count, await points.CountAsync());
        Assert.True(await points.First.IsVisibleAsync(), "the first check-in point is not visible");
        foreach (var note in checkIns.Where(c => c.GetProperty("note").ValueKind == JsonValueKind.String).Select(c => c.GetProperty("note").GetString()!))
        {
            Assert.Contains(titles, t => t.Contains(note, StringComparison.Ordinal));
        }
        Assert.Equal(checkIns.Count, await watched.Page.Locator(".check-ins tr.check-in-row").CountAsync());
        Assert.Equal(outcome.GetProperty("source").GetString(), await watched.Page.Locator("p.reading").GetAttributeAsync("data-source"));
    }

    [Fact]
    public async Task UnknownKeyResult_Is404_InHtmlAndJson()
    {
        using var html = await dashboard.Client.GetAsync(new Uri("/dashboard/key-results/no-such-kr", UriKind.Relative));
        using var json = await dashboard.Client.GetAsync(new Uri("/dashboard/key-results/no-such-kr?format=json", UriKind.Relative));

        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.NotFound), (html.StatusCode, json.StatusCode));
        Assert.Contains("no key result 'no-such-kr'", System.Net.WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("the strategy has no key result 'no-such-kr'", JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await dashboard.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
