using System.Net;
using OkrSync.Pipeline;

namespace OkrSync.Web.Hosting;

/// <summary>
/// Who may reach <c>okrsync serve</c>, failing closed. It listens on loopback unless told otherwise, and refuses to
/// listen anywhere else without <c>OkrSync:Api:Key</c>. The read API needs that key when it is set. Endpoints that
/// change state (running a function now, applying an event) need the separate <c>OkrSync:Api:AdminKey</c>, and are off
/// while it is unset; the admin key also reads. Keys go in <c>x-functions-key</c> (<c>?code=</c> still works, and the
/// query string is never logged). Under the Functions host, its function keys do this job.
/// </summary>
internal sealed record ServeAccess(string? Key, string? AdminKey)
{
    public const string KeySetting = "OkrSync:Api:Key";
    public const string AdminKeySetting = "OkrSync:Api:AdminKey";

    /// <summary>The keys, after checking that every address in <paramref name="urls"/> is loopback or a key is set.</summary>
    /// <exception cref="AppHostException">An address is not a URL, or is reachable from other machines with no key.</exception>
    public static ServeAccess From(IConfiguration configuration, string urls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var access = new ServeAccess(configuration.Setting(KeySetting), configuration.Setting(AdminKeySetting));
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url) && access.Key is null)
            {
                throw new AppHostException($"refusing to listen on {url} without {KeySetting}: anyone who can reach it could read the strategy and the work. Set {KeySetting} (and {AdminKeySetting} for state-changing endpoints), or listen on loopback (the default, {AppHost.DefaultServeUrl}).");
            }
        }
        return access;
    }

    /// <summary>True for <c>localhost</c>, <c>127.0.0.0/8</c> and <c>[::1]</c>; false for wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and other hosts.</summary>
    /// <exception cref="AppHostException">Not an <c>http</c> or <c>https</c> URL.</exception>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel's wildcards are not valid URI hosts: read them first.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd > 0 ? url[(schemeEnd + 3)..] : "";
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            return false;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new AppHostException($"'{url}' is not a URL to listen on (expected e.g. {AppHost.DefaultServeUrl})");
        }
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
