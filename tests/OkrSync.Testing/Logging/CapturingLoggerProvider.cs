using System.Collections.Concurrent;

namespace OkrSync.Testing.Logging;

/// <summary>Keeps every log line written through it (category, level, formatted message, exception text), for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. lines];

    /// <summary>Every line as text, one per line: what a log file would hold.</summary>
    public string Text => string.Join('\n', lines.Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString()));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception);
