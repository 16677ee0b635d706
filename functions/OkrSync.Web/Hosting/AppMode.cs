namespace OkrSync.Web.Hosting;

/// <summary>How the web host runs.</summary>
public enum AppMode
{
    /// <summary><c>okrsync serve</c>: local mode, with its own timers and queue pump.</summary>
    Serve,

    /// <summary><c>okrsync handler</c>: under the Functions host, on <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c>.</summary>
    Handler,
}
