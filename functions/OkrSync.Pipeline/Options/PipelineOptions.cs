using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OkrSync.Core.Alignment;
using OkrSync.Pipeline.Events;

namespace OkrSync.Pipeline;

/// <summary>
/// The pipeline's settings, each bound one way (<c>AddOptions&lt;T&gt;().BindConfiguration(section).ValidateOnStart()</c>)
/// and checked at start with a message that names the setting: the strategy path, the alignment options of every
/// stored report, the tracker clock, the webhook secrets and the delivery retention. Needs an
/// <see cref="IConfiguration"/> in the container (the hosts register theirs).
/// </summary>
public static class PipelineOptions
{
    /// <summary><c>OkrSync:Trackers</c>: <see cref="TrackerClock"/> from <c>MaxClockSkew</c> (also what the sync engine uses).</summary>
    public static IServiceCollection AddTrackerClock(this IServiceCollection services)
    {
        services.AddOptions<TrackerClockOptions>().BindConfiguration(TrackerClockOptions.Section)
            .Check(o => o.Problem())
            .ValidateOnStart();
        services.TryAddSingleton(sp => new TrackerClock(sp.GetRequiredService<IOptions<TrackerClockOptions>>().Value.MaxClockSkew));
        return services;
    }

    public static IServiceCollection AddPipelineOptions(this IServiceCollection services)
    {
        services.AddTrackerClock();
        services.AddOptions<StrategyOptions>().BindConfiguration(StrategyOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.AddOptions<ReportAlignmentOptions>().BindConfiguration(ReportAlignmentOptions.Section).ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReportAlignmentOptions>>().Value.ToAlignmentOptions());
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Check(o => o.Problem())
            .ValidateOnStart();
        return services;
    }
}

/// <summary>Section <c>OkrSync:Trackers</c>.</summary>
public sealed class TrackerClockOptions
{
    public const string Section = "OkrSync:Trackers";

    /// <summary>How far a tracker's <c>updated</c> may run ahead of this server's clock, 0 to 1 day. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TrackerClock.DefaultMaxSkew;

    internal string? Problem() => MaxClockSkew < TimeSpan.Zero || MaxClockSkew > TimeSpan.FromDays(1)
        ? $"{TrackerClock.Setting} must be a time span from 00:00:00 to 1.00:00:00 (e.g. 00:05:00); got '{MaxClockSkew}'"
        : null;
}

/// <summary>Section <c>OkrSync:Alignment</c>: the alignment options of every report the app or the CLI stores.</summary>
public sealed class ReportAlignmentOptions
{
    public const string Section = "OkrSync:Alignment";

    /// <summary><c>OkrSync:Alignment:IncludePullRequests</c>: whether pull requests count as work. Default false.</summary>
    public bool IncludePullRequests { get; set; }

    /// <summary>
    /// The section bound as <c>BindConfiguration</c> binds it, for the CLI (which has no host); a value that is not
    /// true/false is an <see cref="InvalidOperationException"/> naming the setting.
    /// </summary>
    public static ReportAlignmentOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(Section).Get<ReportAlignmentOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{Section}:{nameof(IncludePullRequests)} must be true or false; got '{configuration[$"{Section}:{nameof(IncludePullRequests)}"]}'", e);
        }
    }

    public AlignmentOptions ToAlignmentOptions() => IncludePullRequests ? new AlignmentOptions(IncludePullRequests: true) : AlignmentOptions.Default;
}
