using System.Reflection;
using OkrSync.Core.Strategy;

namespace OkrSync.Core.Tests;

public class ConventionTests
{
    private static readonly string[] Forbidden = ["Azure", "Microsoft.AspNetCore", "Microsoft.Data", "System.Data", "Microsoft.EntityFrameworkCore", "Octokit", "MailKit", "MimeKit", "Microsoft.Extensions.Http"];

    [Fact]
    public void Core_ReferencesNoAzureAspNetOrSqlAssemblies()
    {
        var references = typeof(StrategyDocument).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void CoreProject_HasNoForbiddenPackageReferences()
    {
        var project = Path.Combine(RepoRoot(), "functions", "OkrSync.Core", "OkrSync.Core.csproj");

        var text = File.ReadAllText(project);

        Assert.DoesNotContain(Forbidden, f => text.Contains($"Include=\"{f}", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Microsoft.NET.Sdk.Web", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Core_NeverReadsTheSystemClock()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "functions", "OkrSync.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var offenders = sources.Where(f => File.ReadAllText(f) is var text && (text.Contains("DateTime.UtcNow", StringComparison.Ordinal) || text.Contains("DateTimeOffset.UtcNow", StringComparison.Ordinal) || text.Contains("DateTime.Now", StringComparison.Ordinal) || text.Contains("DateTimeOffset.Now", StringComparison.Ordinal)));

        Assert.Empty(offenders);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OkrSync.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("OkrSync.sln not found above the test assembly.");
    }
}
