namespace OkrSync.Pipeline;

/// <summary>
/// The folder relative settings resolve against (the strategy file): the package root under the Functions host
/// (<c>FUNCTIONS_APP_ROOT_PATH</c>, else the executable's folder), the current directory for <c>okrsync serve</c>.
/// </summary>
public sealed record AppFolder(string Path);
