using OkrSync.Core.Work;

namespace OkrSync.Core.Rollup;

/// <summary>How many items (or points) sit in each state category. Planned work excludes cancelled work.</summary>
public readonly record struct StateCounts(double Todo, double InProgress, double Done, double Cancelled)
{
    public double Planned => Todo + InProgress + Done;

    public double Open => Todo + InProgress;

    public double Total => Planned + Cancelled;

    /// <summary>Done over planned, in [0, 1]; 0 when nothing is planned.</summary>
    public double Ratio => Planned == 0 ? 0 : Done / Planned;

    public StateCounts Add(StateCategory state, double amount) => state switch
    {
        StateCategory.Todo => this with { Todo = Todo + amount },
        StateCategory.InProgress => this with { InProgress = InProgress + amount },
        StateCategory.Done => this with { Done = Done + amount },
        _ => this with { Cancelled = Cancelled + amount },
    };
}
