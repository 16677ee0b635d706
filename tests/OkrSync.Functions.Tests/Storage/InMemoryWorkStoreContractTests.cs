using OkrSync.Core.Ports;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The snapshot and status part of the contract against the in-memory fake the sync and pipeline tests use (one store
/// per scope). The fake does not model the adapters' size limits, write races or send claims, so it does not run the
/// whole <see cref="WorkStoreContract"/>.
/// </summary>
public sealed class InMemoryWorkStoreContractTests : SnapshotAndStatusContract
{
    private readonly Dictionary<string, InMemoryWorkStore> stores = [];

    protected override IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null)
    {
        lock (stores)
        {
            return stores.TryGetValue(scope, out var store) ? store : stores[scope] = new InMemoryWorkStore();
        }
    }
}
