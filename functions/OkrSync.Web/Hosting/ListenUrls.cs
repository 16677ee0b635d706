using System.Net;

namespace OkrSync.Web.Hosting;

/// <summary>
/// Checks the addresses <c>okrsync serve</c> listens on (<c>--urls</c>, several separated by <c>;</c>) before the
/// server sees them: each is an <c>http</c> or <c>https</c> URL with a port from 0 to 65535 and a host that is an IP
/// address, <c>localhost</c>, or <c>*</c> / <c>+</c> for every interface. A host name is refused: the server would
/// quietly listen on every interface for it, which a typo (<c>999.1.1.1</c>) should not do.
/// </summary>
internal static class ListenUrls
{
    /// <exception cref="AppHostException">An address is not one to listen on; the message names it and says why.</exception>
    public static void Validate(string urls)
    {
        var entries = urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new AppHostException("--urls names no address to listen on");
        }
        foreach (var url in entries)
        {
            if (Problem(url) is { } problem)
            {
                throw new AppHostException($"--urls: '{url}' is not an address to listen on: {problem}");
            }
        }
    }

    private static string? Problem(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return "expected http://HOST:PORT, e.g. http://127.0.0.1:7071";
        }
        if (address.Scheme is not ("http" or "https"))
        {
            return "only http:// and https:// are supported";
        }
        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return null;
        }
        if (address.Port is < 0 or > 65535)
        {
            return $"the port must be from 0 to 65535, not {address.Port}";
        }
        var host = address.Host.Trim('[', ']');
        return host is "*" or "+" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _)
            ? null
            : $"'{address.Host}' is not an IP address or localhost (use * to listen on every interface)";
    }
}
