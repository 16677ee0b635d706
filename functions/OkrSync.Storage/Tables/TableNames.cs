namespace OkrSync.Storage.Tables;

/// <summary>One table per concern, all named <c>{prefix}{concern}</c> (table names allow only letters and digits).</summary>
internal sealed record TableNames(string Items, string Reports, string Snapshots, string Cursors, string Deliveries, string Sends, string Removals, string CheckIns, string ItemDeletions, string ItemKeys)
{
    public static TableNames For(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length is 0 or > 50 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The table prefix must be 1 to 50 ASCII letters or digits, starting with a letter.", nameof(prefix));
        }

        return new TableNames(prefix + "items", prefix + "reports", prefix + "snapshots", prefix + "cursors", prefix + "deliveries", prefix + "sends", prefix + "removals", prefix + "checkins", prefix + "itemdeletions", prefix + "itemkeys");
    }

    public IEnumerable<string> All => [Items, Reports, Snapshots, Cursors, Deliveries, Sends, Removals, CheckIns, ItemDeletions, ItemKeys];
}
