namespace OkrSync.Testing.FakeTrackers;

/// <summary>Helpers over a seeded Random for the deterministic generators.</summary>
internal static class SeedRandom
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Up to <paramref name="max"/> distinct items (possibly none).</summary>
    public static IReadOnlyList<T> PickSome<T>(this Random random, IReadOnlyList<T> items, int max)
    {
        if (items.Count == 0 || max <= 0)
        {
            return [];
        }

        var count = random.Next(0, Math.Min(max, items.Count) + 1);
        var picked = new List<T>(count);
        while (picked.Count < count)
        {
            var item = items[random.Next(items.Count)];
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return picked;
    }

    /// <summary>A time between from and to, at millisecond precision.</summary>
    public static DateTimeOffset Between(this Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var span = Math.Max(0, (to - from).TotalMilliseconds);
        return from.AddMilliseconds(Math.Floor(random.NextDouble() * span));
    }

    private static readonly string[] Verbs = ["Fix", "Add", "Improve", "Remove", "Refactor", "Document", "Speed up", "Migrate"];
    private static readonly string[] Nouns =
        ["login flow", "billing export", "search index", "onboarding email", "audit log", "rate limiter", "dashboard", "API client"];

    public static string Title(this Random random, int index) => $"{random.Pick(Verbs)} {random.Pick(Nouns)} ({index})";
}
