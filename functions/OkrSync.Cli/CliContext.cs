using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>What a command runs against: where it writes, the clock, and configuration. Tests pass their own.</summary>
internal sealed record CliContext(IAnsiConsole Out, TextWriter Error, TimeProvider Clock, IConfiguration Configuration)
{
    /// <summary>The folder relative paths of the command's own making are under (the demo's workspace): the process's current one, or a test's.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Plain text to standard output, unwrapped and unstyled (JSON, Markdown).</summary>
    public TextWriter? RawOut { get; init; }

    /// <summary>Standard output is a file or a pipe, not a terminal: the text report is written unstyled, one line per line, never wrapped or shortened.</summary>
    public bool Redirected { get; init; }

    public void WriteRaw(string text)
    {
        if (RawOut is { } raw)
        {
            raw.Write(text);
            raw.Flush();
        }
        else
        {
            Out.Profile.Out.Writer.Write(text);
            Out.Profile.Out.Writer.Flush();
        }
    }

    /// <summary>The same context with one configuration value set on top (a command-line option that overrides configuration).</summary>
    public CliContext WithSetting(string key, string? value) => value is null
        ? this
        : this with { Configuration = new ConfigurationBuilder().AddConfiguration(Configuration).AddInMemoryCollection([new(key, value)]).Build() };

    public int Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.Failed;
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Invalid strategy, unreadable input, or a failed run.</summary>
    public const int Failed = 1;
}
