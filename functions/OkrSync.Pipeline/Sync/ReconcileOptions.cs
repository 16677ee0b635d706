namespace OkrSync.Pipeline.Sync;

/// <summary><c>OkrSync:Reconcile:*</c>: the safety limit of a full reconcile.</summary>
public sealed class ReconcileOptions
{
    public const string Section = "OkrSync:Reconcile";

    /// <summary>
    /// The largest share of a source's stored items, from 0 to 1, that one full listing may remove: a listing that
    /// would remove more (a tracker answering an empty list in an outage, after a permission change or with a token of
    /// the wrong scope) removes nothing and is reported as held. 1 never holds. Default 0.2 (20%).
    /// </summary>
    public double MaxRemovalShare { get; set; } = 0.2;

    public bool IsValid => MaxRemovalShare is >= 0 and <= 1;
}
