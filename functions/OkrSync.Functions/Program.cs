using OkrSync.Functions.Cli;

return await CliApp.RunAsync(args, CliApp.ForProcess());
