using System.Net;
using System.Net.Sockets;

namespace OkrSync.Testing.Emulators;

public static class FreePorts
{
    /// <summary>Distinct loopback ports that were free a moment ago (the OS picks them; a rare race is retried by callers).</summary>
    public static IReadOnlyList<int> Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>Polls until every port accepts a connection; false when <paramref name="stillStarting"/> says to give up.</summary>
    public static async Task<bool> WaitUntilListeningAsync(IReadOnlyList<int> ports, Func<bool> stillStarting, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (!stillStarting() || DateTimeOffset.UtcNow > deadline)
                {
                    return false;
                }

                using var client = new TcpClient();
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    attempt.CancelAfter(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
                    break;
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Not listening yet: poll again shortly (the wait is for the port, not for a fixed time).
                    await Task.Delay(50, cancellationToken);
                }
            }
        }

        return true;
    }
}
