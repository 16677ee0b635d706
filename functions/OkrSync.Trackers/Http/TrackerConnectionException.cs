using System.Net.Sockets;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers.Http;

/// <summary>Why a tracker could not be talked to at all.</summary>
public enum ConnectionFailure
{
    /// <summary>Nothing listens at the address (the host is up): <c>connection refused</c>.</summary>
    Refused,

    /// <summary>DNS has no address for the host: <c>name not resolved</c>.</summary>
    NameNotResolved,

    /// <summary>The TLS handshake failed (a certificate, a protocol, or a plain-HTTP server): never retried.</summary>
    Tls,

    /// <summary>No response within the request timeout.</summary>
    Timeout,

    /// <summary>Another connection failure (host or network unreachable, connect timed out).</summary>
    Unreachable,
}

/// <summary>
/// A tracker call that never got a response: the cause and the URL (without its query) in the message, e.g.
/// <c>connection refused: GET http://127.0.0.1:8080/repos/acme/web/issues</c>.
/// </summary>
public sealed class TrackerConnectionException : HttpRequestException
{
    public TrackerConnectionException(ConnectionFailure failure, string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public TrackerConnectionException()
    {
    }

    public TrackerConnectionException(string message)
        : base(message)
    {
    }

    public TrackerConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectionFailure Failure { get; }

    /// <summary>The failure an exception of the HTTP stack stands for; null when it is not a connection failure (a reset mid-response is transient, not this).</summary>
    public static ConnectionFailure? Classify(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ConnectionFailure.NameNotResolved,
            HttpRequestError.SecureConnectionError => ConnectionFailure.Tls,
            HttpRequestError.ConnectionError => Innermost<SocketException>(exception)?.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => ConnectionFailure.Refused,
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ConnectionFailure.NameNotResolved,
                _ => ConnectionFailure.Unreachable,
            },
            _ => null,
        };
    }

    /// <summary>The exception for <paramref name="failure"/> of <paramref name="request"/>: its cause, method and URL.</summary>
    public static TrackerConnectionException For(ConnectionFailure failure, HttpRequestMessage request, TimeSpan timeout, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inner);
        var cause = failure switch
        {
            ConnectionFailure.Refused => "connection refused",
            ConnectionFailure.NameNotResolved => "name not resolved",
            ConnectionFailure.Tls => "TLS handshake failed",
            ConnectionFailure.Timeout => $"no response within {TrackerRetry.Seconds(timeout)}",
            _ => "connection failed",
        };
        var url = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : request.RequestUri?.ToString();
        var detail = failure is ConnectionFailure.Tls or ConnectionFailure.Unreachable ? $" ({Innermost<Exception>(inner)?.Message})" : "";
        return new TrackerConnectionException(failure, $"{cause}: {request.Method} {url}{detail}", inner);
    }

    private static T? Innermost<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            found = e as T ?? found;
        }
        return found;
    }
}
