using System.Text.Json;

namespace OkrSync.Benchmarks.Suite;

/// <summary>The okrsync executable built next to the benchmarks, and the runtime settings it runs with.</summary>
internal static class OkrSyncRuntime
{
    public static string Folder => AppContext.BaseDirectory;

    /// <summary>The okrsync app host (<c>okrsync</c>, or <c>okrsync.exe</c> on Windows).</summary>
    public static string Executable => Path.Combine(Folder, OperatingSystem.IsWindows() ? "okrsync.exe" : "okrsync");

    /// <summary>Whether okrsync runs with server GC (its runtimeconfig.json; the Web SDK's default is true).</summary>
    public static bool ServerGc => !File.Exists(RuntimeConfig) || Setting("System.GC.Server") is { ValueKind: JsonValueKind.True };

    /// <summary>The cap on the GC's gen0 budget that okrsync's runtimeconfig.json sets, if any.</summary>
    public static long? Gen0MaxBudget => Setting("System.GC.Gen0MaxBudget") is { ValueKind: JsonValueKind.Number } budget ? budget.GetInt64() : null;

    /// <summary>Whether okrsync's runtimeconfig.json turns dynamic PGO off.</summary>
    public static bool TieredPgoOff => Setting("System.Runtime.TieredPGO") is { ValueKind: JsonValueKind.False };

    /// <summary>Environment that makes a worker process run with okrsync's runtime settings: its GC mode (unless
    /// <paramref name="server"/> chooses one), its gen0 budget and its JIT tiering.</summary>
    public static IEnumerable<KeyValuePair<string, string>> RuntimeEnvironment(bool? server = null)
    {
        yield return new("DOTNET_gcServer", server ?? ServerGc ? "1" : "0");
        if (Gen0MaxBudget is { } budget)
        {
            yield return new("DOTNET_GCGen0MaxBudget", budget.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (TieredPgoOff)
        {
            yield return new("DOTNET_TieredPGO", "0");
        }
    }

    private static string RuntimeConfig => Path.Combine(Folder, "okrsync.runtimeconfig.json");

    private static JsonElement? Setting(string name)
    {
        if (!File.Exists(RuntimeConfig))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(RuntimeConfig));
        return document.RootElement.TryGetProperty("runtimeOptions", out var options)
            && options.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty(name, out var value)
                ? value.Clone()
                : null;
    }
}
