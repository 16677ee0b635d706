using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Storage;
using OkrSync.Storage.Sqlite;

namespace OkrSync.Cli;

/// <summary>
/// Opens the store a command names (<c>--store</c>, else configuration), checks it before the command runs, and
/// disposes it afterwards. A store that cannot be used is one line naming it, whenever the command meets it.
/// </summary>
internal sealed class StoreScope : IDisposable
{
    // The one store instance the scope opened and disposes; commands see it only by role.
    private readonly IWorkStore store;

    private StoreScope(IWorkStore store, string description)
    {
        this.store = store;
        Description = description;
    }

    public IItemStore Items => store;

    public IReportStore Reports => store;

    public ICursorStore Cursors => store;

    public ISendLedger SendLedger => store;

    public ICheckInLog CheckIns => store;

    /// <summary>Where the store is, for messages; never includes secrets.</summary>
    public string Description { get; }

    /// <summary>
    /// Runs <paramref name="body"/> against the store. <paramref name="readOnly"/>: the command only reads, so a
    /// SQLite store is opened read-only (nothing written, a read-only file can be read).
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, string? spec, bool readOnly, Func<StoreScope, Task<int>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        StoreScope scope;
        try
        {
            var parsed = StoreSpec.Parse(string.IsNullOrWhiteSpace(spec) ? context.Configuration[StoreFactory.StoreKey] : spec, Storage.Tables.TableStorageOptions.FromConfiguration(context.Configuration));
            if (readOnly && parsed is SqliteSpec sqlite)
            {
                parsed = sqlite with { Options = sqlite.Options with { ReadOnly = true } };
            }
            scope = new StoreScope(StoreFactory.Create(parsed), parsed.ToString());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return context.Fail($"cannot open the store: {e.Message}");
        }
        using (scope)
        {
            try
            {
                if (scope.store is SqliteWorkStore sqlite)
                {
                    await sqlite.EnsureReadyAsync(cancellationToken);
                }
                return await body(scope);
            }
            catch (StoreFileException e)
            {
                return context.Fail($"cannot use the store: {e.Message}");
            }
            catch (SqliteException e)
            {
                return context.Fail($"the store {scope.Description} failed: {e.Message}");
            }
        }
    }

    public void Dispose() => (store as IDisposable)?.Dispose();
}
