using OkrSync.Cli;

return await CliApp.RunAsync(args, CliApp.ForProcess());
