using System.Buffers.Binary;
using System.IO.Hashing;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Writing;

/// <summary>
/// BYTE_ARRAY (strings, binary) and FIXED_LEN_BYTE_ARRAY columns. Values are appended as bytes to one page buffer
/// (strings are UTF-8 encoded straight into it), and the dictionary is an open-addressing hash table over its own byte
/// buffer, so adding a value allocates nothing.
/// </summary>
internal sealed class ByteArrayColumnWriter : ColumnWriter
{
    /// <summary>Min/max longer than this are left out of the statistics instead of being stored whole.</summary>
    private const int MaxStatisticsValueBytes = 8192;

    private readonly int _fixedLength;
    /// <summary>The page's values already in PLAIN form (4-byte length prefix per value unless fixed-length).</summary>
    private readonly ByteBuffer _bytes = new(64 * 1024);
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];

    private readonly ByteBuffer _dictionaryBytes = new(1024);
    private int[] _dictionaryOffsets = new int[257];
    private int _dictionaryCount;
    private int[] _buckets = new int[512];

    private byte[]? _min;
    private byte[]? _max;
    private bool _statisticsTooLong;

    public ByteArrayColumnWriter(ColumnSpec spec, ParquetWriteOptions options, SegmentPool pool, int fixedLength)
        : base(spec, options, pool) => _fixedLength = fixedLength;

    protected override long PageValueBytes => _bytes.Length;

    protected override int DictionaryCount => _dictionaryCount;

    protected override long DictionaryBytes => _dictionaryBytes.Length + (_fixedLength > 0 ? 0 : 4L * _dictionaryCount);

    public override void AddString(string value)
    {
        if (_fixedLength > 0)
        {
            base.AddString(value);
        }

        var span = _bytes.GetSpan(4 + System.Text.Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = System.Text.Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        _bytes.Advance(4 + length);
        EndValue(length);
    }

    public override void AddBytes(ReadOnlySpan<byte> value)
    {
        if (_fixedLength > 0 && value.Length != _fixedLength)
        {
            throw new ArgumentException($"Column '{Spec.Field.Name}' holds {_fixedLength}-byte values; got {value.Length} bytes.");
        }

        if (_fixedLength == 0)
        {
            _bytes.WriteInt32LittleEndian(value.Length);
        }

        _bytes.Write(value);
        EndValue(value.Length);
    }

    private void EndValue(int length)
    {
        if (PageValueCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[PageValueCount] = _bytes.Length - length;
        _lengths[PageValueCount] = length;
        PageValueCount++;
    }

    private ReadOnlySpan<byte> Value(int i) => _bytes.RawArray.AsSpan(_starts[i], _lengths[i]);

    protected override ReadOnlySpan<byte> PlainValues => _bytes.Span;

    protected override bool TryMapToDictionary(Span<int> indices)
    {
        for (var i = 0; i < PageValueCount; i++)
        {
            indices[i] = FindOrAdd(Value(i));
            if (DictionaryBytes > Options.MaxDictionaryBytes)
            {
                return false;
            }
        }

        return true;
    }

    private int FindOrAdd(ReadOnlySpan<byte> value)
    {
        var mask = _buckets.Length - 1;
        var slot = (int)XxHash3.HashToUInt64(value) & mask;
        while (true)
        {
            var entry = _buckets[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            var start = _dictionaryOffsets[entry];
            if (_dictionaryBytes.RawArray.AsSpan(start, _dictionaryOffsets[entry + 1] - start).SequenceEqual(value))
            {
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var index = _dictionaryCount++;
        _dictionaryBytes.Write(value);
        if (_dictionaryCount >= _dictionaryOffsets.Length)
        {
            Array.Resize(ref _dictionaryOffsets, _dictionaryOffsets.Length * 2);
        }

        _dictionaryOffsets[_dictionaryCount] = _dictionaryBytes.Length;
        _buckets[slot] = index + 1;
        if (_dictionaryCount * 2 > _buckets.Length)
        {
            Rehash();
        }

        return index;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        var mask = _buckets.Length - 1;
        for (var entry = 0; entry < _dictionaryCount; entry++)
        {
            var start = _dictionaryOffsets[entry];
            var slot = (int)XxHash3.HashToUInt64(_dictionaryBytes.RawArray.AsSpan(start, _dictionaryOffsets[entry + 1] - start)) & mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = entry + 1;
        }
    }

    protected override void EncodePlain(ByteBuffer output) => output.Write(_bytes.Span);

    protected override void EncodeDictionary(ByteBuffer output)
    {
        for (var entry = 0; entry < _dictionaryCount; entry++)
        {
            var start = _dictionaryOffsets[entry];
            var length = _dictionaryOffsets[entry + 1] - start;
            if (_fixedLength == 0)
            {
                output.WriteInt32LittleEndian(length);
            }

            output.Write(_dictionaryBytes.RawArray.AsSpan(start, length));
        }
    }

    protected override void ClearDictionary()
    {
        _dictionaryBytes.Clear();
        _dictionaryCount = 0;
        if (_buckets.Length > 512)
        {
            _buckets = new int[512];
        }
        else
        {
            Array.Clear(_buckets);
        }
    }

    protected override void ClearPageValues() => _bytes.Clear();

    protected override void UpdateStatistics()
    {
        if (_statisticsTooLong)
        {
            return;
        }

        for (var i = 0; i < PageValueCount; i++)
        {
            var value = Value(i);
            if (_min is null || value.SequenceCompareTo(_min) < 0)
            {
                _min = value.ToArray();
            }

            if (_max is null || value.SequenceCompareTo(_max) > 0)
            {
                _max = value.ToArray();
            }
        }

        if (_min?.Length > MaxStatisticsValueBytes || _max?.Length > MaxStatisticsValueBytes)
        {
            _statisticsTooLong = true;
        }
    }

    protected override void ResetStatistics()
    {
        _min = null;
        _max = null;
        _statisticsTooLong = false;
    }

    protected override Statistics BuildStatistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        if (!_statisticsTooLong && _min is not null)
        {
            stats.MinValue = _min;
            stats.MaxValue = _max;
        }

        return stats;
    }
}
