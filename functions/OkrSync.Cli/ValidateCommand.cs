using System.CommandLine;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary><c>okrsync validate STRATEGY</c>: prints every error and lint warning; exits 1 on errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("STRATEGY") { Description = "Path of the strategy YAML file." };
        var command = new Command("validate", "Check a strategy file: errors (exit 1) and OKR anti-pattern warnings.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            var result = await StrategyFile.LoadAsync(path, cancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.IsError ? context.Error : context.Out.Profile.Out.Writer).WriteLine(diagnostic.ToString());
            }
            var errors = result.Errors.Count();
            var warnings = result.Warnings.Count();
            if (result.Strategy is { } strategy)
            {
                context.Out.WriteLine($"{path}: valid. {Describe(strategy)}; {warnings} warning{(warnings == 1 ? "" : "s")}.");
                return ExitCodes.Ok;
            }
            context.Error.WriteLine($"{path}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}.");
            return ExitCodes.Failed;
        });
        return command;
    }

    public static string Describe(StrategyDocument strategy) =>
        $"'{strategy.Name}': {strategy.Bets.Count} bets, {strategy.KeyResults.Count()} key results, {strategy.Initiatives.Count()} initiatives";
}
