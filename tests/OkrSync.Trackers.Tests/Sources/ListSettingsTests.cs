using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sources;

/// <summary>One list syntax for every list setting, read the same way by the sync, the webhooks and health.</summary>
public sealed class ListSettingsTests
{
    public static TheoryData<Dictionary<string, string?>, string[]> Forms => new()
    {
        { new() { ["OkrSync:GitHub:Repositories"] = "acme/web" }, ["github:acme/web"] },
        { new() { ["OkrSync:GitHub:Repositories"] = "acme/web, acme/api" }, ["github:acme/web", "github:acme/api"] },
        { new() { ["OkrSync:GitHub:Repositories:0"] = "acme/web", ["OkrSync:GitHub:Repositories:1"] = "acme/api" }, ["github:acme/web", "github:acme/api"] },
        { new() { ["OkrSync:Jira:BaseUrl"] = "https://acme.atlassian.net", ["OkrSync:Jira:Projects"] = "onb,PAY" }, ["jira:ONB", "jira:PAY"] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryListForm_IsSyncedAsHealthReportsIt(Dictionary<string, string?> settings, string[] expected)
    {
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(), overrides: settings);

        var synced = harness.Sources.CreateConfigured().Select(s => s.Id);
        var health = TrackerRegistry.WatchedSourceIds(harness.Services.GetRequiredService<TrackerServices>());

        Assert.Equal(expected, synced);
        Assert.Equal(expected, health);
    }

    [Theory]
    [InlineData("OkrSync:GitHub:Repositories", "acme", "OkrSync:GitHub:Repositories must list owner/repo names")]
    [InlineData("OkrSync:Jira:Projects", "ONB-1", "OkrSync:Jira:Projects must list Jira project keys")]
    public async Task MalformedListEntry_IsAStartupErrorNamingTheSetting(string setting, string value, string message)
    {
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(), overrides: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Sources.CreateConfigured());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
