using System.CommandLine;
using System.Globalization;
using OkrSync.Core.Metrics;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Metrics;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync checkin KR_OR_SIGNAL_ID VALUE [--at TIME] [--confidence on-track|at-risk|off-track] [--note TEXT]</c>:
/// records a measured value of a key result's (or position signal's) metric in the store, checked against the strategy.
/// The next report uses it as the current value (the latest check-in by measured time wins).
/// </summary>
internal static class CheckInCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("KR_OR_SIGNAL_ID") { Description = "The id of the key result or position signal." };
        var value = new Argument<string>("VALUE") { Description = "The measured value, a number (e.g. 29.5)." };
        var at = new Option<string?>("--at") { Description = "When it was measured: 2026-11-30 or 2026-11-30T09:00:00Z. Default: now." };
        var confidence = new Option<string?>("--confidence") { Description = "How likely the key result lands: on-track, at-risk or off-track." };
        var note = new Option<string?>("--note") { Description = "A note for the report (why it moved, how it was measured)." };
        var strategy = CliOptions.Strategy(required: false);
        var store = CliOptions.Store();
        var command = new Command("checkin", "Record a measured value of a key result or position signal (a check-in).") { id, value, at, confidence, note, strategy, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var strategyPath = parse.GetValue(strategy) ?? context.Configuration["OkrSync:StrategyPath"];
            if (strategyPath is null)
            {
                return context.Fail("--strategy is required (or set OkrSync:StrategyPath): the check-in is checked against its key results");
            }
            var loaded = await StrategyFile.LoadAsync(strategyPath, cancellationToken);
            if (loaded.Strategy is not { } document)
            {
                loaded.Errors.ToList().ForEach(e => context.Error.WriteLine(e.ToString()));
                return context.Fail($"{strategyPath} is not a valid strategy; nothing was recorded.");
            }
            var text = parse.GetValue(value);
            if (CheckInInput.ParseNumber(text) is not { } number)
            {
                return context.Fail($"VALUE must be a number (e.g. 29.5), not '{text}'; nothing was recorded.");
            }
            var check = CheckInInput.Check(document, parse.GetValue(id), number, parse.GetValue(at), parse.GetValue(confidence), parse.GetValue(note), Environment.UserName, context.Clock.GetUtcNow());
            if (check.CheckIn is not { } checkIn)
            {
                return context.Fail($"{check.Error}; nothing was recorded.");
            }
            return await StoreScope.RunAsync(context, parse.GetValue(store), readOnly: false, async scope =>
            {
                var recorded = await scope.CheckIns.AppendCheckInAsync(checkIn, cancellationToken);
                var metric = check.Metric!;
                var unit = metric.Metric.Unit is { Length: > 0 } u ? (u.Length > 1 ? " " + u : u) : "";
                var when = checkIn.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var extra = string.Concat(
                    checkIn.Confidence is { } c ? $", {c.ToName()}" : "",
                    checkIn.Note is { } n ? $", \"{n}\"" : "");
                context.Out.WriteLine(recorded
                    ? $"Checked in {metric.What} {metric.Id} ({metric.Title}): {Number(checkIn.Value)}{unit} measured {when} UTC{extra}; stored in {scope.Description}. 'okrsync sync' or the app's next report uses it."
                    : $"Already recorded: {metric.Id} = {Number(checkIn.Value)}{unit} measured {when} UTC (a check-in is kept once per id, time and value); nothing written.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
