using System.Text.Json;

namespace OkrSync.Functions.Hosting.Local;

/// <summary>
/// The function folders next to the executable (<c>*/function.json</c>), read the way the Functions host reads them:
/// each timer's schedule, with <c>%SETTING%</c> resolved from configuration (CONFIG.md defaults when unset).
/// </summary>
internal static class FunctionCatalog
{
    public static readonly IReadOnlyDictionary<string, string> DefaultSchedules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OKRSYNC_SYNC_SCHEDULE"] = "0 */15 * * * *",
        ["OKRSYNC_RECONCILE_SCHEDULE"] = "0 30 2 * * *",
        ["OKRSYNC_REPORT_SCHEDULE"] = "0 0 7 * * Mon",
    };

    /// <summary>Each timer function: its name and its NCRONTAB expression (six fields, UTC).</summary>
    public static IReadOnlyList<TimerFunction> Timers(string folder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var timers = new List<TimerFunction>();
        foreach (var file in Directory.EnumerateFiles(folder, "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var binding in bindings.EnumerateArray())
            {
                if (binding.TryGetProperty("type", out var type) && type.GetString() == "timerTrigger" && binding.TryGetProperty("schedule", out var schedule))
                {
                    var name = Path.GetFileName(Path.GetDirectoryName(file)!);
                    timers.Add(new TimerFunction(name, Resolve(schedule.GetString() ?? "", configuration)));
                }
            }
        }
        return timers;
    }

    /// <summary><c>%NAME%</c> to the setting's value, else its CONFIG.md default; anything else as written.</summary>
    public static string Resolve(string schedule, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Length < 3 || schedule[0] != '%' || schedule[^1] != '%')
        {
            return schedule;
        }
        var setting = schedule[1..^1];
        return configuration.Setting(setting) ?? (DefaultSchedules.TryGetValue(setting, out var fallback)
            ? fallback
            : throw new InvalidOperationException($"the schedule names setting {setting}, which is not set"));
    }
}

/// <summary>A timer function and its resolved schedule.</summary>
internal sealed record TimerFunction(string Name, string Schedule);
