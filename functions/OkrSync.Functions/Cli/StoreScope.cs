using OkrSync.Core.Ports;
using OkrSync.Functions.Storage;

namespace OkrSync.Functions.Cli;

/// <summary>Opens the store a command names (<c>--store</c>, else configuration) and disposes it afterwards.</summary>
internal sealed class StoreScope : IDisposable
{
    private StoreScope(IWorkStore store, string description)
    {
        Store = store;
        Description = description;
    }

    public IWorkStore Store { get; }

    /// <summary>Where the store is, for messages; never includes secrets.</summary>
    public string Description { get; }

    public static bool TryOpen(CliContext context, string? spec, out StoreScope? scope)
    {
        try
        {
            var parsed = StoreSpec.Parse(string.IsNullOrWhiteSpace(spec) ? context.Configuration[StoreFactory.StoreKey] : spec, Storage.Tables.TableStorageOptions.FromConfiguration(context.Configuration));
            scope = new StoreScope(StoreFactory.Create(parsed), parsed.ToString());
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            context.Fail($"cannot open the store: {e.Message}");
            scope = null;
            return false;
        }
    }

    public void Dispose() => (Store as IDisposable)?.Dispose();
}
