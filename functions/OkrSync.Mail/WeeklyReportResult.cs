namespace OkrSync.Mail;

/// <summary>
/// What one run of the weekly report did, per recipient: sent now, skipped (already sent this ISO week, or being
/// sent by another run), or failed (not marked sent: a retry sends it). <see cref="Succeeded"/> is false when any failed.
/// </summary>
public sealed record WeeklyReportResult(string IsoWeek, IReadOnlyList<string> Sent, IReadOnlyList<string> Skipped, IReadOnlyList<SendFailure> Failed)
{
    public bool Succeeded => Failed.Count == 0;

    public string Describe() =>
        $"{IsoWeek}: {Sent.Count} sent, {Skipped.Count} already sent or in progress, {Failed.Count} failed"
        + string.Concat(Failed.Select(f => $"{Environment.NewLine}  {f.Recipient}: {f.Reason}"));
}

/// <summary>A recipient whose mail was not sent, and why (the exception's message; never credentials).</summary>
public sealed record SendFailure(string Recipient, string Reason);
