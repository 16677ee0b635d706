using System.Text.Json;

namespace OkrSync.Web.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c>'s <c>Values</c> (the Functions Core Tools convention) as configuration, so the same
/// file serves <c>func start</c> and <c>okrsync serve</c>. <c>OkrSync__GitHub__Token</c> becomes <c>OkrSync:GitHub:Token</c>.
/// </summary>
internal static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string folder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Path.Combine(folder, "local.settings.json");
        if (!File.Exists(path))
        {
            return builder;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in section.EnumerateObject())
            {
                values[value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
            }
        }
        return builder.AddInMemoryCollection(values);
    }
}
