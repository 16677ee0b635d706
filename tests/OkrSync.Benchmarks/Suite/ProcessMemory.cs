using System.Diagnostics;
using System.Globalization;

namespace OkrSync.Benchmarks.Suite;

/// <summary>Resident memory and CPU time of a process. On Linux from <c>/proc/PID/status</c> (VmHWM is the peak resident set).</summary>
internal static class ProcessMemory
{
    /// <summary>The process's peak working set (resident set high-water mark), or null when it cannot be read.</summary>
    public static long? PeakOf(int processId)
    {
        if (Status(processId, "VmHWM:") is { } peak)
        {
            return peak;
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.PeakWorkingSet64;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The process's working set now (resident set, VmRSS), or null when it cannot be read.</summary>
    public static long? CurrentOf(int processId) => Status(processId, "VmRSS:");

    /// <summary>CPU time (user + system) a process has used so far, or null when it cannot be read.</summary>
    public static TimeSpan? CpuOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>This process's peak working set so far.</summary>
    public static long OwnPeak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>This process's working set now.</summary>
    public static long OwnCurrent()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>
    /// Restarts this process's peak from its current resident set (Linux: <c>echo 5 &gt; /proc/self/clear_refs</c>),
    /// so that a later phase reports its own peak. False where that is not possible.
    /// </summary>
    public static bool TryResetOwnPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? Status(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
