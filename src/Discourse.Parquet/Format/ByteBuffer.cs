namespace Discourse.Parquet.Format;

/// <summary>A growable byte buffer reused across pages so the write path allocates only when a page outgrows it.</summary>
internal sealed class ByteBuffer
{
    private byte[] _data;

    public ByteBuffer(int capacity = 256) => _data = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public byte[] RawArray => _data;

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void WriteByte(byte value)
    {
        if (Length == _data.Length)
        {
            Grow(1);
        }

        _data[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Returns writable space of at least <paramref name="size"/> bytes; call <see cref="Advance"/> after filling it.</summary>
    public Span<byte> GetSpan(int size)
    {
        EnsureFree(size);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteInt32LittleEndian(int value)
    {
        EnsureFree(4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteUnsignedVarInt(ulong value)
    {
        EnsureFree(10);
        while (value >= 0x80)
        {
            _data[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[Length++] = (byte)value;
    }

    public void SetLength(int length) => Length = length;

    public byte[] ToArray() => Span.ToArray();

    private void EnsureFree(int size)
    {
        if (_data.Length - Length < size)
        {
            Grow(size);
        }
    }

    private void Grow(int size)
    {
        var next = Math.Max(_data.Length * 2L, (long)Length + size);
        if (next > Array.MaxLength)
        {
            next = Math.Max(Array.MaxLength, (long)Length + size);
        }

        if (next > Array.MaxLength)
        {
            throw new InvalidOperationException("A Parquet buffer cannot exceed 2 GiB; lower RowGroupBytes or PageBytes.");
        }

        Array.Resize(ref _data, (int)next);
    }
}
