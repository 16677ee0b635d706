using System.Net;
using System.Text;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary><c>POST /api/check-ins</c> and <c>GET /api/check-ins?id=…</c> on <c>okrsync serve</c>, over HTTP.</summary>
public sealed class CheckInApiTests
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync(new Uri("/api/check-ins", UriKind.Relative), Body(json));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    [Fact]
    public async Task CheckIn_IsRecordedAndChangesTheReportsOutcome()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(1, TrackerJson.Label("onboarding")));

        var (status, json) = await PostAsync(app.Client, """{"id":"activation","value":31,"at":"2026-11-20T09:00:00Z","confidence":"at-risk","note":"new funnel","by":"ana@acme.example"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((true, "check-in", "at-risk"), (json.GetProperty("recorded").GetBoolean(), json.GetProperty("source").GetString(), json.GetProperty("confidence").GetString()));
        var outcome = (await app.GetJsonAsync("/api/rollup")).GetProperty("keyResults")[0].GetProperty("outcome");
        Assert.Equal((31.0, "check-in", "new funnel"), (outcome.GetProperty("current").GetDouble(), outcome.GetProperty("source").GetString(), outcome.GetProperty("note").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), outcome.GetProperty("measuredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task SameCheckInTwice_IsStoredOnce_AndListedOldestFirst()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var first = await PostAsync(app.Client, """{"id":"activation","value":29,"at":"2026-11-10"}""");
        var again = await PostAsync(app.Client, """{"id":"activation","value":29,"at":"2026-11-10T00:00:00+00:00"}""");
        var earlier = await PostAsync(app.Client, """{"id":"activation","value":28,"at":"2026-11-03"}""");
        var list = await app.GetJsonAsync("/api/check-ins?id=activation");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, false, HttpStatusCode.Created), (first.Status, again.Status, again.Json.GetProperty("recorded").GetBoolean(), earlier.Status));
        Assert.Equal([28.0, 29.0], list.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("value").GetDouble()));
    }

    [Theory]
    [InlineData("""{"id":"activation","value":"31"}""", HttpStatusCode.BadRequest, "'value' must be a number, not \"31\"")]
    [InlineData("""{"id":"activation"}""", HttpStatusCode.BadRequest, "'value' is required")]
    [InlineData("""{"id":"activation","value":31,"at":"last tuesday"}""", HttpStatusCode.BadRequest, "'at' must be an ISO-8601 date-time with an offset")]
    [InlineData("""{"id":"activation","value":31,"at":"2026-11-20T09:00:00"}""", HttpStatusCode.BadRequest, "'at' must be an ISO-8601 date-time with an offset")]
    [InlineData("""{"id":"activation","value":31,"confidence":"green"}""", HttpStatusCode.BadRequest, "'confidence' must be one of on-track, at-risk, off-track, not 'green'")]
    [InlineData("""{"id":"activation","value":31,"colour":"red"}""", HttpStatusCode.BadRequest, "unknown field 'colour'")]
    [InlineData("""[1,2]""", HttpStatusCode.BadRequest, "the body must be a JSON object")]
    [InlineData("""{"id":"activation","value":31""", HttpStatusCode.BadRequest, "the body is not valid JSON")]
    [InlineData("""{"id":"retention","value":31}""", HttpStatusCode.UnprocessableEntity, "no key result or position signal 'retention' in the strategy (its metrics: activation)")]
    public async Task BadCheckIn_IsAClearJsonError_AndNothingIsStored(string body, HttpStatusCode expected, string error)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var (status, json) = await PostAsync(app.Client, body);

        Assert.Equal(expected, status);
        Assert.Contains(error, json.GetProperty("error").GetString(), StringComparison.Ordinal);
        await foreach (var _ in app.Store.ReadAllCheckInsAsync())
        {
            Assert.Fail("a rejected check-in was stored");
        }
    }

    [Fact]
    public async Task CheckInWithoutTheAdminKey_IsRefused()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        using var anonymous = new HttpClient { BaseAddress = app.Client.BaseAddress };

        using var response = await anonymous.PostAsync(new Uri("/api/check-ins", UriKind.Relative), Body("""{"id":"activation","value":31}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await foreach (var _ in app.Store.ReadAllCheckInsAsync())
        {
            Assert.Fail("a check-in without the key was stored");
        }
    }

    [Fact]
    public async Task CheckIns_WithNoAdminKeyConfigured_AreOff()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:Api:AdminKey"] = "" });

        using var response = await app.Client.PostAsync(new Uri("/api/check-ins", UriKind.Relative), Body("""{"id":"activation","value":31}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ListUnknownMetric_Is404NamingIt()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        using var response = await app.Client.GetAsync(new Uri("/api/check-ins?id=nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("'nope'", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
