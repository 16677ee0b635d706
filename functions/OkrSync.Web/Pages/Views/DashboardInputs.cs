namespace OkrSync.Web.Pages.Views;

/// <summary>
/// Data the dashboard draws but does not compute itself: each bet's position and declared investment (issue 13, "Bets
/// that move") and each key result's check-ins (issue 14, "A living strategy"). Empty until those exist; the pages
/// already draw both when present (a position badge and a declared bar per bet; check-in points on the key-result chart).
/// </summary>
public sealed record DashboardInputs(
    IReadOnlyDictionary<string, BetSignalsJson> BetSignals,
    IReadOnlyDictionary<string, IReadOnlyList<CheckInJson>> CheckIns)
{
    public static DashboardInputs None { get; } = new(new Dictionary<string, BetSignalsJson>(), new Dictionary<string, IReadOnlyList<CheckInJson>>());

    public BetSignalsJson? SignalsOf(string betId) => BetSignals.GetValueOrDefault(betId);

    public IReadOnlyList<CheckInJson> CheckInsOf(string keyResultId) => CheckIns.GetValueOrDefault(keyResultId) ?? [];
}

/// <summary>
/// Where the pages get <see cref="DashboardInputs"/>: the hook for issues 13 and 14, whose stores register their own
/// implementation in place of <see cref="NoDashboardInputs"/>.
/// </summary>
public interface IDashboardInputSource
{
    Task<DashboardInputs> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>No bet signals and no check-ins yet: what the app has until issues 13 and 14 register theirs.</summary>
public sealed class NoDashboardInputs : IDashboardInputSource
{
    public Task<DashboardInputs> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(DashboardInputs.None);
}
