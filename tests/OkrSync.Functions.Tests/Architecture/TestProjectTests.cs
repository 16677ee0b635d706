using System.Xml.Linq;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Architecture;

/// <summary>
/// The tests follow the project split: every production project has its own test project, in the solution, that
/// references it (the function app's are this project's worker, metadata, package and deploy tests).
/// </summary>
public sealed class TestProjectTests
{
    public static TheoryData<string> ProductionProjects => new(
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Find(), "functions"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => File.Exists(Path.Combine(RepositoryRoot.Find(), "functions", name, name + ".csproj")))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void ProductionProject_HasItsTestProjectInTheSolution(string project)
    {
        var root = RepositoryRoot.Find();
        var tests = Path.Combine(root, "tests", project + ".Tests", project + ".Tests.csproj");
        var solution = File.ReadAllText(Path.Combine(root, "OkrSync.sln"));

        Assert.True(File.Exists(tests), $"no test project {project}.Tests");
        Assert.Contains($@"tests\{project}.Tests\{project}.Tests.csproj", solution, StringComparison.Ordinal);
        Assert.Contains(
            XDocument.Load(tests).Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))),
            reference => reference == project);
    }
}
