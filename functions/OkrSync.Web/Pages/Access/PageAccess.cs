using System.Net;
using System.Security.Cryptography;
using System.Text;
using OkrSync.Web.Hosting;

namespace OkrSync.Web.Pages.Access;

/// <summary>What a gate decides about one page request.</summary>
public enum PageAccess
{
    Allowed,

    /// <summary>Not signed in, and signing in could help: <c>okrsync serve</c> sends people to its sign-in form.</summary>
    SignInRequired,

    /// <summary>Refused, and signing in here cannot help (sign-in is not configured, or the request is not from this machine).</summary>
    Refused,
}

/// <summary>Who may see the dashboard's pages. Fails closed: anything it cannot establish is refused.</summary>
public interface IPageGate
{
    PageAccess Check(HttpContext http);

    /// <summary>Whether pages offer a sign-in form and a sign-out button (only <c>okrsync serve</c> with a key).</summary>
    bool HasSignIn { get; }

    /// <summary>What a refused request is told.</summary>
    string RefusedMessage { get; }
}

/// <summary>
/// <c>okrsync serve</c>: with no <c>OkrSync:Api:Key</c>, pages answer requests from this machine only (serve then
/// listens on loopback only, and a request from elsewhere is refused all the same). With a key, every page request needs
/// it: in the sign-in cookie (set by the sign-in form: HttpOnly, SameSite=Strict, Secure over HTTPS) or, for scripts,
/// in <c>x-functions-key</c>. The read key and the admin key both work; keys are compared in constant time.
/// </summary>
public sealed class ServePageGate : IPageGate
{
    public const string CookieName = "okrsync_dashboard";
    private readonly byte[][] keys;

    internal ServePageGate(ServeAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        keys = [.. new[] { access.Key, access.AdminKey }.Where(k => !string.IsNullOrEmpty(k)).Select(k => Hash(k!))];
        HasSignIn = access.Key is not null;
    }

    public bool HasSignIn { get; }

    public string RefusedMessage => $"the dashboard answers this machine only: set {ServeAccess.KeySetting} to sign in from elsewhere";

    public PageAccess Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!HasSignIn)
        {
            return http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) ? PageAccess.Allowed : PageAccess.Refused;
        }
        var given = http.Request.Cookies[CookieName] is { Length: > 0 } cookie ? cookie : http.Request.Headers["x-functions-key"].ToString();
        return Accepts(given) ? PageAccess.Allowed : PageAccess.SignInRequired;
    }

    /// <summary>Whether <paramref name="given"/> is one of the keys: every key is compared, in constant time, over hashes (so the length says nothing either).</summary>
    public bool Accepts(string? given)
    {
        if (string.IsNullOrEmpty(given) || keys.Length == 0)
        {
            return false;
        }
        var hash = Hash(given);
        var match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(key, hash);
        }
        return match;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

/// <summary>
/// The function app: pages sit behind App Service Authentication (Easy Auth) with Microsoft Entra ID, which redirects
/// people to sign in before a request reaches the app. The app checks that it really is behind it: authentication is on
/// (the platform's <c>WEBSITE_AUTH_ENABLED</c>, or <c>OkrSync:Dashboard:EntraIdSignIn</c>, which the Bicep template sets
/// with the authentication settings) and the platform names the signed-in user (<c>X-MS-CLIENT-PRINCIPAL-ID</c>, a
/// header it sets itself and strips from what clients send). Without both, pages are refused: a function app deployed
/// some other way shows no strategy to the internet.
/// </summary>
public sealed class EasyAuthPageGate(IConfiguration configuration) : IPageGate
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string DeployedSetting = "OkrSync:Dashboard:EntraIdSignIn";

    public bool HasSignIn => false;

    public string RefusedMessage => "the dashboard needs App Service Authentication (Microsoft Entra ID): deploy with the authClientId and authTenantId parameters (see docs/dashboard.md)";

    public PageAccess Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var enabled = string.Equals(configuration[EnabledSetting], "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration[DeployedSetting], "true", StringComparison.OrdinalIgnoreCase);
        return enabled && http.Request.Headers[PrincipalHeader].ToString().Length > 0 ? PageAccess.Allowed : PageAccess.Refused;
    }
}
