using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.App;

/// <summary><c>okrsync serve</c> as its own process, when it cannot start: one line that names the cause, exit 1.</summary>
public sealed class ServeStartupTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public ServeStartupTests() => folder.File("strategy.yaml", AppStrategy.Yaml);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task PortInUse_ExitsOneWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var serve = await ServeAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, serve.ExitCode);
        var line = Assert.Single(Lines(serve.Error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output + serve.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl", "expected http://HOST:PORT")]
    [InlineData("http://127.0.0.1:99999", "the port must be from 0 to 65535")]
    [InlineData("ftp://127.0.0.1:{port}", "only http:// and https://")]
    [InlineData("http://999.1.1.1:{port}", "'999.1.1.1' is not an IP address or localhost")]
    public async Task MalformedUrl_ExitsOneWithOneLineNamingIt(string url, string reason)
    {
        var address = url.Replace("{port}", FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var serve = await ServeAsync("--urls", address);

        Assert.Equal(1, serve.ExitCode);
        var line = Assert.Single(Lines(serve.Error));
        Assert.StartsWith($"error: --urls: '{address}' is not an address to listen on: {reason}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output + serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreThatIsNotASqliteDatabase_ExitsOneWithOneLineNamingTheFile()
    {
        var store = folder.File("notes.txt", "shopping list: milk, eggs\n");
        var port = FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture);

        var serve = await ServeAsync(new Dictionary<string, string> { ["OkrSync__Store"] = $"sqlite:{store}" }, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, serve.ExitCode);
        var line = Assert.Single(Lines(serve.Error));
        Assert.Equal($"error: cannot use the store: {store} is not an OkrSync store: it is not a SQLite database", line);
        Assert.Equal("shopping list: milk, eggs\n", await File.ReadAllTextAsync(store));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task MalformedStrategySource_ExitsOneWithOneLineNamingTheSetting()
    {
        var port = FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture);

        var serve = await ServeAsync(new Dictionary<string, string> { ["OkrSync__StrategySource"] = "github:acme/strategy.yaml@main" }, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, serve.ExitCode);
        var line = Assert.Single(Lines(serve.Error));
        Assert.StartsWith("error: bad configuration: OkrSync:StrategySource: 'github:acme/strategy.yaml@main' is not github:OWNER/REPO/PATH@REF", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output + serve.Error, StringComparison.Ordinal);
    }

    private Task<OkrsyncExit> ServeAsync(params string[] arguments) => ServeAsync(new Dictionary<string, string>(), arguments);

    // Bounded: before the fixes, some of these started serving instead of failing.
    private Task<OkrsyncExit> ServeAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        environment.TryAdd("OkrSync__Store", $"sqlite:{Path.Combine(folder.Path, "okrsync.db")}");
        environment["OkrSync__StrategyPath"] = Path.Combine(folder.Path, "strategy.yaml");
        return OkrsyncRun.RunAsync(["serve", .. arguments], folder.Path, environment, timeLimitSeconds: 30);
    }
}
