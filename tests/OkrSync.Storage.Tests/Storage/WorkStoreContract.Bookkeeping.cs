using OkrSync.Core.Ports;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ReadCursor_NeverWritten_ReturnsNull()
    {
        var store = OpenStore();

        var cursor = await store.ReadCursorAsync("github:acme/app");

        Assert.Null(cursor);
    }

    [Fact]
    public async Task WriteCursor_TwiceWithAwkwardSourceId_ReadsTheLatest()
    {
        var store = OpenStore();
        const string sourceId = "github:acme/app#?\\x\u0001";
        await store.WriteCursorAsync(new SyncCursor(sourceId, "2026-03-01T00:00:00Z", T0) { ETag = "W/\"abc\"" });

        await store.WriteCursorAsync(new SyncCursor(sourceId, "2026-03-02T00:00:00Z", T0.AddHours(1)));

        var cursor = await OpenStore().ReadCursorAsync(sourceId);
        Assert.NotNull(cursor);
        Assert.Equal((sourceId, "2026-03-02T00:00:00Z", T0.AddHours(1), T0.Offset, (string?)null), (cursor.SourceId, cursor.Position, cursor.SyncedAt, cursor.SyncedAt.Offset, cursor.ETag));
        Assert.Null(await store.ReadCursorAsync("github:acme/other"));
    }

    [Fact]
    public async Task WriteCursor_WithETag_KeepsIt()
    {
        var store = OpenStore();

        await store.WriteCursorAsync(new SyncCursor("jira:ONB", "p", T0) { ETag = "W/\"abc\"" });

        Assert.Equal("W/\"abc\"", (await store.ReadCursorAsync("jira:ONB"))?.ETag);
    }

    [Fact]
    public async Task TryRecordDelivery_Redelivery_ReturnsFalse()
    {
        var store = OpenStore();

        var first = await store.TryRecordDeliveryAsync("github", "7f1c/#?-id", T0);
        var again = await OpenStore().TryRecordDeliveryAsync("github", "7f1c/#?-id", T0.AddMinutes(5));
        var otherSource = await store.TryRecordDeliveryAsync("jira", "7f1c/#?-id", T0);

        Assert.Equal((true, false, true), (first, again, otherSource));
    }

    [Fact]
    public async Task RecordRemovals_ThenGetRemoval_GivesTheLatestTimeAndPruneForgetsOldOnes()
    {
        var store = OpenStore();
        var at = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
        await store.RecordRemovalsAsync(["acme/web#9", "ONB-7", "odd key/#?"], at);
        await store.RecordRemovalsAsync(["ONB-7"], at.AddHours(2));
        await store.RecordRemovalsAsync([.. Enumerable.Range(0, 120).Select(i => $"acme/api#{i}")], at.AddDays(-10));

        var reader = OpenStore();
        Assert.Equal(at, await reader.GetRemovalAsync("acme/web#9"));
        Assert.Equal(at.AddHours(2), await reader.GetRemovalAsync("ONB-7"));
        Assert.Equal(at, await reader.GetRemovalAsync("odd key/#?"));
        Assert.Null(await reader.GetRemovalAsync("acme/web#10"));

        var pruned = await reader.PruneRemovalsAsync(at.AddMinutes(1));

        Assert.Equal(122, pruned);
        Assert.Null(await store.GetRemovalAsync("acme/web#9"));
        Assert.Null(await store.GetRemovalAsync("acme/api#3"));
        Assert.Equal(at.AddHours(2), await store.GetRemovalAsync("ONB-7"));
    }

    [Fact]
    public async Task PruneDeliveries_OlderThanTheCutoff_AreForgottenAndTheRestKept()
    {
        var store = OpenStore();
        var cutoff = new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);
        // Offsets differ from the cutoff's: the comparison is by instant (13:30+02:00 is 11:30 UTC, before the cutoff).
        await store.TryRecordDeliveryAsync("github", "old-1", new DateTimeOffset(2026, 11, 15, 13, 30, 0, TimeSpan.FromHours(2)));
        await store.TryRecordDeliveryAsync("jira", "old-2", cutoff.AddDays(-3));
        for (var i = 0; i < 150; i++)
        {
            await store.TryRecordDeliveryAsync("github", $"bulk-{i}", cutoff.AddMinutes(-1 - i));
        }
        await store.TryRecordDeliveryAsync("github", "new-1", new DateTimeOffset(2026, 11, 15, 7, 30, 0, TimeSpan.FromHours(-5)));
        await store.TryRecordDeliveryAsync("jira", "new-2", cutoff);

        var pruned = await store.PruneDeliveriesAsync(cutoff);

        Assert.Equal(152, pruned);
        Assert.True(await store.TryRecordDeliveryAsync("github", "old-1", cutoff), "a pruned id is accepted again");
        Assert.True(await store.TryRecordDeliveryAsync("github", "bulk-149", cutoff), "a pruned id is accepted again");
        Assert.False(await store.TryRecordDeliveryAsync("github", "new-1", cutoff), "a kept id is still a redelivery");
        Assert.False(await store.TryRecordDeliveryAsync("jira", "new-2", cutoff), "an id received at the cutoff is kept");
        Assert.Equal(0, await OpenStore().PruneDeliveriesAsync(cutoff));
    }

    [Fact]
    public async Task TryClaimReportSend_HeldClaim_BlocksOthersUntilItExpires()
    {
        var store = OpenStore();

        var first = await store.TryClaimReportSendAsync("2026-W10", "lead@example.com", T0, Lease);
        var whileHeld = await OpenStore().TryClaimReportSendAsync("2026-W10", "lead@example.com", T0.AddMinutes(9), Lease);
        var otherRecipient = await store.TryClaimReportSendAsync("2026-W10", "cto@example.com", T0, Lease);
        var afterExpiry = await OpenStore().TryClaimReportSendAsync("2026-W10", "lead@example.com", T0.AddMinutes(11), Lease);

        Assert.Equal((true, false, true, true), (first, whileHeld, otherRecipient, afterExpiry));
    }

    [Fact]
    public async Task MarkReportSent_ThenClaimAgain_NeverSucceeds()
    {
        var store = OpenStore();
        await store.TryClaimReportSendAsync("2026-W10", "lead@example.com", T0, Lease);

        await store.MarkReportSentAsync("2026-W10", "lead@example.com", T0.AddMinutes(1));
        await store.ReleaseReportSendAsync("2026-W10", "lead@example.com");

        Assert.False(await store.TryClaimReportSendAsync("2026-W10", "lead@example.com", T0.AddDays(30), Lease));
        Assert.True(await store.TryClaimReportSendAsync("2026-W11", "lead@example.com", T0.AddDays(30), Lease));
    }

    [Fact]
    public async Task ReleaseReportSend_AfterFailedSend_LetsARetryClaim()
    {
        var store = OpenStore();
        await store.TryClaimReportSendAsync("2026-W10", "lead@example.com", T0, Lease);

        await store.ReleaseReportSendAsync("2026-W10", "lead@example.com");

        Assert.True(await OpenStore().TryClaimReportSendAsync("2026-W10", "lead@example.com", T0.AddMinutes(1), Lease));
    }
}
