using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Pipeline;

/// <summary><c>OkrSync:Report:MinWriteIntervalMs</c>: bound, checked at start, and the interval of the app's live report.</summary>
public sealed class LiveReportOptionsTests
{
    [Fact]
    public void MinWriteIntervalMs_Configured_IsTheIntervalOfTheLiveReportTheAppMakes()
    {
        using var services = Services(new() { ["OkrSync:Report:MinWriteIntervalMs"] = "50" });

        var live = services.GetRequiredService<LiveReport>();

        Assert.Equal(TimeSpan.FromMilliseconds(50), live.MinWriteInterval);
    }

    [Fact]
    public void MinWriteIntervalMs_NotSet_IsTwoHundredMilliseconds()
    {
        using var services = Services([]);

        Assert.Equal(TimeSpan.FromMilliseconds(200), services.GetRequiredService<LiveReport>().MinWriteInterval);
    }

    [Fact]
    public void MinWriteIntervalMs_ZeroWritesAfterEveryEvent_IsAccepted()
    {
        using var services = Services(new() { ["OkrSync:Report:MinWriteIntervalMs"] = "0" });

        Assert.Equal(TimeSpan.Zero, services.GetRequiredService<LiveReport>().MinWriteInterval);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("60001")]
    public void MinWriteIntervalMs_OutOfRange_StopsTheStartNamingTheSettingAndTheValue(string value)
    {
        using var services = Services(new() { ["OkrSync:Report:MinWriteIntervalMs"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LiveReportOptions>>().Value);

        Assert.Equal($"OkrSync:Report:MinWriteIntervalMs must be a whole number of milliseconds from 0 to 60000; got '{value}'", SettingChecks.Describe(error));
    }

    [Fact]
    public void MinWriteIntervalMs_NotANumber_IsAnErrorNamingTheSetting()
    {
        using var services = Services(new() { ["OkrSync:Report:MinWriteIntervalMs"] = "fast" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<LiveReportOptions>>().Value);

        Assert.Contains("OkrSync:Report:MinWriteIntervalMs", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var store = new InMemoryWorkStore();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IItemStore>(store)
            .AddSingleton<IReportStore>(store)
            .AddSingleton<ICursorStore>(store)
            .AddSingleton<ICheckInLog>(store)
            .AddSingleton(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }))
            .AddSingleton(new AppFolder(Path.GetTempPath()))
            .AddSingleton<StrategyProvider>()
            .AddLiveReport();
        return services.BuildServiceProvider();
    }
}
