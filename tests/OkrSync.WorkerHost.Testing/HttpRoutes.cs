using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// The host's routing of an HTTP trigger: <c>{routePrefix}/{route}</c> (the prefix from host.json, default <c>api</c>;
/// the route defaults to the function's name). The matched route values are what the host sends as trigger metadata.
/// </summary>
internal static class HttpRoutes
{
    public static Dictionary<string, TypedData> Match(RpcFunctionMetadata function, string appDirectory, string path)
    {
        var trigger = function.Trigger();
        var route = trigger.TryGetProperty("route", out var declared) && declared.GetString() is { Length: > 0 } text ? text : function.Name;
        var prefix = RoutePrefix(appDirectory);
        var template = TemplateParser.Parse(prefix.Length == 0 ? route : $"{prefix}/{route}");
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(template, []).TryMatch(new PathString(path), values))
        {
            throw new ArgumentException($"{path} does not match the route {template.TemplateText} of {function.Name}.", nameof(path));
        }

        return values
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.Key, v => new TypedData { String = Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static string RoutePrefix(string appDirectory)
    {
        var hostJson = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(hostJson))
        {
            return "api";
        }

        using var host = JsonDocument.Parse(File.ReadAllText(hostJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? (prefix.GetString() ?? "").Trim('/')
                : "api";
    }
}
