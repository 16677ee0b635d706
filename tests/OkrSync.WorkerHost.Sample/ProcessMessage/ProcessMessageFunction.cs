using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace OkrSync.WorkerHost.Sample.ProcessMessage;

/// <summary>A queue function: a poison message throws, so the host would retry it and then move it to the poison queue.</summary>
public sealed partial class ProcessMessageFunction(ILogger<ProcessMessageFunction> logger)
{
    public const string FunctionName = "ProcessMessage";
    public const string QueueName = "sample-work";
    public const string Connection = "SampleQueue";
    public const string PoisonText = "poison";

    /// <param name="message">The message text, already decoded by the host.</param>
    /// <param name="dequeueCount">Bound from the trigger metadata (DequeueCount), not from a binding.</param>
    [Function(FunctionName)]
    public void Run([QueueTrigger(QueueName, Connection = Connection)] string message, long dequeueCount)
    {
        if (message == PoisonText)
        {
            throw new InvalidOperationException($"Poison message on attempt {dequeueCount}");
        }

        LogProcessed(logger, message, dequeueCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Message} on attempt {DequeueCount}")]
    private static partial void LogProcessed(ILogger logger, string message, long dequeueCount);
}
