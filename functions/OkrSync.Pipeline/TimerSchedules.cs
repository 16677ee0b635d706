namespace OkrSync.Pipeline;

/// <summary>
/// The three timers, in one place for the function app's <c>[TimerTrigger("%SETTING%")]</c> attributes, the Bicep
/// app settings and <c>okrsync serve</c>'s local scheduler: the setting that holds each schedule and its default.
/// Schedules are six-field NCRONTAB expressions (with seconds), in UTC, as on Flex Consumption.
/// </summary>
public static class TimerSchedules
{
    public const string ScheduledSync = "ScheduledSync";
    public const string NightlyReconcile = "NightlyReconcile";
    public const string WeeklyOrphanReport = "WeeklyOrphanReport";

    public const string SyncSetting = "OKRSYNC_SYNC_SCHEDULE";
    public const string ReconcileSetting = "OKRSYNC_RECONCILE_SCHEDULE";
    public const string ReportSetting = "OKRSYNC_REPORT_SCHEDULE";

    /// <summary>Every 15 minutes.</summary>
    public const string DefaultSync = "0 */15 * * * *";

    /// <summary>02:30 every night.</summary>
    public const string DefaultReconcile = "0 30 2 * * *";

    /// <summary>07:00 every Monday.</summary>
    public const string DefaultReport = "0 0 7 * * Mon";

    /// <summary>Each timer function with its schedule: the setting's value when set, else the default.</summary>
    public static IReadOnlyList<TimerFunction> All(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            new(ScheduledSync, configuration.Setting(SyncSetting) ?? DefaultSync),
            new(NightlyReconcile, configuration.Setting(ReconcileSetting) ?? DefaultReconcile),
            new(WeeklyOrphanReport, configuration.Setting(ReportSetting) ?? DefaultReport),
        ];
    }
}

/// <summary>A timer function and its resolved schedule.</summary>
public sealed record TimerFunction(string Name, string Schedule);
