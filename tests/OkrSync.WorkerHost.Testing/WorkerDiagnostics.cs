using System.Collections.Concurrent;
using System.Text;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// What the worker said: its standard output and error lines, and the <see cref="RpcLog"/> messages it sent over the
/// stream (its ILogger output). The latest entries go into every timeout or failure message of the emulator.
/// </summary>
public sealed class WorkerDiagnostics
{
    private const int Kept = 2000;
    private const int Described = 40;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<RpcLog> logs = new();

    /// <summary>The worker's console lines, oldest first, each prefixed with <c>out:</c> or <c>err:</c>; the latest 2000.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>The log messages the worker sent, oldest first; the latest 2000.</summary>
    public IReadOnlyList<RpcLog> Logs => [.. logs];

    /// <summary>The log messages written while the invocation ran (the worker tags them with its id).</summary>
    public IReadOnlyList<RpcLog> LogsOf(string invocationId) => [.. logs.Where(l => l.InvocationId == invocationId)];

    /// <summary>The latest output and log lines, for an error message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Worker output (latest lines):");
        foreach (var line in output.TakeLast(Described))
        {
            text.Append("  ").AppendLine(line);
        }
        text.AppendLine("Worker logs (latest):");
        foreach (var log in logs.TakeLast(Described))
        {
            text.Append("  ").Append(log.Level).Append(' ').Append(log.Category).Append(": ").AppendLine(log.Message);
        }
        return text.ToString();
    }

    internal void AddOutput(string stream, string? line)
    {
        if (line is not null)
        {
            Keep(output, $"{stream}: {line}");
        }
    }

    internal void AddLog(RpcLog log) => Keep(logs, log);

    private static void Keep<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        while (queue.Count > Kept && queue.TryDequeue(out _))
        {
        }
    }
}
