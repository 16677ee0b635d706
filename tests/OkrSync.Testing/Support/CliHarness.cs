using OkrSync.Cli;
using Spectre.Console;

namespace OkrSync.Functions.Tests.Support;

/// <summary>
/// Runs the real okrsync command line in-process, with captured output and a fixed clock (or the one given, e.g. an
/// InstantTimeProvider so that retry waits cost nothing).
/// </summary>
internal sealed class CliHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    // workingDirectory: where the demo writes its workspace (default: the test process's folder, shared by every test).
    public CliHarness(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, string? workingDirectory = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = 240;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        Context = new CliContext(console, error, clock ?? new FixedClock(Now), configuration) { RawOut = output, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
    }

    public CliContext Context { get; }

    public string Output => output.ToString();

    public string Error => error.ToString();

    public async Task<int> RunAsync(params string[] args) => await CliApp.RunAsync(args, Context);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A temporary directory removed at dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"okrsync-test-{Guid.NewGuid():N}");

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
