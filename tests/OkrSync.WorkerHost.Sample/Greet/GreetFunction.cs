using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace OkrSync.WorkerHost.Sample.Greet;

/// <summary>
/// An HTTP function on the ASP.NET Core integration: the name comes from the route (which the host sends as trigger
/// metadata), the greeting from the proxied body and the punctuation from the proxied query string.
/// </summary>
public sealed class GreetFunction
{
    public const string FunctionName = "Greet";
    public const string Route = "greet/{name}";

    [Function(FunctionName)]
    public static async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request, string name)
    {
        using var reader = new StreamReader(request.Body);
        var greeting = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var punctuation = request.Query["punctuation"].ToString();
        return new ContentResult
        {
            StatusCode = StatusCodes.Status201Created,
            ContentType = "text/plain; charset=utf-8",
            Content = $"{greeting}, {name}{punctuation}",
        };
    }
}
