using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Digest;
using OkrSync.Mail;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync report email [--to ADDRESS]... [--dry-run] [--store SPEC]</c>: sends this ISO week's "orphaned work"
/// digest, as the <c>WeeklyOrphanReport</c> function does: once per recipient and week. <c>--dry-run</c> prints the
/// subject, recipients and text part, and sends and claims nothing.
/// </summary>
internal static class ReportEmailCommand
{
    private const string NoRecipients = "nobody: set OkrSync:Mail:Leadership, or pass --to ADDRESS";

    public static Command Create(CliContext context)
    {
        var to = new Option<string[]>("--to") { Description = "Send the leadership digest to this address instead of the configured recipients; repeat for several." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the e-mail (subject, recipients, text part); send nothing, record nothing." };
        var store = new Option<string?>("--store") { Description = "Where the state is: sqlite:PATH, tables:CONNECTION-STRING or tables. Default: OkrSync:Store, else sqlite:./.okrsync/okrsync.db." };
        var command = new Command("email", "Send this week's \"orphaned work\" digest (once per recipient and ISO week).") { to, dryRun, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var recipients = parse.GetValue(to) is { Length: > 0 } given ? given : null;
            var invalid = recipients?.FirstOrDefault(r => !OwnerScope.LooksLikeAddress(r));
            if (invalid is not null)
            {
                return context.Fail($"--to: '{invalid}' is not an e-mail address");
            }
            var print = parse.GetValue(dryRun);
            return await StoreScope.RunAsync(context, parse.GetValue(store), readOnly: print, async scope =>
            {
                MailOptions options;
                try
                {
                    options = MailOptions.FromConfiguration(context.Configuration);
                }
                catch (InvalidOperationException e)
                {
                    return context.Fail($"bad configuration: {e.Message}");
                }
                var mailer = Mailers.Create(options, context.Clock, NullLoggerFactory.Instance);
                var sender = new WeeklyReportSender(scope.SendLedger, new DigestSource(scope.Reports, scope.Items), mailer, options, context.Clock, NullLogger<WeeklyReportSender>.Instance);
                return print
                    ? await PrintAsync(context, sender, options, recipients, cancellationToken)
                    : await SendAsync(context, sender, options, recipients, cancellationToken);
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> PrintAsync(CliContext context, WeeklyReportSender sender, MailOptions options, IReadOnlyList<string>? recipients, CancellationToken cancellationToken)
    {
        if (await sender.PlanAsync(recipients, cancellationToken) is not { } plan)
        {
            return context.Fail(NoReport);
        }
        foreach (var mail in plan)
        {
            context.WriteRaw($"To: {(mail.To.Count == 0 ? NoRecipients : string.Join(", ", mail.To))}\n");
            context.WriteRaw($"Subject: {mail.Subject}\n\n{mail.Text}\n");
        }
        context.WriteRaw($"Dry run: nothing was sent or recorded. Mail would go through {options}.\n");
        return ExitCodes.Ok;
    }

    private static async Task<int> SendAsync(CliContext context, WeeklyReportSender sender, MailOptions options, IReadOnlyList<string>? recipients, CancellationToken cancellationToken)
    {
        WeeklyReportResult result;
        try
        {
            result = await sender.SendAsync(recipients, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return context.Fail(NoReport);
        }
        if (result.Sent.Count + result.Skipped.Count + result.Failed.Count == 0)
        {
            return context.Fail($"no recipients for {result.IsoWeek}: {NoRecipients}");
        }
        foreach (var recipient in result.Sent)
        {
            context.WriteRaw($"sent {result.IsoWeek} to {recipient}\n");
        }
        foreach (var recipient in result.Skipped)
        {
            context.WriteRaw($"skipped {recipient}: already sent for {result.IsoWeek} (or being sent by another run)\n");
        }
        context.WriteRaw($"{result.Sent.Count} sent via {options}; {result.Skipped.Count} already sent; {result.Failed.Count} failed.\n");
        foreach (var failure in result.Failed)
        {
            context.Error.WriteLine($"error: sending to {failure.Recipient} failed, not marked sent (run again to retry): {failure.Reason}");
        }
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private const string NoReport = "no report is stored yet: run a sync first (or 'okrsync demo' for the sample company)";
}
