namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Jira's error body: <c>{"errorMessages": [...], "errors": {}}</c>.</summary>
internal static class JiraErrors
{
    public static FakeResponse Error(int status, params string[] messages) =>
        FakeResponse.Json(status, JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("errorMessages");
            foreach (var message in messages)
            {
                w.WriteStringValue(message);
            }

            w.WriteEndArray();
            w.WriteStartObject("errors");
            w.WriteEndObject();
            w.WriteEndObject();
        }));

    public static FakeResponse NotFound() => Error(404, "The requested resource could not be found.");

    public static FakeResponse IssueNotFound() => Error(404, "Issue does not exist or you do not have permission to see it.");
}
