using System.Security.Cryptography;
using System.Text;
using OkrSync.Functions.Hosting;
using OkrSync.Functions.Pipeline;

namespace OkrSync.Functions.Api;

/// <summary>
/// The read API's filters. <see cref="RequireKey"/>: in <c>okrsync serve</c>, when <c>OkrSync:Api:Key</c> is set,
/// every request needs it in <c>x-functions-key</c> or <c>?code=</c> (as the Functions host asks for function keys);
/// under the host, the host checks its own function keys. <see cref="StrategyErrors"/>: a missing or invalid
/// strategy file is a 503 that says so.
/// </summary>
internal static class ApiFilters
{
    public const string KeySetting = "OkrSync:Api:Key";

    public static RouteGroupBuilder RequireKey(this RouteGroupBuilder group, IConfiguration configuration)
    {
        var key = configuration.Setting(KeySetting);
        if (key is null)
        {
            return group;
        }
        var expected = Encoding.UTF8.GetBytes(key);
        group.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var given = request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
            return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given))
                ? await next(context)
                : ApiEndpoints.Error(StatusCodes.Status401Unauthorized, "a valid key is required (x-functions-key header or code query parameter)");
        });
        return group;
    }

    public static RouteGroupBuilder StrategyErrors(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (StrategyUnavailableException e)
            {
                return ApiEndpoints.Error(StatusCodes.Status503ServiceUnavailable, e.Message);
            }
        });
        return group;
    }
}
