namespace OkrSync.Web.Hosting;

/// <summary>
/// Lets a handler that logs its own line about a request (a webhook's "accepted", "ignored" or "rejected") tell
/// <see cref="RequestLog"/> so, which then writes nothing: one line per request at most.
/// </summary>
internal static class RequestLogLine
{
    private static readonly AsyncLocal<StrongBox?> Current = new();

    /// <summary>Starts a request's scope; its <c>Written</c> says whether a handler logged its line in it.</summary>
    public static StrongBox Begin() => Current.Value = new StrongBox();

    /// <summary>A handler has logged the request's line (outside a request, nothing happens).</summary>
    public static void MarkWritten()
    {
        if (Current.Value is { } box)
        {
            box.Written = true;
        }
    }

    internal sealed class StrongBox
    {
        public bool Written { get; set; }
    }
}
