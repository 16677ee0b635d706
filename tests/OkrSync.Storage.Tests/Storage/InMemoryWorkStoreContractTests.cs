using OkrSync.Core.Ports;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The contract against the in-memory fake the sync and pipeline tests use: one store per scope, so that two stores
/// opened on a scope share state as two adapters on one backend do. The adapters' size limits
/// (<see cref="WorkStoreAdapterContract"/>) do not apply to it.
/// </summary>
public sealed class InMemoryWorkStoreContractTests : WorkStoreContract
{
    private readonly Dictionary<string, InMemoryWorkStore> stores = [];

    protected override IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null)
    {
        var store = StoreOf(scope);
        if (beforeItemWrites is not null)
        {
            // The fake's seam runs before its read-and-write (one step under its lock), for every store of the scope.
            store.BeforeUpsert = _ => beforeItemWrites(CancellationToken.None);
        }

        return store;
    }

    /// <summary>Items the fake actually wrote (inserted or replaced), as it counts them.</summary>
    protected override Task<long> ItemWritesObservedAsync(string scope = MainScope) => Task.FromResult<long>(StoreOf(scope).RowsWritten);

    public override Task DisposeAsync() => Task.CompletedTask;

    private InMemoryWorkStore StoreOf(string scope)
    {
        lock (stores)
        {
            return stores.TryGetValue(scope, out var store) ? store : stores[scope] = new InMemoryWorkStore();
        }
    }
}
