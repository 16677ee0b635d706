using System.Text.Json.Nodes;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>
/// The resources `bicep snapshot` predicts for a parameters file: the compiled template evaluated with
/// concrete parameters, names and ids, so app settings and role assignment scopes can be read as values.
/// </summary>
public sealed class DeploymentSnapshot
{
    private readonly JsonObject root;

    public DeploymentSnapshot(JsonObject root)
    {
        this.root = root;
    }

    public IReadOnlyList<JsonObject> Resources =>
        root["predictedResources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();

    public JsonArray Diagnostics => root["diagnostics"]!.AsArray();

    public JsonObject Outputs => root["outputs"]!.AsObject();

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public JsonObject Single(string type) => OfType(type).Single();

    public IReadOnlyDictionary<string, string> AppSettings =>
        Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!);
}
