using System.Diagnostics;

namespace OkrSync.Benchmarks.Suite;

/// <summary>Progress lines on stderr, with the time since the run started (stdout carries the table).</summary>
internal static class Progress
{
    private static readonly Stopwatch Since = Stopwatch.StartNew();

    public static void Line(string message) => Console.Error.WriteLine($"[{Since.Elapsed:hh\\:mm\\:ss}] {message}");
}
