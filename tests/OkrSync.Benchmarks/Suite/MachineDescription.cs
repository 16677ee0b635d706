using System.Runtime.InteropServices;
using System.Text.Json;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Suite;

/// <summary>The machine a run ran on: cores, CPU model, memory, .NET, OS, Azurite version.</summary>
internal static class MachineDescription
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ProcField("/proc/meminfo", "MemTotal") ?? "unknown",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        AzuriteVersion());

    /// <summary>The load average now (null where <c>/proc/loadavg</c> does not exist).</summary>
    public static LoadSample? Load(string after)
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return null;
        }
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return new LoadSample(after, double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? ProcField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? AzuriteVersion()
    {
        var path = Path.Combine(RepositoryRoot.Infra, "node_modules", "azurite", "package.json");
        if (!File.Exists(path))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }
}
