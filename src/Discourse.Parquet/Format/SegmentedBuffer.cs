namespace Discourse.Parquet.Format;

/// <summary>
/// Free 1 MiB segments shared by the column chunks of one writer. Finished row groups hand their segments back, so a
/// file of many row groups reuses the memory of the first instead of allocating (and zeroing) fresh large arrays.
/// </summary>
internal sealed class SegmentPool
{
    public const int SegmentSize = 1 << 20;
    private readonly Stack<byte[]> _free = new();

    /// <summary>Page buffers for compression on the thread pool (rented and returned from several threads).</summary>
    public BufferPool PageBuffers { get; } = new();

    public byte[] Rent() => _free.Count > 0 ? _free.Pop() : new byte[SegmentSize];

    public void Return(byte[] segment) => _free.Push(segment);
}

/// <summary>A thread-safe pool of growable buffers; a rented buffer comes back empty.</summary>
internal sealed class BufferPool
{
    private readonly System.Collections.Concurrent.ConcurrentBag<ByteBuffer> _free = [];

    public ByteBuffer Rent()
    {
        if (_free.TryTake(out var buffer))
        {
            buffer.Clear();
            return buffer;
        }

        return new ByteBuffer(64 * 1024);
    }

    public void Return(ByteBuffer buffer) => _free.Add(buffer);
}

/// <summary>An append-only byte sequence stored in pooled segments; holds one column chunk's pages until its row group is written.</summary>
internal sealed class SegmentedBuffer(SegmentPool pool)
{
    private readonly List<byte[]> _segments = [];
    private int _lastUsed = SegmentPool.SegmentSize;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_lastUsed == SegmentPool.SegmentSize)
            {
                _segments.Add(pool.Rent());
                _lastUsed = 0;
            }

            var take = Math.Min(bytes.Length, SegmentPool.SegmentSize - _lastUsed);
            bytes[..take].CopyTo(_segments[^1].AsSpan(_lastUsed));
            _lastUsed += take;
            Length += take;
            bytes = bytes[take..];
        }
    }

    public void WriteTo(Stream output)
    {
        for (var i = 0; i < _segments.Count; i++)
        {
            var used = i == _segments.Count - 1 ? _lastUsed : SegmentPool.SegmentSize;
            output.Write(_segments[i], 0, used);
        }
    }

    /// <summary>Empties the buffer and returns its segments to the pool.</summary>
    public void Clear()
    {
        foreach (var segment in _segments)
        {
            pool.Return(segment);
        }

        _segments.Clear();
        _lastUsed = SegmentPool.SegmentSize;
        Length = 0;
    }
}
