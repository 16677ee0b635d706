using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Events;

/// <summary>
/// What an event may touch, checked where it enters (the webhooks: 400) and again where it is applied (the queue:
/// a refused message is retried, then poisoned). Each source owns its keys (<see cref="TrackerKeys"/>): a Jira event
/// can only name <c>PROJECT-123</c> items, a GitHub event only <c>owner/repo#N</c> ones. An item whose <c>updated</c>
/// is further ahead of the receiving clock than <see cref="TrackerClock.MaxSkew"/> is refused: it would pin the item
/// against every later version.
/// </summary>
public static class TrackerEventChecks
{
    /// <summary>Why the message may not be applied, or null when it may.</summary>
    public static string? Problem(TrackerEventMessage message, DateTimeOffset now, TrackerClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        var source = new SourceKind(message.Source);
        foreach (var upsert in message.Upserts)
        {
            if (!string.Equals(upsert.Source, message.Source, StringComparison.Ordinal))
            {
                return $"a {message.Source} event cannot carry a {upsert.Source} item ({upsert.Key})";
            }
            if (TrackerKeys.Problem(source, upsert.Key) is { } problem)
            {
                return problem;
            }
            if (upsert.ParentKey is { } parent && TrackerKeys.Problem(source, parent) is { } parentProblem)
            {
                return $"parent of {upsert.Key}: {parentProblem}";
            }
            if (clock.AheadBy(upsert.Updated, now) is { } ahead)
            {
                return $"{upsert.Key}: 'updated' {upsert.Updated:yyyy-MM-ddTHH:mm:ssK} is {TrackerClock.Describe(ahead)} ahead of this server's clock; more than {clock.MaxSkew} ({TrackerClock.Setting}) is refused";
            }
        }
        foreach (var key in message.Deletes.Concat(message.Fetches))
        {
            if (TrackerKeys.Problem(source, key) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }
}
