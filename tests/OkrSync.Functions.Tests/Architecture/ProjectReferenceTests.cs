using System.Reflection;
using System.Xml.Linq;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Architecture;

/// <summary>
/// The projects' references say what each may touch: the pipeline knows no host, store or tracker library; the adapters
/// know the pipeline and not each other; nothing references the function app; the okrsync tool never carries the worker.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] HostAndAdapterAssemblies = ["Microsoft.AspNetCore", "Azure", "Microsoft.Data.Sqlite", "Octokit", "MailKit", "MimeKit", "Microsoft.Azure.Functions"];

    [Fact]
    public void Pipeline_ReferencesNoHostStoreOrTrackerLibrary()
    {
        var references = Referenced(typeof(OkrSync.Pipeline.LiveReport).Assembly);

        Assert.DoesNotContain(references, name => HostAndAdapterAssemblies.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
        Assert.DoesNotContain(references, name => name.StartsWith("OkrSync.", StringComparison.Ordinal) && name is not ("OkrSync.Core"));
    }

    [Theory]
    [InlineData("OkrSync.Trackers", new[] { "OkrSync.Core", "OkrSync.Pipeline" })]
    [InlineData("OkrSync.Storage", new[] { "OkrSync.Core", "OkrSync.Pipeline" })]
    [InlineData("OkrSync.Mail", new[] { "OkrSync.Core", "OkrSync.Pipeline" })]
    public void Adapter_KnowsOnlyTheCoreAndThePipeline_AndNoWebHost(string adapter, string[] allowed)
    {
        var references = ProjectReferences(adapter);
        var assemblies = Referenced(Assembly.Load(adapter));

        Assert.Equal(allowed, references);
        Assert.DoesNotContain(assemblies, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingReferencesTheFunctionApp_ButTheTestBuildThatStartsIt()
    {
        var referencing = Directory.EnumerateFiles(RepositoryRoot.Find(), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => XDocument.Load(p).Descendants("ProjectReference").Select(r => (Project: Path.GetFileNameWithoutExtension(p), Reference: r)))
            .Where(x => x.Reference.Attribute("Include")!.Value.Replace('\\', '/').EndsWith("/OkrSync.Functions.csproj", StringComparison.Ordinal));

        var (project, reference) = Assert.Single(referencing);
        Assert.Equal(("OkrSync.Functions.Tests", "false"), (project, reference.Attribute("ReferenceOutputAssembly")?.Value));
    }

    [Fact]
    public void OkrsyncTool_NeverReferencesTheFunctionsWorker()
    {
        // The tool's own build output, in the configuration this test project was built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var deps = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "functions", "OkrSync.Cli", "bin", configuration, "net10.0", "okrsync.deps.json"));

        Assert.DoesNotContain("Microsoft.Azure.Functions.Worker", deps, StringComparison.Ordinal);
    }

    private static string[] ProjectReferences(string project) =>
        [.. XDocument.Load(Path.Combine(RepositoryRoot.Find(), "functions", project, project + ".csproj"))
            .Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).Order(StringComparer.Ordinal)];

    private static string[] Referenced(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];
}
