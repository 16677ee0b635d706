using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Web.Hosting;
using OkrSync.Web.Pages.Access;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>Who may see the pages: loopback only by default under <c>serve</c>; the key as a cookie from the sign-in form otherwise; Easy Auth in Azure.</summary>
public sealed class DashboardAccessTests
{
    private const string ReadKey = "read-key-for-the-dashboard";

    [Fact]
    public async Task ServeWithoutAKey_OpensPagesToThisMachine_WithAStrictContentSecurityPolicy()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        using var client = Anonymous(app);

        using var response = await client.GetAsync(new Uri("/dashboard/findings", UriKind.Relative));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ServeWithAKey_SendsAPageRequestWithoutItToTheSignInForm()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { [ServeAccess.KeySetting] = ReadKey });
        using var client = Anonymous(app);

        using var page = await client.GetAsync(new Uri("/dashboard/orphans?assignee=ana", UriKind.Relative));
        using var json = await client.GetAsync(new Uri("/dashboard?format=json", UriKind.Relative));
        using var form = await client.GetAsync(page.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/sign-in?return=%2Fdashboard%2Forphans%3Fassignee%3Dana", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Contains("\"error\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTheWrongKey_Is401AndSetsNoCookie()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { [ServeAccess.KeySetting] = ReadKey });
        using var client = Anonymous(app);

        using var response = await SignInAsync(client, "not-the-key", "/dashboard");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("That is not the API key.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTheKey_SetsAnHttpOnlyStrictCookie_ThatOpensThePages_AndNeverRedirectsOffSite()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { [ServeAccess.KeySetting] = ReadKey });
        using var client = Anonymous(app);

        using var signedIn = await SignInAsync(client, ReadKey, "https://evil.example/steal");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/findings");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard", signedIn.Headers.Location?.OriginalString);
        Assert.StartsWith($"{ServePageGate.CookieName}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP on loopback
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void ServeGate_WithoutAKey_RefusesARequestFromAnotherMachine()
    {
        var gate = new ServePageGate(new ServeAccess(null, null));
        var local = new DefaultHttpContext();
        local.Connection.RemoteIpAddress = IPAddress.Loopback;
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");

        Assert.Equal((PageAccess.Allowed, PageAccess.Refused, PageAccess.Refused), (gate.Check(local), gate.Check(remote), gate.Check(new DefaultHttpContext())));
    }

    [Fact]
    public void ServeGate_AcceptsTheReadOrAdminKey_ComparedWhole()
    {
        var gate = new ServePageGate(new ServeAccess(ReadKey, "admin-key"));

        Assert.True(gate.Accepts(ReadKey));
        Assert.True(gate.Accepts("admin-key"));
        Assert.False(gate.Accepts(ReadKey[..^1]));
        Assert.False(gate.Accepts(ReadKey + "x"));
        Assert.False(gate.Accepts(""));
        Assert.False(gate.Accepts(null));
    }

    [Theory]
    [InlineData("true", null, "00000000-aaaa-bbbb-cccc-000000000001", PageAccess.Allowed)]
    [InlineData(null, "true", "00000000-aaaa-bbbb-cccc-000000000001", PageAccess.Allowed)]
    [InlineData("true", null, null, PageAccess.Refused)]
    [InlineData(null, null, "00000000-aaaa-bbbb-cccc-000000000001", PageAccess.Refused)]
    [InlineData("false", "false", "00000000-aaaa-bbbb-cccc-000000000001", PageAccess.Refused)]
    public void EasyAuthGate_NeedsAuthenticationOnAndTheSignedInPrincipal(string? platform, string? deployed, string? principal, PageAccess expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EasyAuthPageGate.EnabledSetting] = platform,
            [EasyAuthPageGate.DeployedSetting] = deployed,
        }).Build();
        var http = new DefaultHttpContext();
        if (principal is not null)
        {
            http.Request.Headers[EasyAuthPageGate.PrincipalHeader] = principal;
        }

        Assert.Equal(expected, new EasyAuthPageGate(configuration).Check(http));
    }

    private static HttpClient Anonymous(AppHarness app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Client.BaseAddress };

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string returnTo) =>
        client.PostAsync(new Uri("/dashboard/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["return"] = returnTo }));
}
