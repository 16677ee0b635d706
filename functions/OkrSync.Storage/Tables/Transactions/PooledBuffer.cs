using System.Buffers;

namespace OkrSync.Storage.Tables.Transactions;

/// <summary>
/// A growing byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: a transaction's body (up to 4 MiB) is built
/// and sent without a fresh large-object allocation each time. Dispose returns the array; nothing may read
/// <see cref="WrittenMemory"/> after that.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] array;
    private int written;

    public PooledBuffer(int initialCapacity = 64 * 1024) => array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public ReadOnlyMemory<byte> WrittenMemory => array.AsMemory(0, written);

    public int WrittenCount => written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (written + count > array.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }
        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsSpan(written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (array.Length - written >= needed)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, written + needed));
        array.AsSpan(0, written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(array);
        array = bigger;
    }

    public void Dispose()
    {
        var rented = array;
        array = [];
        written = 0;
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
