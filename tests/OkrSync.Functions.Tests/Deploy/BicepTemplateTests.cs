using System.Text.Json.Nodes;

namespace OkrSync.Functions.Tests.Deploy;

public sealed class BicepTemplateTests(BicepTemplateFixture bicep) : IClassFixture<BicepTemplateFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    [Fact]
    public void BicepBuild_CompilesWithoutDiagnostics()
    {
        var build = bicep.Build;

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(string.Empty, build.StandardError.Trim());
    }

    [Fact]
    public void BicepLint_FindsNothingInTemplateOrParameters()
    {
        var results = new[] { bicep.LintTemplate, bicep.LintParameters };

        Assert.All(results, result => Assert.Equal((0, string.Empty), (result.ExitCode, result.Diagnostics)));
    }

    [Fact]
    public void Plan_IsFlexConsumptionOnLinux()
    {
        var plan = Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolatedTen()
    {
        var site = Single("Microsoft.Web/sites");

        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)runtime["name"], (string?)runtime["version"]));
    }

    [Fact]
    public void FunctionApp_AcceptsOnlyHttpsWithTls12AndNoFtp()
    {
        var site = Single("Microsoft.Web/sites");
        var policies = CompiledTemplate.ResourcesOfType(bicep.Template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        var siteConfig = site["properties"]!["siteConfig"]!;

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)siteConfig["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)siteConfig["ftpsState"]);
        Assert.Equal(2, policies.Count(policy => !(bool)policy["properties"]!["allow"]!));
    }

    [Fact]
    public void FunctionApp_UsesManagedIdentityForStorageDeploymentAndKeyVault()
    {
        var site = bicep.AllSources.Single("Microsoft.Web/sites");
        var identityId = (string)bicep.AllSources.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        var deploymentAuth = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        var settings = bicep.AllSources.AppSettings;

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.NotNull(site["identity"]!["userAssignedIdentities"]![identityId]);
        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Equal(("UserAssignedIdentity", identityId), ((string?)deploymentAuth["type"], (string?)deploymentAuth["userAssignedIdentityResourceId"]));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains(identityId, settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["OkrSync__Storage__ClientId"]);
    }

    [Fact]
    public void AppSettings_HoldNoStorageKeysOrConnectionStrings()
    {
        var settings = bicep.AllSources.AppSettings;
        var compiled = bicep.Build.StandardOutput;

        var storageName = (string)bicep.AllSources.Single("Microsoft.Storage/storageAccounts")["name"]!;

        Assert.Equal(storageName, settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal(storageName, settings["OkrSync__Storage__AccountName"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.All(settings.Values, value => Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase));
        Assert.All(settings.Values, value => Assert.DoesNotContain("DefaultEndpointsProtocol", value, StringComparison.OrdinalIgnoreCase));
        Assert.All(settings.Values, value => Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("listKeys(", compiled, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_ReferenceEverySecretFromKeyVault()
    {
        var settings = bicep.AllSources.AppSettings;
        var vault = (string)bicep.AllSources.Single("Microsoft.KeyVault/vaults")["name"]!;

        var secrets = new[] { "GitHub__Token", "GitHub__WebhookSecret", "Jira__ApiToken", "Jira__WebhookSecret", "Mail__Password" }
            .ToDictionary(key => key, key => settings[$"OkrSync__{key}"]);

        Assert.Equal($"@Microsoft.KeyVault(VaultName={vault};SecretName=github-token)", secrets["GitHub__Token"]);
        Assert.Equal($"@Microsoft.KeyVault(VaultName={vault};SecretName=jira-webhook-secret)", secrets["Jira__WebhookSecret"]);
        Assert.All(secrets.Values, value => Assert.StartsWith($"@Microsoft.KeyVault(VaultName={vault};SecretName=", value, StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_FollowTheConfigurationContract()
    {
        var settings = bicep.AllSources.AppSettings;

        var expected = new Dictionary<string, string>
        {
            ["OKRSYNC_SYNC_SCHEDULE"] = "0 */15 * * * *",
            ["OKRSYNC_RECONCILE_SCHEDULE"] = "0 30 2 * * *",
            ["OKRSYNC_REPORT_SCHEDULE"] = "0 0 7 * * Mon",
            ["OkrSync__StrategyPath"] = "strategy.yaml",
            ["OkrSync__GitHub__Repositories__1"] = "acme/mobile",
            ["OkrSync__Jira__Projects__0"] = "PLAT",
            ["OkrSync__Mail__Leadership__0"] = "ceo@acme.example",
        };

        Assert.All(expected, pair => Assert.Equal(pair.Value, settings[pair.Key]));
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void QueueTriggerConnection_IsIdentityBasedOnTheAppsQueueEndpoint()
    {
        var settings = bicep.AllSources.AppSettings;

        // environment().suffixes.storage is left to the deployment, so the value is still an expression here.
        Assert.Contains("https://{0}.queue.{1}", settings["OkrSyncStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains(settings["AzureWebJobsStorage__accountName"], settings["OkrSyncStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["OkrSyncStorage__credential"]);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["OkrSyncStorage__clientId"]);
        Assert.DoesNotContain("OkrSyncStorage", settings.Keys);
    }

    [Fact]
    public void AppSettings_LeaveOutSettingsFlexRejectsAndUnconfiguredSecrets()
    {
        var flexRejects = new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_TIME_ZONE", "SCM_DO_BUILD_DURING_DEPLOYMENT" };

        var shipped = bicep.ShippedParameters.AppSettings;

        Assert.All(flexRejects, name => Assert.DoesNotContain(name, bicep.AllSources.AppSettings.Keys));
        Assert.DoesNotContain(shipped.Values, value => value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleAssignments_GrantTheAppIdentityOnlyTheDataRolesItNeeds()
    {
        var identity = (string)bicep.AllSources.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        var granted = AssignmentsTo(identity)
            .Select(assignment => (Role: RoleOf(assignment), Scope: ScopeOf(assignment)))
            .Order()
            .ToList();

        var storage = (string)bicep.AllSources.Single("Microsoft.Storage/storageAccounts")["id"]!;
        var vault = (string)bicep.AllSources.Single("Microsoft.KeyVault/vaults")["id"]!;
        var insights = (string)bicep.AllSources.Single("Microsoft.Insights/components")["id"]!;
        Assert.Equal(new[]
        {
            (StorageTableDataContributor, storage),
            (MonitoringMetricsPublisher, insights),
            (KeyVaultSecretsUser, vault),
            (StorageQueueDataContributor, $"{storage}/queueServices/default/queues/tracker-events"),
            (StorageQueueDataContributor, $"{storage}/queueServices/default/queues/tracker-events-poison"),
            (StorageBlobDataOwner, storage),
        }.Order(), granted);
    }

    [Fact]
    public void RoleAssignments_LetTheDeployerSetSecretsInTheVaultOnly()
    {
        var vault = (string)bicep.AllSources.Single("Microsoft.KeyVault/vaults")["id"]!;

        var deployer = bicep.AllSources.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => (string?)assignment["properties"]!["principalId"] == BicepTemplateFixture.DeployerObjectId)
            .Select(assignment => (RoleOf(assignment), ScopeOf(assignment)))
            .ToList();

        Assert.Equal(new[] { (KeyVaultSecretsOfficer, vault) }, deployer);
    }

    [Fact]
    public void Storage_AllowsNoSharedKeyAndHoldsQueuesAndPackageContainer()
    {
        var account = bicep.AllSources.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        var queues = bicep.AllSources.OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(queue => ((string)queue["name"]!).Split('/')[^1]);

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.Equal(new[] { "tracker-events", "tracker-events-poison" }, queues.Order());
        Assert.Single(bicep.AllSources.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [Fact]
    public void KeyVaultAndMonitoring_UseRbacAndEntraOnlyIngestion()
    {
        var vault = bicep.AllSources.Single("Microsoft.KeyVault/vaults")["properties"]!;
        var insights = bicep.AllSources.Single("Microsoft.Insights/components")["properties"]!;
        var workspace = (string)bicep.AllSources.Single("Microsoft.OperationalInsights/workspaces")["id"]!;

        var parameters = bicep.Template["parameters"]!.AsObject().Select(pair => (string?)pair.Value!["type"]);

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.Equal(workspace, (string?)insights["WorkspaceResourceId"]);
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.DoesNotContain(parameters, type => type is "securestring" or "secureObject");
    }

    [Fact]
    public void Outputs_GiveAppNameAndWebhookUrls()
    {
        var outputs = bicep.AllSources.Outputs;

        Assert.Equal((string?)bicep.AllSources.Single("Microsoft.Web/sites")["name"], (string?)outputs["functionAppName"]);
        Assert.StartsWith("[format('https://{0}/api/webhooks/github'", (string?)outputs["githubWebhookUrl"], StringComparison.Ordinal);
        Assert.StartsWith("[format('https://{0}/api/webhooks/jira'", (string?)outputs["jiraWebhookUrl"], StringComparison.Ordinal);
        Assert.Equal((string?)bicep.AllSources.Single("Microsoft.KeyVault/vaults")["name"], (string?)outputs["keyVaultName"]);
    }

    private JsonObject Single(string type) => CompiledTemplate.ResourcesOfType(bicep.Template, type).Single();

    private IEnumerable<JsonObject> AssignmentsTo(string identityId) =>
        bicep.AllSources.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => ((string?)assignment["properties"]!["principalId"])!.Contains(identityId, StringComparison.Ordinal));

    private static string RoleOf(JsonObject assignment) =>
        ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];

    private static string ScopeOf(JsonObject assignment) =>
        ((string)assignment["id"]!).Split("/providers/Microsoft.Authorization/roleAssignments/")[0];
}
