using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>
/// Reads one YAML mapping against a fixed set of keys, reporting unknown keys, missing fields and
/// wrongly-typed values with their positions instead of throwing.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly YamlMappingNode node;
    private readonly DiagnosticBag diagnostics;
    private readonly string what;

    public YamlMappingReader(YamlMappingNode node, string what, DiagnosticBag diagnostics, params string[] allowedKeys)
    {
        this.node = node;
        this.what = what;
        this.diagnostics = diagnostics;
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                diagnostics.Error("unknown-key", $"unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowedKeys)}", At(key, diagnostics.File));
            }
        }
    }

    public SourceLocation Location => At(node, diagnostics.File);

    public static SourceLocation At(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public static bool IsNull(YamlNode? value) =>
        value is null || (value is YamlScalarNode s && s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public YamlNode? Get(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public string? String(string key, bool required = false)
    {
        var value = Get(key);
        if (value is null)
        {
            if (required)
            {
                diagnostics.Error(key == "id" ? "missing-id" : "missing-field", $"{what} has no '{key}'", Location);
            }
            return null;
        }
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }
        diagnostics.Error("invalid-value", $"'{key}' in {what} must be a text value", At(value, diagnostics.File));
        return null;
    }

    public double? Number(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }
        if (value is YamlScalarNode scalar && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        diagnostics.Error("invalid-value", $"'{key}' in {what} must be a number, not '{(value as YamlScalarNode)?.Value ?? value.NodeType.ToString()}'", At(value, diagnostics.File));
        return null;
    }

    /// <summary>
    /// A share written as a percentage, <c>40%</c> (or a bare number of percent, <c>40</c>), returned as a ratio in [0, 1]
    /// with where it was written. A value that is not a percentage, or outside 0–100%, is reported and read as absent.
    /// </summary>
    public (double Share, SourceLocation At)? Percentage(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }
        var at = At(value, diagnostics.File);
        var text = (value as YamlScalarNode)?.Value?.Trim() ?? "";
        var percent = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (value is not YamlScalarNode || !double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            diagnostics.Error("invalid-value", $"'{key}' in {what} must be a percentage such as 40%, not '{(value as YamlScalarNode)?.Value ?? value.NodeType.ToString()}'", at);
            return null;
        }
        if (number is < 0 or > 100)
        {
            diagnostics.Error("invalid-allocation", $"'{key}' in {what} is {text}: a share must be between 0% and 100%", at);
            return null;
        }
        if (!text.EndsWith('%') && number > 0 && number < 1)
        {
            diagnostics.Error("invalid-value", $"'{key}' in {what} is {text}: write the share as a percentage, e.g. {number * 100:0.##}% (or {text}% if you mean less than one percent)", at);
            return null;
        }
        return (number / 100, at);
    }

    /// <summary>A list of names: a YAML sequence of scalars, or a single scalar.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var value = Get(key);
        switch (value)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value ?? ""];
            case YamlSequenceNode sequence:
                var list = new List<string>(sequence.Children.Count);
                foreach (var entry in sequence.Children)
                {
                    if (entry is YamlScalarNode { Value: { Length: > 0 } text } && !IsNull(entry))
                    {
                        list.Add(text);
                    }
                    else
                    {
                        diagnostics.Error("invalid-value", $"'{key}' in {what} must list names, one per entry", At(entry, diagnostics.File));
                    }
                }
                return list;
            default:
                diagnostics.Error("invalid-value", $"'{key}' in {what} must be a list", At(value, diagnostics.File));
                return [];
        }
    }

    public YamlMappingNode? Mapping(string key)
    {
        var value = Get(key);
        if (value is null or YamlMappingNode)
        {
            return (YamlMappingNode?)value;
        }
        diagnostics.Error("invalid-value", $"'{key}' in {what} must be a mapping of keys to values", At(value, diagnostics.File));
        return null;
    }

    /// <summary>The entries of a sequence that are mappings; other entries are reported.</summary>
    public IReadOnlyList<YamlMappingNode> MappingList(string key, string entryName)
    {
        var value = Get(key);
        if (value is null)
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            diagnostics.Error("invalid-value", $"'{key}' in {what} must be a list of {entryName}s", At(value, diagnostics.File));
            return [];
        }
        var result = new List<YamlMappingNode>(sequence.Children.Count);
        foreach (var entry in sequence.Children)
        {
            if (entry is YamlMappingNode mapping)
            {
                result.Add(mapping);
            }
            else
            {
                diagnostics.Error("invalid-value", $"each entry of '{key}' must be a {entryName} (a mapping with an id)", At(entry, diagnostics.File));
            }
        }
        return result;
    }
}
