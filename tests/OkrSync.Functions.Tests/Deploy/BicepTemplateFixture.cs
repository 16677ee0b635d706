using System.Text.Json.Nodes;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>
/// Compiles and lints bicep/main.bicep once, and takes two deployment snapshots: one of the shipped
/// main.bicepparam (no sources configured) and one with every source, mail and a deployer configured.
/// </summary>
public sealed class BicepTemplateFixture : IAsyncLifetime
{
    public const string DeployerObjectId = "7d0f6a8e-3c1b-4e0a-9f55-2b6f1c9d8e41";

    private const string AllSourcesParameters = """
        param gitHub = {
          baseUrl: 'https://api.github.com'
          repositories: ['acme/platform', 'acme/mobile']
        }
        param jira = {
          baseUrl: 'https://acme.atlassian.net'
          deployment: 'Cloud'
          email: 'okrsync@acme.example'
          projects: ['PLAT']
        }
        param mail = {
          host: 'smtp.acme.example'
          port: 587
          security: 'StartTls'
          username: 'okrsync'
          from: 'okrsync@acme.example'
          leadership: ['ceo@acme.example']
          perOwnerDigests: true
        }
        param deployerPrincipalId = '7d0f6a8e-3c1b-4e0a-9f55-2b6f1c9d8e41'
        param deployerPrincipalType = 'User'
        param authClientId = '5b2c7f0e-8d4a-4c1e-9a63-0f7e2d9b1c44'
        param authTenantId = '33333333-3333-3333-3333-333333333333'
        """;

    public const string AuthClientId = "5b2c7f0e-8d4a-4c1e-9a63-0f7e2d9b1c44";
    public const string AuthTenantId = "33333333-3333-3333-3333-333333333333";

    private readonly DirectoryInfo workDirectory = Directory.CreateTempSubdirectory("okrsync-bicep-");

    public static string BicepDirectory { get; } = Path.Combine(BicepCli.RepositoryRoot, "bicep");

    public BicepResult Build { get; private set; } = null!;

    public BicepResult LintTemplate { get; private set; } = null!;

    public BicepResult LintParameters { get; private set; } = null!;

    public JsonObject Template { get; private set; } = null!;

    public DeploymentSnapshot AllSources { get; private set; } = null!;

    public DeploymentSnapshot ShippedParameters { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(BicepDirectory, ["build", "main.bicep", "--stdout"]);
        LintTemplate = await BicepCli.RunAsync(BicepDirectory, ["lint", "main.bicep"]);
        LintParameters = await BicepCli.RunAsync(BicepDirectory, ["lint", "main.bicepparam"]);
        Template = Build.ExitCode == 0 ? JsonNode.Parse(Build.StandardOutput)!.AsObject() : [];

        var shipped = await File.ReadAllTextAsync(Path.Combine(BicepDirectory, "main.bicepparam"));
        ShippedParameters = await SnapshotAsync("shipped", shipped.Replace("using 'main.bicep'", UsingMainTemplate(), StringComparison.Ordinal));
        AllSources = await SnapshotAsync("all-sources", $"{UsingMainTemplate()}\n{AllSourcesParameters}\n");
    }

    public Task DisposeAsync()
    {
        workDirectory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private string UsingMainTemplate()
    {
        // bicepparam files accept only relative paths to the template.
        var relative = Path.GetRelativePath(workDirectory.FullName, Path.Combine(BicepDirectory, "main.bicep"));
        return $"using '{relative.Replace('\\', '/')}'";
    }

    private async Task<DeploymentSnapshot> SnapshotAsync(string name, string parameters)
    {
        await File.WriteAllTextAsync(Path.Combine(workDirectory.FullName, $"{name}.bicepparam"), parameters);
        var result = await BicepCli.RunAsync(workDirectory.FullName, [
            "snapshot", $"{name}.bicepparam", "--mode", "overwrite",
            "--tenant-id", "11111111-1111-1111-1111-111111111111",
            "--subscription-id", "22222222-2222-2222-2222-222222222222",
            "--resource-group", "rg-okrsync", "--location", "westeurope",
        ]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep snapshot {name} failed: {result.Diagnostics}");
        }

        var json = await File.ReadAllTextAsync(Path.Combine(workDirectory.FullName, $"{name}.snapshot.json"));
        return new DeploymentSnapshot(JsonNode.Parse(json)!.AsObject());
    }
}
