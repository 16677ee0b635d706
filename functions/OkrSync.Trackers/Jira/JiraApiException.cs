using System.Net;

namespace OkrSync.Trackers.Jira;

/// <summary>A Jira call that failed for good (after retries): the status, and Jira's own error messages.</summary>
public sealed class JiraApiException : HttpRequestException
{
    public JiraApiException()
    {
    }

    public JiraApiException(string message)
        : base(message)
    {
    }

    public JiraApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JiraApiException(string message, HttpStatusCode status)
        : base(message, null, status)
    {
    }
}
