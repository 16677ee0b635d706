using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline.StrategySources;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// The strategy file from GitHub, through the trackers' GitHub connection (<c>OkrSync:GitHub:BaseUrl</c>, so GitHub
/// Enterprise Server too; the token or the GitHub App installation token; the same retry, rate-limit and timeout
/// pipeline). Two calls when the file changed, one when it did not:
/// <list type="number">
/// <item><c>GET {base}/repos/{o}/{r}/contents/{path}?ref={ref}</c> with <c>If-None-Match</c> = the last ETag: a 304 (free
/// of rate-limit charge) means unchanged; a 200 carries the file as base64 <c>content</c>.</item>
/// <item><c>GET {base}/repos/{o}/{r}/commits?path={path}&amp;sha={ref}&amp;per_page=1</c>: the last commit on the ref that
/// touched the file, i.e. the commit this version of the file comes from (stable while other files change).</item>
/// </list>
/// </summary>
public sealed class GitHubStrategyReader(IHttpClientFactory clients, GitHubOptions options, Lazy<GitHubAppTokenProvider> appTokens) : IStrategySourceReader
{
    private const string Accept = "application/vnd.github+json";

    public async Task<StrategySourceRead> ReadAsync(GitStrategyLocation location, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            var repo = $"repos/{Uri.EscapeDataString(location.Owner)}/{Uri.EscapeDataString(location.Repository)}";
            var path = string.Join('/', location.Path.Split('/').Select(Uri.EscapeDataString));
            var reference = Uri.EscapeDataString(location.Ref);
            using var contents = await SendAsync($"{repo}/contents/{path}?ref={reference}", etag, cancellationToken);
            if (contents.StatusCode == HttpStatusCode.NotModified)
            {
                return StrategySourceRead.NotModified;
            }
            if (await ProblemAsync(contents, $"{location.Path} at {location.Ref} in {location.FullName}", cancellationToken) is { } problem)
            {
                return StrategySourceRead.Failed(problem);
            }
            var (text, contentProblem) = Decode(await contents.Content.ReadAsByteArrayAsync(cancellationToken));
            if (contentProblem is not null)
            {
                return StrategySourceRead.Failed(contentProblem);
            }
            var newEtag = contents.Headers.ETag?.ToString();
            var query = $"{repo}/commits?path={Uri.EscapeDataString(location.Path)}&sha={reference}&per_page=1";
            using var commits = await SendAsync(query, null, cancellationToken);
            if (await ProblemAsync(commits, $"the commits of {location.Path} at {location.Ref}", cancellationToken) is { } commitProblem)
            {
                return StrategySourceRead.Failed(commitProblem);
            }
            return CommitOf(await commits.Content.ReadAsByteArrayAsync(cancellationToken)) is { } commit
                ? StrategySourceRead.Version(text!, commit, newEtag)
                : StrategySourceRead.Failed($"GitHub listed no commit of {location.Path} at {location.Ref}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return StrategySourceRead.Failed($"GitHub could not be reached at {options.BaseUrl}: {e.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string relative, string? etag, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(GitHubConnections.HttpClientName);
        http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout (the tracker pipeline)
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Accept));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("OkrSync", "1.0"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (options.Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (options.UsesApp)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await appTokens.Value.GetTokenAsync(cancellationToken));
        }
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }
        var message = "";
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            message = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? $": {m.GetString()}" : "";
        }
        catch (JsonException)
        {
        }
        var status = (int)response.StatusCode;
        var hint = status switch
        {
            401 => " (check OkrSync:GitHub:Token or the GitHub App settings)",
            403 => " (the token may lack read access to the repository's contents, or the rate limit is spent)",
            404 => " (no such repository, file or ref, or the token cannot see the repository)",
            _ => "",
        };
        return $"GitHub answered {status} for {what}{message}{hint}";
    }

    private static (string? Text, string? Problem) Decode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "file")
            {
                return (null, "the strategy source is not a file (a folder or a symlink?)");
            }
            var encoding = root.TryGetProperty("encoding", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var size = root.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : 0;
            if (size > StrategyLoader.MaxBytes || encoding == "none")
            {
                return (null, $"the strategy file is {size} bytes, more than the {StrategyLoader.MaxBytes} accepted");
            }
            if (encoding != "base64" || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                return (null, $"GitHub sent the file with encoding '{encoding}', not base64");
            }
            var bytes = Convert.FromBase64String(content.GetString()!.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
            if (bytes.Length > StrategyLoader.MaxBytes)
            {
                return (null, $"the strategy file is {bytes.Length} bytes, more than the {StrategyLoader.MaxBytes} accepted");
            }
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return (reader.ReadToEnd(), null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return (null, $"GitHub's contents response could not be read: {ex.Message}");
        }
    }

    private static string? CommitOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                && document.RootElement[0].TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String
                ? sha.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
