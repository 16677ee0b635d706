using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Testing.FakeTrackers.GitHub;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeGitHubAuthTests
{
    [Fact]
    public async Task Request_WithoutToken_Answers401WithGitHubErrorBody()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository("acme/api");
        using var client = GitHub(server, token: null);

        using var response = await client.GetAsync("repos/acme/api/issues");

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Requires authentication", body.GetProperty("message").GetString());
        Assert.StartsWith("https://docs.github.com/", body.GetProperty("documentation_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithWrongToken_Answers401BadCredentials()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository("acme/api");
        using var client = GitHub(server, token: "ghp_wrong");

        using var response = await client.GetAsync("repos/acme/api/issues");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bad credentials", (await JsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task InstallationToken_FromAppJwt_IsAcceptedAsBearerAndJwtIsRecorded()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = time, AppId = "12345" });
        server.AddRepository("acme/api");
        using var appClient = GitHub(server, token: null);
        appClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwt("12345", Epoch.AddMinutes(9)));

        using var created = await appClient.PostAsync("app/installations/777/access_tokens", null);
        var token = (await JsonAsync(created)).GetProperty("token").GetString()!;
        using var client = GitHub(server, token: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var listed = await client.GetAsync("repos/acme/api/issues");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var jwt = Assert.Single(server.ReceivedAppJwts);
        Assert.Equal(("12345", 777L, "RS256"), (jwt.Issuer, jwt.InstallationId, jwt.Algorithm));
    }

    [Fact]
    public async Task InstallationToken_AfterItExpires_Answers401()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = time });
        server.AddRepository("acme/api");
        using var appClient = GitHub(server, token: null);
        appClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwt("1", Epoch.AddMinutes(9)));
        var token = (await JsonAsync(await appClient.PostAsync("app/installations/1/access_tokens", null))).GetProperty("token").GetString();
        using var client = GitHub(server, token: token);
        time.Advance(TimeSpan.FromMinutes(61));

        using var response = await client.GetAsync("repos/acme/api/issues");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InstallationToken_WithoutJwt_Answers401()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        using var client = GitHub(server);

        using var response = await client.PostAsync("app/installations/1/access_tokens", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.ReceivedAppJwts);
    }

    private static string Jwt(string issuer, DateTimeOffset expires)
    {
        static string Segment(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = $"{{\"iat\":{expires.AddMinutes(-10).ToUnixTimeSeconds()},\"exp\":{expires.ToUnixTimeSeconds()},\"iss\":\"{issuer}\"}}";
        return $"{Segment("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")}.{Segment(payload)}.c2lnbmF0dXJl";
    }
}
