namespace OkrSync.Pipeline;

/// <summary>
/// The hook for the weekly "orphaned work" e-mail: register an implementation (the mail sender) and the
/// <c>WeeklyOrphanReport</c> timer invocation calls it. Throwing fails the invocation.
/// </summary>
public interface IWeeklyReportJob
{
    /// <summary>Runs the weekly report; returns the lines to log.</summary>
    Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default);
}
