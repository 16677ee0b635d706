namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>GitHub's error body: <c>{"message", "documentation_url", "status"}</c>.</summary>
internal static class GitHubErrors
{
    public const string RestDocs = "https://docs.github.com/rest";
    public const string RateLimitDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

    public static FakeResponse Error(int status, string message, string documentationUrl = RestDocs) =>
        FakeResponse.Json(status, JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("documentation_url", documentationUrl);
            w.WriteString("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }));

    public static FakeResponse NotFound() => Error(404, "Not Found");
}
