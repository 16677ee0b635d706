namespace OkrSync.Pipeline;

/// <summary>
/// Reads settings the way the app treats them: empty values and unresolved Key Vault references
/// (<c>@Microsoft.KeyVault(...)</c>, which App Service leaves in place when it cannot read the secret) count as
/// "not configured". <see cref="UnresolvedKeyVaultReferences"/> names them so that startup can say so clearly.
/// </summary>
public static class Settings
{
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="key"/>, or null when it is missing, blank or an unresolved Key Vault reference.</summary>
    public static string? Setting(this IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) || IsUnresolvedKeyVaultReference(value) ? null : value;
    }

    /// <summary>The keys (never the values) of every setting that is still an unresolved Key Vault reference.</summary>
    public static IReadOnlyList<string> UnresolvedKeyVaultReferences(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.AsEnumerable().Where(pair => IsUnresolvedKeyVaultReference(pair.Value)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The items of an array setting (<c>Key:0</c>, <c>Key:1</c>... or a comma-separated value).</summary>
    public static IReadOnlyList<string> List(this IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(key);
        var children = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (children.Count > 0)
        {
            return children;
        }
        return section.Value is { } single ? [.. single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];
    }
}
