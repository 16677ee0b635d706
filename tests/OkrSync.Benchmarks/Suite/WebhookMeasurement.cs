namespace OkrSync.Benchmarks.Suite;

/// <summary>Part 3: the webhook path against <c>okrsync serve</c>.</summary>
internal static class WebhookMeasurement
{
    public static Task<IReadOnlyList<WebhookResult>> RunAsync(ReportOptions options, List<string> notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notes);
        notes.Add("Webhooks not measured: this build of okrsync has no `serve` command yet.");
        return Task.FromResult<IReadOnlyList<WebhookResult>>([]);
    }
}
