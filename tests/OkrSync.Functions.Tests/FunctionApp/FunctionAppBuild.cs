using System.Reflection;

namespace OkrSync.Functions.Tests.FunctionApp;

/// <summary>Where the build of this test project put the function app's build output (functions.metadata and all).</summary>
internal static class FunctionAppBuild
{
    public static string Directory =>
        typeof(FunctionAppBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionAppDirectory").Value
        ?? throw new InvalidOperationException("The test assembly does not say where the function app was built.");
}
