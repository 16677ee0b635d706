using Azure.Storage.Queues;
using OkrSync.Core.Ports;
using OkrSync.Functions.Tests.Storage;
using OkrSync.Storage.Queues;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.App;

/// <summary>Both queue adapters, same semantics: Azure Storage Queues on Azurite, and the embedded SQLite queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventQueueTests(AzuriteFixture azurite) : IDisposable
{
    private readonly Tests.Support.TempDirectory folder = new();

    public static TheoryData<string> Adapters => ["azure", "sqlite"];

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task ReceivedMessage_IsHiddenUntilReleasedAndCountsItsDequeues(string adapter)
    {
        var queue = Create(adapter);
        await queue.EnqueueAsync("""{"version":1}""");

        var first = Assert.Single(await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5)));
        var hidden = await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5));
        await queue.ReleaseAsync(first, TimeSpan.Zero);
        var second = Assert.Single(await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5)));

        Assert.Empty(hidden);
        Assert.Equal("""{"version":1}""", second.Text);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task DeletedMessage_IsGoneAndPoisonedMessage_IsKept(string adapter)
    {
        var queue = Create(adapter);
        await queue.EnqueueAsync("applied");
        await queue.EnqueueAsync("poison");
        var received = await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5));

        await queue.DeleteAsync(received.Single(m => m.Text == "applied"));
        await queue.MoveToPoisonAsync(received.Single(m => m.Text == "poison"));

        Assert.Equal("poison", Assert.Single(await queue.PeekPoisonAsync(32)).Text);
        Assert.Equal("poison", Assert.Single(await queue.PeekPoisonAsync(32)).Text);
        Assert.Empty(await queue.ReceiveAsync(16, TimeSpan.Zero));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task MessageNotYetReceived_IsWithdrawn(string adapter)
    {
        var queue = Create(adapter);
        var taken = await queue.EnqueueAsync("redelivered");
        await queue.EnqueueAsync("kept");

        var withdrawn = await queue.WithdrawAsync(taken);

        Assert.True(withdrawn);
        Assert.Equal("kept", Assert.Single(await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5))).Text);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task MessageAlreadyReceived_IsNotWithdrawnAndStaysWithItsReceiver(string adapter)
    {
        var queue = Create(adapter);
        var sent = await queue.EnqueueAsync("in flight");
        var received = Assert.Single(await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5)));

        var withdrawn = await queue.WithdrawAsync(sent);
        await queue.ReleaseAsync(received, TimeSpan.Zero);

        Assert.False(withdrawn);
        Assert.Equal("in flight", Assert.Single(await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5))).Text);
    }

    [Fact]
    public async Task AzureMessages_AreBase64AsHostJsonDeclares()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        var queue = new AzureEventQueue(new QueueClient(azurite.ConnectionString, name, AzureEventQueue.ClientOptions()), new QueueClient(azurite.ConnectionString, name + "-poison", AzureEventQueue.ClientOptions()));
        await queue.EnqueueAsync("""{"version":1}""");

        var raw = await new QueueClient(azurite.ConnectionString, name).PeekMessageAsync();

        Assert.Equal("""{"version":1}""", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw.Value.Body.ToString())));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private IEventQueue Create(string adapter)
    {
        if (adapter == "sqlite")
        {
            return new SqliteEventQueue(Path.Combine(folder.Path, "okrsync-queue.db"), TimeProvider.System);
        }
        var name = "t" + Guid.NewGuid().ToString("N");
        return new AzureEventQueue(
            new QueueClient(azurite.ConnectionString, name, AzureEventQueue.ClientOptions()),
            new QueueClient(azurite.ConnectionString, name + "-poison", AzureEventQueue.ClientOptions()));
    }
}
