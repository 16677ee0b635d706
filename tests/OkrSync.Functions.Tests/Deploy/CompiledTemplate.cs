using System.Text.Json.Nodes;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>Reads resources out of a compiled ARM template, including the templates of nested module deployments.</summary>
public static class CompiledTemplate
{
    public static IReadOnlyList<JsonObject> ResourcesOfType(JsonObject template, string type) =>
        AllResources(template)
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))
            // A module's `existing` reference to a resource deployed elsewhere is not a resource of its own.
            .Where(resource => resource["existing"] is not JsonValue existing || !existing.GetValue<bool>())
            .ToList();

    public static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(resource => resource!.AsObject()),
            JsonObject byName => byName.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
