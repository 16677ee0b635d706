namespace OkrSync.Web.Hosting;

/// <summary>How the web host of <c>okrsync serve</c> runs.</summary>
public enum AppMode
{
    /// <summary><c>okrsync serve</c>: the endpoints, with serve's own timers and queue pump.</summary>
    Serve,

    /// <summary>
    /// The endpoints alone, without serve's timers and queue pump: the shape of the app where something else fires the
    /// timers and drains the queue (as the Functions host does for the function app). Tests of the endpoints use it.
    /// </summary>
    EndpointsOnly,
}
