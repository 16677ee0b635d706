using System.Net;
using System.Text;
using OkrSync.WorkerHost.Testing.Rpc;
using Status = OkrSync.WorkerHost.Testing.Rpc.StatusResult.Types.Status;

namespace OkrSync.Functions.Tests.WorkerProtocol;

/// <summary>The sample worker's functions invoked over the worker protocol with the host's payload shapes.</summary>
[Collection(SampleWorkerCollection.Name)]
public sealed class WorkerInvocationTests(SampleWorkerFixture worker)
{
    [Fact]
    public async Task TimerTick_SucceedsAndSeesThePastDueFlagAndNextOccurrence()
    {
        var response = await worker.Host.InvokeTimerAsync("Heartbeat", isPastDue: true);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(LogsOf(response), m => m.Contains("past due: True, next: 2026-05-15T17:45", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoodQueueMessage_Succeeds()
    {
        var response = await worker.Host.InvokeQueueAsync("ProcessMessage", "hello", dequeueCount: 1);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("Processed hello on attempt 1", LogsOf(response));
    }

    [Fact]
    public async Task PoisonQueueMessage_FailsWithTheExceptionSoTheHostRetriesIt()
    {
        var response = await worker.Host.InvokeQueueAsync("ProcessMessage", "poison", dequeueCount: 3);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Equal("Poison message on attempt 3", response.Result.Exception.Message);
        Assert.Equal("System.InvalidOperationException", response.Result.Exception.Type);
        Assert.True(response.Result.Exception.IsUserException);
    }

    [Fact]
    public async Task HttpPost_IsAnsweredThroughTheWorkersHttpListener()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/greet/Ada?punctuation=!", UriKind.Relative))
        {
            Content = new StringContent("Good morning", Encoding.UTF8, "text/plain"),
        };

        var result = await worker.Host.InvokeHttpAsync("Greet", request);

        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", result.ContentType);
        Assert.Equal("Good morning, Ada!", result.Body);
        Assert.Equal(Status.Success, result.Invocation.Result.Status);
    }

    private List<string> LogsOf(InvocationResponse response) =>
        [.. worker.Host.Diagnostics.LogsOf(response.InvocationId).Select(l => l.Message)];
}
