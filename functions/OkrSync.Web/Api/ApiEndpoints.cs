namespace OkrSync.Web.Api;

/// <summary>
/// The read API on <c>okrsync serve</c>: <c>/api/strategy</c>, <c>/api/rollup</c>, <c>/api/findings</c>,
/// <c>/api/orphans</c>, <c>/api/items/{key}</c> and <c>/api/health</c>, each mapped to its <see cref="ReadApi"/> handler
/// (the function app has one <c>[Function]</c> per route over the same handlers).
/// </summary>
internal static class ApiEndpoints
{
    public static RouteGroupBuilder MapReadApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/strategy", ReadApi.StrategyAsync);
        api.MapGet("/rollup", ReadApi.RollupAsync);
        api.MapGet("/findings", ReadApi.FindingsAsync);
        api.MapGet("/orphans", ReadApi.OrphansAsync);
        api.MapGet("/items/{**key}", ReadApi.ItemAsync);
        api.MapGet("/items", ReadApi.ItemAsync);
        api.MapGet("/health", ReadApi.HealthAsync);
        api.MapGet("/check-ins", CheckInApi.ListAsync);
        foreach (var route in new[] { "/strategy", "/rollup", "/findings", "/orphans", "/items/{**key}", "/items", "/health" })
        {
            api.MapMethods(route, OtherThan(HttpMethods.Get, HttpMethods.Head), (HttpContext http) => ReadApi.MethodNotAllowed(http, "GET"));
        }
        return api;
    }

    /// <summary><c>POST /api/check-ins</c>: state-changing, so outside the read group; the caller guards it with the admin key.</summary>
    public static RouteHandlerBuilder MapCheckIns(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/check-ins", CheckInApi.PostAsync);

    /// <summary>Answers 405 (with <c>Allow</c>) for the methods a route does not take, instead of the fallback's 404.</summary>
    public static IEndpointRouteBuilder MapMethodNotAllowed(this IEndpointRouteBuilder endpoints, string route, string allowed)
    {
        endpoints.MapMethods(route, OtherThan(allowed), (HttpContext http) => ReadApi.MethodNotAllowed(http, allowed));
        return endpoints;
    }

    private static string[] OtherThan(params string[] allowed) =>
        [.. new[] { HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options }.Except(allowed, StringComparer.OrdinalIgnoreCase)];

    public static IResult Error(int status, string error) => ReadApi.Error(status, error);
}
