using System.Security.Cryptography;
using System.Text;
using OkrSync.Pipeline;
using OkrSync.Web.Hosting;

namespace OkrSync.Web.Api;

/// <summary>
/// The read API's filters. <see cref="RequireReadKey"/> and <see cref="RequireAdminKey"/>: in <c>okrsync serve</c>, the
/// keys of <see cref="ServeAccess"/> (under the host, the host checks its own function keys).
/// <see cref="StrategyErrors"/>: a missing or invalid strategy file is a 503 that says so.
/// </summary>
internal static class ApiFilters
{
    private const string KeyHeader = "x-functions-key";

    /// <summary>When <c>OkrSync:Api:Key</c> is set, every request needs it (or the admin key).</summary>
    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder, ServeAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.Key is null)
        {
            return builder;
        }
        string?[] accepted = [access.Key, access.AdminKey];
        builder.AddEndpointFilter(async (context, next) => Matches(context.HttpContext.Request, accepted)
            ? await next(context)
            : ApiEndpoints.Error(StatusCodes.Status401Unauthorized, $"a valid key is required in the {KeyHeader} header ({ServeAccess.KeySetting})"));
        return builder;
    }

    /// <summary>State-changing endpoints: off (403) while <c>OkrSync:Api:AdminKey</c> is unset, else they need it.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder, ServeAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(access);
        string?[] accepted = [access.AdminKey];
        builder.AddEndpointFilter(async (context, next) => access.AdminKey is null
            ? ApiEndpoints.Error(StatusCodes.Status403Forbidden, $"state-changing endpoints are off: set {ServeAccess.AdminKeySetting} to run functions over HTTP")
            : Matches(context.HttpContext.Request, accepted)
                ? await next(context)
                : ApiEndpoints.Error(StatusCodes.Status401Unauthorized, $"the admin key is required in the {KeyHeader} header ({ServeAccess.AdminKeySetting})"));
        return builder;
    }

    private static bool Matches(HttpRequest request, string?[] accepted)
    {
        var given = Encoding.UTF8.GetBytes(request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString());
        var match = false;
        foreach (var key in accepted)
        {
            // Every key is compared, in constant time, so the timing says nothing about which one (if any) matched.
            match |= key is not null && given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), given);
        }
        return match;
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
