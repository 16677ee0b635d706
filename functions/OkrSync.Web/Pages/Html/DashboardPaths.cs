namespace OkrSync.Web.Pages.Html;

/// <summary>
/// Where the dashboard lives: <c>/dashboard</c> under <c>okrsync serve</c>, <c>/api/dashboard</c> in the function app
/// (whose HTTP routes all sit under <c>/api</c>). Every link a page draws goes through here.
/// </summary>
public sealed record DashboardPaths(string Base)
{
    public static DashboardPaths Serve { get; } = new("/dashboard");

    public static DashboardPaths FunctionApp { get; } = new("/api/dashboard");

    public string Strategy => Base;

    public string Orphans => Base + "/orphans";

    public string Investment => Base + "/investment";

    public string Findings => Base + "/findings";

    public string SignIn => Base + "/sign-in";

    public string SignOut => Base + "/sign-out";

    public string Asset(string name) => Base + "/assets/" + name;

    public string KeyResult(string id) => Base + "/key-results/" + Uri.EscapeDataString(id);

    public string BetAnchor(string id) => Base + "#bet-" + Uri.EscapeDataString(id);

    public string InitiativeAnchor(string id) => Base + "#initiative-" + Uri.EscapeDataString(id);
}
