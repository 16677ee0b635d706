using System.Net;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Metrics;

namespace OkrSync.Trackers.Metrics;

/// <summary>
/// Reads metric sources: <c>http</c> through its own typed <see cref="HttpClient"/> (one GET, the configured timeout, no
/// retry: the next sync is the retry), <c>file</c> from disk (relative paths against the app folder). The secret header's
/// value is read from the setting the source names; an unset (or unresolved Key Vault) setting fails the pull, naming the
/// setting, and nothing is sent. Every failure is a value naming the reason, never an exception.
/// </summary>
public sealed class MetricSourceReader(HttpClient http, MetricSourceOptions options, IConfiguration configuration, AppFolder folder) : IMetricSourceReader
{
    public async Task<MetricPull> ReadAsync(MetricSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == MetricSourceKind.Http ? await ReadHttpAsync(source, cancellationToken) : await ReadFileAsync(source, cancellationToken);
    }

    private async Task<MetricPull> ReadHttpAsync(MetricSource source, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Location);
        request.Headers.Accept.ParseAdd("application/json");
        if (source.HeaderSecret is { } setting)
        {
            if (configuration.Setting(setting) is not { } secret)
            {
                return MetricPull.Failed($"the setting {setting} (header-secret) is not set, so nothing was sent");
            }
            request.Headers.TryAddWithoutValidation(source.Header, secret);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return MetricPull.Failed($"HTTP {(int)response.StatusCode} {Reason(response.StatusCode)}");
            }
            var body = await ReadAtMostAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);
            return body is null ? MetricPull.Failed($"the response is larger than {options.MaxBytes} bytes") : MetricValueParser.Parse(source, body, csv: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetricPull.Failed($"no response within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return MetricPull.Failed($"cannot connect ({e.HttpRequestError}: {e.Message})");
        }
    }

    private async Task<MetricPull> ReadFileAsync(MetricSource source, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(source.Location) ? source.Location : Path.GetFullPath(Path.Combine(folder.Path, source.Location));
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            var body = await ReadAtMostAsync(stream, cancellationToken);
            return body is null ? MetricPull.Failed($"{path} is larger than {options.MaxBytes} bytes") : MetricValueParser.Parse(source, body, source.IsCsv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return MetricPull.Failed(e is FileNotFoundException or DirectoryNotFoundException ? $"{path} not found" : $"cannot read {path}: {e.Message}");
        }
    }

    private async Task<byte[]?> ReadAtMostAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (await stream.ReadAsync(chunk, cancellationToken) is var n and > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    private static string Reason(HttpStatusCode status) => status.ToString();
}
