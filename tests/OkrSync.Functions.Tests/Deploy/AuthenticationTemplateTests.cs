using System.Text.Json;
using System.Text.Json.Nodes;
using OkrSync.Functions.Tests.FunctionApp;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>The dashboard's sign-in in Azure: App Service Authentication (v2) with Microsoft Entra ID, in the Bicep template.</summary>
public sealed class AuthenticationTemplateTests(BicepTemplateFixture bicep) : IClassFixture<BicepTemplateFixture>
{
    [Fact]
    public void AuthSettings_RequireEntraIdSignInAndRedirectBrowsersToIt()
    {
        var auth = AuthSettings(bicep.AllSources);
        var properties = auth["properties"]!;
        var validation = properties["globalValidation"]!;
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.EndsWith("/authsettingsV2", (string?)auth["name"], StringComparison.Ordinal);
        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal(("RedirectToLoginPage", "azureactivedirectory"), ((string?)validation["unauthenticatedClientAction"], (string?)validation["redirectToProvider"]));
        Assert.True((bool)entra["enabled"]!);
        Assert.True((bool)properties["httpSettings"]!["requireHttps"]!);
        Assert.Equal(BicepTemplateFixture.AuthClientId, (string?)entra["registration"]!["clientId"]);
        Assert.Equal($"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{BicepTemplateFixture.AuthTenantId}')]", (string?)entra["registration"]!["openIdIssuer"]);
    }

    [Fact]
    public void AuthSettings_BelongToTheFunctionApp()
    {
        var site = (string)bicep.AllSources.Single("Microsoft.Web/sites")["name"]!;

        Assert.Equal($"{site}/authsettingsV2", (string?)AuthSettings(bicep.AllSources)["name"]);
    }

    [Fact]
    public void ExcludedPaths_AreTheWebhooksAndTheReadApi_NeverTheDashboard()
    {
        var excluded = ExcludedPaths();

        Assert.Contains("/api/webhooks/github", excluded);
        Assert.Contains("/api/webhooks/jira", excluded);
        Assert.Contains("/api/rollup", excluded);
        Assert.DoesNotContain(excluded, path => path.StartsWith("/api/dashboard", StringComparison.Ordinal) || path is "/" or "/*" or "/api" or "/api/*");
    }

    [Fact]
    public void ExcludedPaths_CoverEveryFunctionThatMachinesCall_AndNoPage()
    {
        // Every HTTP function but the dashboard's is called by machines: anonymous webhooks (signed) or the keyed read API.
        var excluded = ExcludedPaths();
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionAppBuild.Directory, "functions.metadata")));
        var routes = metadata.RootElement.EnumerateArray()
            .Select(f => f.GetProperty("bindings").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Where(b => b.ValueKind == JsonValueKind.Object)
            .Select(b => "/api/" + b.GetProperty("route").GetString())
            .Select(route => route.Contains('{', StringComparison.Ordinal) ? route[..route.IndexOf('{', StringComparison.Ordinal)] + "*" : route)
            .Distinct(StringComparer.Ordinal) // one path may carry several functions (GET and POST /api/check-ins)
            .ToList();

        var machines = routes.Where(r => !r.StartsWith("/api/dashboard", StringComparison.Ordinal)).ToList();
        var pages = routes.Where(r => r.StartsWith("/api/dashboard", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(pages);
        Assert.Equal(machines.Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(pages, excluded.Contains);
    }

    [Fact]
    public void ShippedParametersWithoutAClientId_DeployNoSignIn_SoEveryPageAnswers401()
    {
        var properties = AuthSettings(bicep.ShippedParameters)["properties"]!;

        Assert.False((bool)properties["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
        Assert.True((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
    }

    [Fact]
    public void App_KnowsItsPagesSitBehindSignIn_AndTheDashboardUrlIsAnOutput()
    {
        Assert.Equal("true", bicep.AllSources.AppSettings["OkrSync__Dashboard__EntraIdSignIn"]);
        Assert.StartsWith("[format('https://{0}/api/dashboard'", (string?)bicep.AllSources.Outputs["dashboardUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public void AuthTenant_DefaultsToTheTenantDeployedTo()
    {
        var issuer = (string?)AuthSettings(bicep.ShippedParameters)["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["openIdIssuer"];

        // The snapshot leaves the cloud's login endpoint as an expression; the tenant is the one deployed to.
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, '11111111-1111-1111-1111-111111111111')]", issuer);
    }

    private List<string> ExcludedPaths() =>
        [.. AuthSettings(bicep.AllSources)["properties"]!["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!)];

    private static JsonObject AuthSettings(DeploymentSnapshot snapshot) =>
        snapshot.OfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.EndsWith("/authsettingsV2", StringComparison.Ordinal));
}
