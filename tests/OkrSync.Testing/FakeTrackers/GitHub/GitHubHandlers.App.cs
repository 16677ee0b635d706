namespace OkrSync.Testing.FakeTrackers.GitHub;

internal sealed partial class GitHubHandlers
{
    public static FakeResponse RateLimit(GitHubRateState core) => FakeResponse.Json(200, JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("resources");
        WriteRate(w, "core", core);
        WriteRate(w, "search", new GitHubRateState(30, 0, core.ResetEpochSeconds));
        WriteRate(w, "graphql", new GitHubRateState(5000, 0, core.ResetEpochSeconds));
        w.WriteEndObject();
        WriteRate(w, "rate", core);
        w.WriteEndObject();
    }));

    public FakeResponse CreateInstallationToken(HttpContext context, GitHubAuth auth, DateTimeOffset now)
    {
        var jwt = (GitHubAppJwt)context.Items[GitHubProtocol.JwtItem]!;
        if (options.InstallationIds.Count > 0 && !options.InstallationIds.Contains(jwt.InstallationId))
        {
            return GitHubErrors.NotFound();
        }

        var (token, expiresAt) = auth.IssueInstallationToken(now);
        return FakeResponse.Json(201, JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteString("expires_at", GitHubJson.Time(expiresAt));
            w.WriteStartObject("permissions");
            w.WriteString("issues", "read");
            w.WriteString("metadata", "read");
            w.WriteString("pull_requests", "read");
            w.WriteEndObject();
            w.WriteString("repository_selection", "selected");
            w.WriteEndObject();
        }));
    }

    private static void WriteRate(System.Text.Json.Utf8JsonWriter w, string name, GitHubRateState state)
    {
        w.WriteStartObject(name);
        w.WriteNumber("limit", state.Limit);
        w.WriteNumber("used", state.Used);
        w.WriteNumber("remaining", state.Remaining);
        w.WriteNumber("reset", state.ResetEpochSeconds);
        w.WriteEndObject();
    }
}
