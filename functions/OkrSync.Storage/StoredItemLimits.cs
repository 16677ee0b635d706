using System.Globalization;
using OkrSync.Core.Work;

namespace OkrSync.Storage;

/// <summary>
/// What both adapters do to an item before storing it, so that no item can fail at write time: every text field is
/// cut to <see cref="MaxTextChars"/> characters (a body gets a visible marker), and the label and component lists are
/// cut, whole entries at the end first, until their JSON fits <see cref="MaxTextChars"/>.
/// Key and container are identities: they are never cut; one longer than <see cref="MaxIdentityChars"/> is rejected
/// before anything is written.
/// </summary>
/// <remarks>
/// 32,000 UTF-16 characters is under Table Storage's 64 KiB string limit; eleven such fields stay under the
/// 1 MiB entity limit.
/// </remarks>
internal static class StoredItemLimits
{
    public const int MaxTextChars = 32_000;
    public const int MaxIdentityChars = 1_000;
    public const string TruncationMarkerStart = "\n\n[truncated by OkrSync: ";

    public static void Validate(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrEmpty(item.Key) || item.Key.Length > MaxIdentityChars)
        {
            throw new ArgumentException($"Work item keys must have 1 to {MaxIdentityChars} characters.", nameof(item));
        }

        if (item.Container is null || item.Container.Length > MaxIdentityChars || item.Source.Value is null || item.Source.Value.Length > MaxIdentityChars)
        {
            throw new ArgumentException($"Work item {item.Key}: source and container must have at most {MaxIdentityChars} characters.", nameof(item));
        }
    }

    public static WorkItem Fit(WorkItem item)
    {
        Validate(item);
        return item with
        {
            Source = new SourceKind(Clean(item.Source.Value)),
            Key = Clean(item.Key),
            Container = Clean(item.Container),
            Title = Cut(Clean(item.Title)),
            Url = Cut(Clean(item.Url)),
            Type = Cut(Clean(item.Type)),
            Status = Cut(Clean(item.Status)),
            ParentKey = CutOptional(item.ParentKey),
            Milestone = CutOptional(item.Milestone),
            Assignee = CutOptional(item.Assignee),
            AssigneeEmail = CutOptional(item.AssigneeEmail),
            Labels = StringListJson.Fit(CleanList(item.Labels), MaxTextChars),
            Components = StringListJson.Fit(CleanList(item.Components), MaxTextChars),
            Body = CutOptional(item.Body),
        };
    }

    private static string? CutOptional(string? value) => value is null ? null : Cut(Clean(value));

    private static IReadOnlyList<string> CleanList(IReadOnlyList<string> values) =>
        values.Any(HasLoneSurrogate) ? [.. values.Select(Clean)] : values;

    /// <summary>Replaces lone UTF-16 surrogates (which neither JSON nor UTF-8 can carry) with U+FFFD.</summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!HasLoneSurrogate(value))
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts a text to the limit, ending it with a marker that says how much was left out.</summary>
    public static string Cut(string value, int limit = MaxTextChars)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= limit)
        {
            return value;
        }

        // The marker's own length depends on the count it prints; 12 digits is more than any string can need.
        var keep = limit - TruncationMarkerStart.Length - 12 - " characters omitted]".Length;
        if (char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        var omitted = value.Length - keep;
        return string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, keep)}{TruncationMarkerStart}{omitted} characters omitted]");
    }
}
