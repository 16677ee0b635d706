using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OkrSync.Pipeline;

/// <summary>Section <c>OkrSync:Report</c>: how the app's live report writes the stored report.</summary>
public sealed class LiveReportOptions
{
    public const string Section = "OkrSync:Report";
    public const int MaxMinWriteIntervalMs = 60_000;

    /// <summary>
    /// <c>OkrSync:Report:MinWriteIntervalMs</c>: the least time, in milliseconds, between two stored reports under load
    /// (events arriving within it wait for one write that covers them all; see <see cref="LiveReport.MinWriteInterval"/>).
    /// 0 writes after every event; at most 60000. Default 200.
    /// </summary>
    public int MinWriteIntervalMs { get; set; } = (int)LiveReport.DefaultMinWriteInterval.TotalMilliseconds;

    public TimeSpan MinWriteInterval => TimeSpan.FromMilliseconds(MinWriteIntervalMs);

    internal string? Problem() => MinWriteIntervalMs is < 0 or > MaxMinWriteIntervalMs
        ? $"{Section}:{nameof(MinWriteIntervalMs)} must be a whole number of milliseconds from 0 to {MaxMinWriteIntervalMs}; got '{MinWriteIntervalMs}'"
        : null;
}

public static class LiveReportServices
{
    /// <summary>The live report, with <see cref="LiveReportOptions"/> bound from <c>OkrSync:Report</c> and checked at start.</summary>
    public static IServiceCollection AddLiveReport(this IServiceCollection services)
    {
        services.AddOptions<LiveReportOptions>().BindConfiguration(LiveReportOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<LiveReportOptions>>().Value);
        services.TryAddSingleton<LiveReport>();
        return services;
    }
}
