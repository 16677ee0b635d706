using System.Net;
using System.Net.Sockets;
using System.Text;
using OkrSync.Trackers.Http;

namespace OkrSync.Trackers.Tests.Http;

/// <summary>
/// An error answer's body is read inside the handler, so a caller that asks HttpClient for the headers only
/// (<c>JiraClient</c>, to spare a second copy of JSON pages) still gets every body read within the pipeline's
/// timeout and retries. A loopback server sends the headers, then holds the body back until the client's
/// <c>SendAsync</c> has returned (or a second has passed).
/// </summary>
public sealed class ResponseIntegrityHandlerTests
{
    private static readonly TimeSpan HoldBody = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ErrorAnswerWithItsBodyHeldBack_SendReturnsOnlyOnceTheBodyIsRead()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var sendReturned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodySent = false;
        var server = ServeAsync();
        using var client = new HttpClient(new ResponseIntegrityHandler { InnerHandler = new SocketsHttpHandler() });

        using var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/rest/api/3/search/jql"),
            HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(20));
        var bodyWasSentBeforeSendReturned = Volatile.Read(ref bodySent);
        sendReturned.TrySetResult();
        await server.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(bodyWasSentBeforeSendReturned, "SendAsync returned before the error body arrived: the handler did not read it");
        Assert.Equal("""{"errorMessages":["Try again later"]}""", await response.Content.ReadAsStringAsync());

        async Task ServeAsync()
        {
            using var socket = await listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var request = new byte[4096];
            var read = 0;
            while (!Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                read += await stream.ReadAsync(request.AsMemory(read));
            }
            var body = Encoding.UTF8.GetBytes("""{"errorMessages":["Try again later"]}""");
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
            await stream.FlushAsync();
            await sendReturned.Task.WaitAsync(HoldBody).ContinueWith(_ => { }, TaskScheduler.Default);
            Volatile.Write(ref bodySent, true);
            await stream.WriteAsync(body);
            await stream.FlushAsync();
        }
    }
}
