using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// The command line and environment the Functions host starts a dotnet-isolated worker with: the executable and
/// assembly named in the app's <c>worker.config.json</c>, then the legacy and the <c>--functions-*</c> arguments
/// (Worker 2.x reads only the latter), in the app folder, with the app settings and the host's directory variables.
/// </summary>
internal static class WorkerLaunch
{
    /// <summary>The host's default, and the only value the worker accepts: 0 makes it fail sending StartStream.</summary>
    public const int MaxMessageLength = int.MaxValue;

    public static ProcessStartInfo Describe(FunctionsHostEmulatorOptions options, Uri hostAddress, string workerId, string requestId)
    {
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var (executable, workerPath) = ReadWorkerConfig(appDirectory);
        var start = new ProcessStartInfo(ResolveExecutable(executable))
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            Path.Combine(appDirectory, workerPath),
            "--host", hostAddress.Host, "--port", hostAddress.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", hostAddress.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxLength,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.AppSettings)
        {
            start.Environment[name] = value;
        }
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        return start;
    }

    private static (string Executable, string WorkerPath) ReadWorkerConfig(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{appDirectory} is not an isolated-worker app: it has no worker.config.json.", path);
        }

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var description = config.RootElement.GetProperty("description");
        return (Required(description, "defaultExecutablePath", path), Required(description, "defaultWorkerPath", path));
    }

    private static string Required(JsonElement description, string name, string path) =>
        description.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{path} has no description.{name}.");

    /// <summary>"dotnet" is the muxer that runs the tests when there is one (the host would search PATH).</summary>
    private static string ResolveExecutable(string executable) =>
        executable == "dotnet" && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } muxer
            ? muxer
            : executable;
}
