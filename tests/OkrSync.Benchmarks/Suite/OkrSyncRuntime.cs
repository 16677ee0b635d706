using System.Text.Json;

namespace OkrSync.Benchmarks.Suite;

/// <summary>The okrsync executable built next to the benchmarks, and the runtime settings it runs with.</summary>
internal static class OkrSyncRuntime
{
    public static string Folder => AppContext.BaseDirectory;

    /// <summary>The okrsync app host (<c>okrsync</c>, or <c>okrsync.exe</c> on Windows).</summary>
    public static string Executable => Path.Combine(Folder, OperatingSystem.IsWindows() ? "okrsync.exe" : "okrsync");

    /// <summary>Whether okrsync runs with server GC (its runtimeconfig.json; the Web SDK's default is true).</summary>
    public static bool ServerGc
    {
        get
        {
            var path = Path.Combine(Folder, "okrsync.runtimeconfig.json");
            if (!File.Exists(path))
            {
                return true;
            }
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("runtimeOptions", out var options)
                && options.TryGetProperty("configProperties", out var properties)
                && properties.TryGetProperty("System.GC.Server", out var server)
                && server.ValueKind == JsonValueKind.True;
        }
    }

    /// <summary>Environment that makes a worker process run with okrsync's GC mode.</summary>
    public static IEnumerable<KeyValuePair<string, string>> GcEnvironment() =>
        [new("DOTNET_gcServer", ServerGc ? "1" : "0")];
}
