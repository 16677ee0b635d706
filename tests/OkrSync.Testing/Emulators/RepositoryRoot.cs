namespace OkrSync.Testing.Emulators;

/// <summary>The checkout's root folder (the one holding <c>OkrSync.sln</c>), found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OkrSync.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OkrSync.sln above {AppContext.BaseDirectory}.");
    }

    public static string Infra => Path.Combine(Find(), "infra");
}
