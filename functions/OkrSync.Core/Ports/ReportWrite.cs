namespace OkrSync.Core.Ports;

/// <summary>
/// What a conditional write of the current report did (<see cref="IReportStore.SaveCurrentReportIfAsync"/>):
/// <see cref="Written"/> and the generation it now has, or refused (a lost race: another writer stored a newer
/// generation since the one expected) and the generation found, which the loser catches up to.
/// </summary>
public readonly record struct ReportWrite(bool Written, long Generation)
{
    /// <summary>Refused: the stored report is newer than the one the writer expected to replace.</summary>
    public bool Lost => !Written;
}
