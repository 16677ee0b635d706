using System.Diagnostics;

namespace OkrSync.Testing.Emulators;

/// <summary>
/// Renders an HTML page in headless Chromium (Debian's <c>chromium</c>) and keeps a PNG screenshot. When Chromium is
/// missing, the project's own <c>infra/install-chromium.sh</c> installs it once (needs root, as in CI), under a
/// cross-process lock so that parallel test assemblies do not run apt-get twice.
/// </summary>
public static class ChromiumScreenshot
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>Where screenshots are kept as test artifacts: <c>artifacts/screenshots/</c> under the repository root (ignored by git).</summary>
    public static string ArtifactFolder => Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");

    /// <summary>Renders <paramref name="html"/> in a <paramref name="width"/>×<paramref name="height"/> window and writes the PNG to <paramref name="pngPath"/>.</summary>
    public static async Task<string> CaptureAsync(string html, string pngPath, int width, int height, CancellationToken cancellationToken = default)
    {
        var chromium = await EnsureInstalledAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("okrsync-chromium-").FullName;
        try
        {
            var page = Path.Combine(work, "page.html");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
            File.Delete(pngPath);
            var start = new ProcessStartInfo(chromium);
            string[] arguments =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Path.Combine(work, "profile")}",
                    $"--screenshot={Path.GetFullPath(pngPath)}", $"--window-size={width},{height}", new Uri(page).AbsoluteUri,
                ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            await ChildProcesses.RunAsync(start, TimeSpan.FromMinutes(2), cancellationToken);
            return File.Exists(pngPath) ? Path.GetFullPath(pngPath) : throw new InvalidOperationException($"Chromium wrote no screenshot to {pngPath}.");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The width and height a PNG file declares in its header.</summary>
    public static (int Width, int Height) PngSize(string pngPath)
    {
        var header = new byte[24];
        using (var file = File.OpenRead(pngPath))
        {
            file.ReadExactly(header);
        }

        return (ReadBigEndian(header, 16), ReadBigEndian(header, 20));
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    /// <summary>The path of Chromium, installed by <c>infra/install-chromium.sh</c> first when it is missing (the dashboard's browser tests launch it through Playwright).</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (Candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            var lockPath = Path.Combine(Path.GetTempPath(), "okrsync-install-chromium.lock");
            await using var crossProcess = await ChildProcesses.AcquireFileLockAsync(lockPath, cancellationToken);
            if (Candidates.FirstOrDefault(File.Exists) is null)
            {
                await ChildProcesses.RunAsync(new ProcessStartInfo("bash") { ArgumentList = { Path.Combine(RepositoryRoot.Infra, "install-chromium.sh") } }, TimeSpan.FromMinutes(10), cancellationToken);
            }
        }
        finally
        {
            InProcess.Release();
        }

        return Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("infra/install-chromium.sh ran, but there is no /usr/bin/chromium.");
    }
}
