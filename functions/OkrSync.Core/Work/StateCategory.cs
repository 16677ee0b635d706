namespace OkrSync.Core.Work;

/// <summary>
/// Where a work item stands, normalised across trackers.
/// <see cref="Cancelled"/> is work that will not be done (GitHub <c>not_planned</c>/<c>duplicate</c>,
/// Jira done with a Won't Do or Duplicate resolution): it counts as neither done nor planned.
/// </summary>
public enum StateCategory
{
    Todo,
    InProgress,
    Done,
    Cancelled,
}

public static class StateCategoryNames
{
    /// <summary>The contract spelling: <c>todo</c>, <c>in-progress</c>, <c>done</c>, <c>cancelled</c>.</summary>
    public static string ToName(this StateCategory state) => state switch
    {
        StateCategory.Todo => "todo",
        StateCategory.InProgress => "in-progress",
        StateCategory.Done => "done",
        StateCategory.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state category."),
    };

    public static bool TryParse(string? name, out StateCategory state)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "TODO": state = StateCategory.Todo; return true;
            case "IN-PROGRESS" or "INPROGRESS" or "IN_PROGRESS": state = StateCategory.InProgress; return true;
            case "DONE": state = StateCategory.Done; return true;
            case "CANCELLED" or "CANCELED": state = StateCategory.Cancelled; return true;
            default: state = default; return false;
        }
    }

    /// <summary>Open work is work still to do: todo or in progress.</summary>
    public static bool IsOpen(this StateCategory state) => state is StateCategory.Todo or StateCategory.InProgress;

    /// <summary>Planned work is everything that is not cancelled.</summary>
    public static bool IsPlanned(this StateCategory state) => state != StateCategory.Cancelled;
}
