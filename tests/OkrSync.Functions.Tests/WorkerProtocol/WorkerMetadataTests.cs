using OkrSync.WorkerHost.Testing;
using OkrSync.WorkerHost.Testing.Rpc;
using Direction = OkrSync.WorkerHost.Testing.Rpc.BindingInfo.Types.Direction;

namespace OkrSync.Functions.Tests.WorkerProtocol;

/// <summary>What the sample worker reports in its FunctionMetadataResponse (worker indexing: from its compiled code).</summary>
[Collection(SampleWorkerCollection.Name)]
public sealed class WorkerMetadataTests(SampleWorkerFixture worker)
{
    [Fact]
    public void SampleApp_ReportsItsThreeFunctionsFromItsAssembly()
    {
        var functions = worker.Host.Functions;

        Assert.Equal(["Greet", "Heartbeat", "ProcessMessage"], functions.Keys.Order());
        Assert.All(functions.Values, f => Assert.Equal(("dotnet-isolated", "OkrSync.WorkerHost.Sample.dll"), (f.Language, f.ScriptFile)));
        Assert.All(functions.Values, f => Assert.NotEmpty(f.FunctionId));
    }

    [Fact]
    public void TimerFunction_DeclaresItsScheduleOnAnInputTrigger()
    {
        var heartbeat = worker.Host.Functions["Heartbeat"];

        var trigger = heartbeat.RawBinding("timer");

        Assert.Equal(("timerTrigger", Direction.In), (heartbeat.Bindings["timer"].Type, heartbeat.Bindings["timer"].Direction));
        Assert.Equal("0 */5 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void QueueFunction_DeclaresItsQueueConnectionAndStringData()
    {
        var processMessage = worker.Host.Functions["ProcessMessage"];

        var trigger = processMessage.RawBinding("message");

        var binding = processMessage.Bindings["message"];
        Assert.Equal(("queueTrigger", Direction.In, BindingInfo.Types.DataType.String), (binding.Type, binding.Direction, binding.DataType));
        Assert.Equal("sample-work", trigger.GetProperty("queueName").GetString());
        Assert.Equal("SampleQueue", trigger.GetProperty("connection").GetString());
        Assert.Single(processMessage.Bindings);
    }

    [Fact]
    public void HttpFunction_DeclaresRouteMethodsAuthLevelAndHttpReturn()
    {
        var greet = worker.Host.Functions["Greet"];

        var trigger = greet.RawBinding("request");

        Assert.Equal(("httpTrigger", Direction.In), (greet.Bindings["request"].Type, greet.Bindings["request"].Direction));
        Assert.Equal(("http", Direction.Out), (greet.Bindings["$return"].Type, greet.Bindings["$return"].Direction));
        Assert.Equal("greet/{name}", trigger.GetProperty("route").GetString());
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }
}
