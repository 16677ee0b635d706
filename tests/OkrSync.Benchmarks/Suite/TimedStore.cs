using System.Diagnostics;
using System.Reflection;
using OkrSync.Core.Ports;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// An <see cref="IWorkStore"/> that passes every call to the real store and adds up the wall time the sync engine
/// waits on <c>UpsertAsync</c> and on the cursor calls. The engine awaits each call before the next, so the rest of
/// a sync's wall time is spent reading the trackers (and mapping their pages).
/// </summary>
internal class TimedStore : DispatchProxy
{
    private IWorkStore inner = null!;
    private long upsertTicks;
    private long cursorTicks;

    public double UpsertSeconds => (double)Interlocked.Read(ref upsertTicks) / Stopwatch.Frequency;

    public double CursorSeconds => (double)Interlocked.Read(ref cursorTicks) / Stopwatch.Frequency;

    public static (IWorkStore Store, TimedStore Timer) Wrap(IWorkStore store)
    {
        var proxy = Create<IWorkStore, TimedStore>();
        var timer = (TimedStore)(object)proxy;
        timer.inner = store;
        return (proxy, timer);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var started = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        var counter = targetMethod.Name switch
        {
            nameof(IWorkStore.UpsertAsync) or nameof(IWorkStore.UpsertFromTrackerAsync) => 0,
            nameof(IWorkStore.ReadCursorAsync) or nameof(IWorkStore.WriteCursorAsync) => 1,
            _ => -1,
        };
        if (counter >= 0 && result is Task task)
        {
            task.ContinueWith(_ => Add(counter, Stopwatch.GetTimestamp() - started), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return result;
    }

    private void Add(int counter, long ticks)
    {
        if (counter == 0)
        {
            Interlocked.Add(ref upsertTicks, ticks);
        }
        else
        {
            Interlocked.Add(ref cursorTicks, ticks);
        }
    }
}
