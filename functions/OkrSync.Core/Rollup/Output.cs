namespace OkrSync.Core.Rollup;

/// <summary>
/// Work done over work planned (cancelled work is neither), counting each item once.
/// <see cref="Ratio"/> is in [0, 1], and 0 when nothing is planned. <see cref="Open"/> is planned work not yet done.
/// </summary>
public sealed record Output
{
    public Output(int planned, int done)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(done, planned);
        Planned = planned;
        Done = done;
    }

    public int Planned { get; }

    public int Done { get; }

    public int Open => Planned - Done;

    public double Ratio => Planned == 0 ? 0 : (double)Done / Planned;
}

/// <summary>
/// Where the measured outcome stands: <see cref="Ratio"/> is <c>(current-baseline)/(target-baseline)</c>,
/// unclamped (negative when it moved the wrong way), or null when the metric is incomplete.
/// </summary>
public sealed record Outcome(string? Unit, double? Baseline, double? Target, double? Current, double? Ratio);
