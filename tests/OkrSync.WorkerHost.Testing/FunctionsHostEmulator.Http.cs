using System.Net.Sockets;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

public sealed partial class FunctionsHostEmulator
{
    /// <summary>The header by which the worker pairs a proxied request with its invocation.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpClient httpClient = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// Runs an HTTP function as the host proxies it to a worker with the ASP.NET Core integration: the request (its
    /// path and query relative to the app, e.g. <c>/api/greet/ada?x=1</c>) goes to the worker's <c>HttpUri</c> with
    /// the <c>x-ms-invocation-id</c> header, while an InvocationRequest with the same id carries an empty RpcHttp
    /// placeholder and the route values as trigger metadata. Function keys are not checked (the host checks them
    /// before it forwards). The request is consumed.
    /// </summary>
    public async Task<HttpInvocation> InvokeHttpAsync(string functionName, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var function = Function(functionName);
        var workerUri = Capabilities.TryGetValue("HttpUri", out var httpUri)
            ? new Uri(httpUri)
            : throw new InvalidOperationException("The worker has no HttpUri capability: is ConfigureFunctionsWebApplication() called?");
        var target = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var pathAndQuery = target.IsAbsoluteUri ? target.PathAndQuery : "/" + target.OriginalString.TrimStart('/');
        var routeValues = HttpRoutes.Match(function, options.AppDirectory, new Uri(workerUri, pathAndQuery).AbsolutePath);

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(options.InvocationTimeout);
        // Kestrel in the worker starts listening only after the init response; the host retries the connection.
        await Bounded.WaitAsync(ListeningAsync(workerUri, bound.Token), $"the worker's HTTP listener on {workerUri}", options.InvocationTimeout, Diagnostics, cancellationToken);

        var invocationId = Guid.NewGuid().ToString();
        request.RequestUri = new Uri(workerUri, pathAndQuery);
        request.Headers.Add(InvocationIdHeader, invocationId);
        var proxied = httpClient.SendAsync(request, bound.Token);
        var placeholder = new Dictionary<string, TypedData> { [function.TriggerName()] = new() { Http = new RpcHttp() } };
        var invocation = InvokeAsync(functionName, placeholder, routeValues, invocationId, cancellationToken);

        await Bounded.WaitAsync(Task.WhenAll(proxied, invocation), $"the proxied response of {functionName}", options.InvocationTimeout, Diagnostics, cancellationToken);
        using var response = await proxied;
        var body = await response.Content.ReadAsStringAsync(bound.Token);
        return new HttpInvocation(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, await invocation);
    }

    private static async Task<bool> ListeningAsync(Uri uri, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                // Not listening yet: poll again shortly (bounded by the caller's token).
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
            }
        }
    }
}
