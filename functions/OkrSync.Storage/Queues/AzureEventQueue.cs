using Azure;
using Azure.Storage.Queues;
using OkrSync.Core.Ports;

namespace OkrSync.Storage.Queues;

/// <summary>
/// <see cref="IEventQueue"/> on Azure Storage Queues (or Azurite). Messages are written base64-encoded, which is
/// what host.json's <c>extensions.queues.messageEncoding: "base64"</c> tells the Functions host to expect.
/// </summary>
internal sealed class AzureEventQueue(QueueClient queue, QueueClient poison) : IEventQueue
{
    private readonly SemaphoreSlim creating = new(1, 1);
    private volatile bool created;

    /// <summary>The client options every producer and consumer uses: base64 messages, as the Functions host expects.</summary>
    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task<EnqueuedEvent> EnqueueAsync(string message, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var sent = await queue.SendMessageAsync(message, cancellationToken);
        return new EnqueuedEvent(sent.Value.MessageId, sent.Value.PopReceipt);
    }

    // A receive gives the message a new pop receipt, so the send's receipt no longer deletes it: the service answers
    // 404 (MessageNotFound) or 400 (PopReceiptMismatch), and the message stays with whoever received it.
    public async Task<bool> WithdrawAsync(EnqueuedEvent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == "PopReceiptMismatch")
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<QueuedEvent>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        // The service takes a visibility timeout of 1 second to 7 days.
        var hidden = visibilityTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : visibilityTimeout;
        var received = await queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), hidden, cancellationToken);
        return [.. received.Value.Select(m => new QueuedEvent(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount, m.InsertedOn ?? DateTimeOffset.MinValue))];
    }

    public async Task DeleteAsync(QueuedEvent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
    }

    public async Task ReleaseAsync(QueuedEvent message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.UpdateMessageAsync(message.Id, message.Receipt, message: null, visibilityTimeout: delay, cancellationToken);
    }

    public async Task MoveToPoisonAsync(QueuedEvent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureCreatedAsync(cancellationToken);
        await poison.SendMessageAsync(message.Text, cancellationToken);
        await queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedEvent>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var peeked = await poison.PeekMessagesAsync(Math.Clamp(maxMessages, 1, 32), cancellationToken);
        return [.. peeked.Value.Select(m => new QueuedEvent(m.MessageId, "", m.Body.ToString(), m.DequeueCount, m.InsertedOn ?? DateTimeOffset.MinValue))];
    }

    // The Bicep template creates both queues; Azurite and fresh accounts need them created once.
    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }
        await creating.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await CreateAsync(queue, cancellationToken);
                await CreateAsync(poison, cancellationToken);
                created = true;
            }
        }
        finally
        {
            creating.Release();
        }
    }

    private static async Task CreateAsync(QueueClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // An identity without create rights: the queue exists (the template made it) or sends will say so.
        }
    }
}
