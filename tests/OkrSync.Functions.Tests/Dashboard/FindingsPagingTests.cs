using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Findings;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Pipeline;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>
/// The findings page 100 at a time, through <c>okrsync serve</c>: 250 open orphans and 30 items against a "not doing"
/// make 280 findings or more, stored by the live report as a sync does.
/// </summary>
public sealed partial class FindingsPagingTests : IAsyncLifetime
{
    private const int Orphans = 250;
    private const int Contradicting = 30;
    private AppHarness app = null!;

    public async Task InitializeAsync()
    {
        app = await AppHarness.StartAsync(AppMode.Serve);
        var now = DateTimeOffset.UtcNow;
        await app.Store.UpsertAsync([
            .. Enumerable.Range(1, Orphans).Select(n => Item($"acme/web#{n}", [], now.AddDays(-n))),
            .. Enumerable.Range(1, Contradicting).Select(n => Item($"acme/sales#{n}", ["dach"], now.AddDays(-n))),
        ]);
        await app.Services.GetRequiredService<LiveReport>().ReloadAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SecondPage_ListsTheNextHundred_AndThePagesTogetherAreEveryFindingOnce_MostUrgentKindFirst()
    {
        var all = (await app.GetJsonAsync("/api/findings")).EnumerateArray().Select(Identity).ToList();

        var first = await app.GetJsonAsync("/dashboard/findings?format=json");
        var second = await app.GetJsonAsync("/dashboard/findings?format=json&page=2");
        var pages = first.GetProperty("pages").GetInt32();
        var listed = new List<(string Kind, string Subject)>();
        for (var page = 1; page <= pages; page++)
        {
            listed.AddRange((await app.GetJsonAsync($"/dashboard/findings?format=json&page={page}")).GetProperty("findings").EnumerateArray().Select(Identity));
        }

        Assert.True(all.Count >= Orphans + Contradicting, $"only {all.Count} findings");
        Assert.Equal((all.Count, 1, 100, (all.Count + 99) / 100), (Total(first), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), pages));
        Assert.Equal((all.Count, 2, pages), (Total(second), second.GetProperty("page").GetInt32(), second.GetProperty("pages").GetInt32()));
        Assert.Equal((100, 100), (first.GetProperty("findings").GetArrayLength(), second.GetProperty("findings").GetArrayLength()));
        Assert.Equal(listed.Skip(100).Take(100), second.GetProperty("findings").EnumerateArray().Select(Identity));
        Assert.Equal(all.Order(), listed.Order());
        Assert.Equal(listed.Select(f => FindingKinds.Order(f.Kind)).Order(), listed.Select(f => FindingKinds.Order(f.Kind)));
        Assert.Equal(all.Count, first.GetProperty("kinds").EnumerateArray().Sum(k => k.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task KindAndPageTogether_PageOnlyThatKind_WithItsOwnTotals()
    {
        var orphaned = (await app.GetJsonAsync("/api/findings")).EnumerateArray().Count(f => f.GetProperty("kind").GetString() == FindingKinds.OrphanedWork);

        var third = await app.GetJsonAsync($"/dashboard/findings?kind={FindingKinds.OrphanedWork}&page=3&format=json");

        Assert.Equal(Orphans, orphaned);
        Assert.Equal((FindingKinds.OrphanedWork, orphaned, 3, 3), (third.GetProperty("kind").GetString(), Total(third), third.GetProperty("page").GetInt32(), third.GetProperty("pages").GetInt32()));
        Assert.Equal(orphaned - 200, third.GetProperty("findings").GetArrayLength());
        Assert.All(third.GetProperty("findings").EnumerateArray(), f => Assert.Equal(FindingKinds.OrphanedWork, f.GetProperty("kind").GetString()));
        var counts = third.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal((orphaned, Contradicting), (counts[FindingKinds.OrphanedWork], counts[FindingKinds.ContradictsNotDoing]));
    }

    [Fact]
    public async Task NextLinkInTheHtml_KeepsTheKind_AndLeadsToTheNextPage_WithoutScript()
    {
        var first = await app.Client.GetStringAsync(new Uri($"/dashboard/findings?kind={FindingKinds.OrphanedWork}", UriKind.Relative));
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups["href"].Value);

        var second = await app.Client.GetStringAsync(new Uri(next, UriKind.Relative));

        Assert.Equal($"/dashboard/findings?kind={FindingKinds.OrphanedWork}&page=2", next);
        Assert.Contains($"Findings 101–200 of {Orphans}.", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Equal(100, FindingItem().Matches(second).Count);
        Assert.All(FindingItem().Matches(second), m => Assert.Equal(FindingKinds.OrphanedWork, m.Groups["kind"].Value));
    }

    [Fact]
    public async Task PagePastTheLast_ShowsTheLastPage_AsTheOrphanListDoes()
    {
        var findings = await app.GetJsonAsync("/dashboard/findings?format=json&page=999");
        var orphans = await app.GetJsonAsync("/dashboard/orphans?format=json&page=999");

        Assert.Equal(findings.GetProperty("pages").GetInt32(), findings.GetProperty("page").GetInt32());
        Assert.Equal(Total(findings) - (findings.GetProperty("pages").GetInt32() - 1) * 100, findings.GetProperty("findings").GetArrayLength());
        Assert.Equal((3, 3, 50), (orphans.GetProperty("page").GetInt32(), orphans.GetProperty("pages").GetInt32(), orphans.GetProperty("items").GetArrayLength()));
    }

    [Theory]
    [InlineData("/dashboard/findings", "0")]
    [InlineData("/dashboard/findings", "two")]
    [InlineData("/dashboard/findings", "-1")]
    [InlineData("/dashboard/orphans", "1.5")]
    public async Task MalformedPage_Is400SayingWhatAPageIs_AsJsonAndAsAPage(string path, string page)
    {
        using var json = await app.Client.GetAsync(new Uri($"{path}?format=json&page={Uri.EscapeDataString(page)}", UriKind.Relative));
        using var html = await app.Client.GetAsync(new Uri($"{path}?page={Uri.EscapeDataString(page)}", UriKind.Relative));
        var error = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (json.StatusCode, html.StatusCode));
        Assert.Equal($"page must be a whole number from 1 up; got '{page}'", error);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains(WebUtility.HtmlEncode(error!), await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int Total(JsonElement page) => page.GetProperty("total").GetInt32();

    private static (string Kind, string Subject) Identity(JsonElement finding) => (finding.GetProperty("kind").GetString()!, finding.GetProperty("subject").GetString()!);

    private static WorkItem Item(string key, IReadOnlyList<string> labels, DateTimeOffset created) => new()
    {
        Source = SourceKind.GitHub,
        Key = key,
        Container = key[..key.IndexOf('#', StringComparison.Ordinal)],
        Title = "Work " + key,
        Url = $"https://github.com/{key.Replace("#", "/issues/", StringComparison.Ordinal)}",
        State = StateCategory.Todo,
        Labels = labels,
        Created = created,
        Updated = created,
    };

    [GeneratedRegex("<a rel=\"next\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<li class=\"finding [^\"]*\" data-kind=\"(?<kind>[^\"]+)\"")]
    private static partial Regex FindingItem();
}
