using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Writing;

/// <summary>How min/max compare for a fixed-width column (the spec's type-defined order).</summary>
internal enum StatisticsOrder
{
    Signed,
    Unsigned,
    Floating,
}

/// <summary>
/// INT32/FLOAT (T = int) and INT64/DOUBLE (T = long) columns. Floats are kept as their bit patterns so the dictionary
/// tells -0.0 from 0.0 and keeps every NaN payload; the statistics order decides how values compare.
/// </summary>
internal sealed class FixedWidthColumnWriter<T> : ColumnWriter
    where T : unmanaged, IEquatable<T>
{
    private readonly StatisticsOrder _order;
    private readonly Dictionary<T, int> _dictionary = [];
    private readonly List<T> _dictionaryValues = [];
    private T[] _values = new T[1024];
    private bool _hasMinMax;
    private T _min;
    private T _max;

    public FixedWidthColumnWriter(ColumnSpec spec, ParquetWriteOptions options, SegmentPool pool, StatisticsOrder order)
        : base(spec, options, pool)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The Parquet writer needs a little-endian machine.");
        }

        _order = order;
    }

    protected override long PageValueBytes => (long)PageValueCount * Unsafe.SizeOf<T>();

    protected override int DictionaryCount => _dictionaryValues.Count;

    protected override long DictionaryBytes => (long)_dictionaryValues.Count * Unsafe.SizeOf<T>();

    public override void AddInt32(int value)
    {
        if (typeof(T) != typeof(int))
        {
            base.AddInt32(value);
        }

        Append(Unsafe.As<int, T>(ref value));
    }

    public override void AddFloat(float value)
    {
        if (typeof(T) != typeof(int) || _order != StatisticsOrder.Floating)
        {
            base.AddFloat(value);
        }

        var bits = BitConverter.SingleToInt32Bits(value);
        Append(Unsafe.As<int, T>(ref bits));
    }

    public override void AddInt64(long value)
    {
        if (typeof(T) != typeof(long))
        {
            base.AddInt64(value);
        }

        Append(Unsafe.As<long, T>(ref value));
    }

    public override void AddDouble(double value)
    {
        if (typeof(T) != typeof(long) || _order != StatisticsOrder.Floating)
        {
            base.AddDouble(value);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        Append(Unsafe.As<long, T>(ref bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(T value)
    {
        if (PageValueCount == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[PageValueCount++] = value;
    }

    protected override bool TryMapToDictionary(Span<int> indices)
    {
        var values = _values.AsSpan(0, PageValueCount);
        for (var i = 0; i < values.Length; i++)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_dictionary, values[i], out var exists);
            if (!exists)
            {
                slot = _dictionaryValues.Count;
                _dictionaryValues.Add(values[i]);
            }

            indices[i] = slot;
        }

        return true;
    }

    protected override ReadOnlySpan<byte> PlainValues => MemoryMarshal.AsBytes(_values.AsSpan(0, PageValueCount));

    protected override void EncodePlain(ByteBuffer output) => output.Write(PlainValues);

    protected override void EncodeDictionary(ByteBuffer output) =>
        output.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_dictionaryValues)));

    protected override void ClearDictionary()
    {
        _dictionary.Clear();
        _dictionaryValues.Clear();
    }

    protected override void ClearPageValues()
    {
    }

    protected override void UpdateStatistics()
    {
        var values = _values.AsSpan(0, PageValueCount);
        foreach (var value in values)
        {
            if (_order == StatisticsOrder.Floating && IsNaN(value))
            {
                // NaN has no place in a total order; the spec says to leave it out of min/max.
                continue;
            }

            if (!_hasMinMax)
            {
                _min = value;
                _max = value;
                _hasMinMax = true;
                continue;
            }

            if (Compare(value, _min) < 0)
            {
                _min = value;
            }

            if (Compare(value, _max) > 0)
            {
                _max = value;
            }
        }
    }

    protected override void ResetStatistics()
    {
        _hasMinMax = false;
        _min = default;
        _max = default;
    }

    protected override Statistics BuildStatistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        if (_hasMinMax)
        {
            var min = _min;
            var max = _max;
            if (_order == StatisticsOrder.Floating)
            {
                // Zero is written as -0.0 for min and +0.0 for max, so readers need not know which zero was stored.
                if (IsZero(min))
                {
                    min = NegativeZero();
                }

                if (IsZero(max))
                {
                    max = default;
                }
            }

            stats.MinValue = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in min)).ToArray();
            stats.MaxValue = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in max)).ToArray();
        }

        return stats;
    }

    private static bool IsNaN(T value) => typeof(T) == typeof(int)
        ? float.IsNaN(BitConverter.Int32BitsToSingle(Unsafe.As<T, int>(ref value)))
        : double.IsNaN(BitConverter.Int64BitsToDouble(Unsafe.As<T, long>(ref value)));

    private static bool IsZero(T value) => typeof(T) == typeof(int)
        ? BitConverter.Int32BitsToSingle(Unsafe.As<T, int>(ref value)) == 0f
        : BitConverter.Int64BitsToDouble(Unsafe.As<T, long>(ref value)) == 0d;

    private static T NegativeZero()
    {
        if (typeof(T) == typeof(int))
        {
            var bits = BitConverter.SingleToInt32Bits(-0f);
            return Unsafe.As<int, T>(ref bits);
        }

        var longBits = BitConverter.DoubleToInt64Bits(-0d);
        return Unsafe.As<long, T>(ref longBits);
    }

    private int Compare(T a, T b)
    {
        if (typeof(T) == typeof(int))
        {
            var x = Unsafe.As<T, int>(ref a);
            var y = Unsafe.As<T, int>(ref b);
            return _order switch
            {
                StatisticsOrder.Signed => x.CompareTo(y),
                StatisticsOrder.Unsigned => ((uint)x).CompareTo((uint)y),
                _ => BitConverter.Int32BitsToSingle(x).CompareTo(BitConverter.Int32BitsToSingle(y)),
            };
        }
        else
        {
            var x = Unsafe.As<T, long>(ref a);
            var y = Unsafe.As<T, long>(ref b);
            return _order switch
            {
                StatisticsOrder.Signed => x.CompareTo(y),
                StatisticsOrder.Unsigned => ((ulong)x).CompareTo((ulong)y),
                _ => BitConverter.Int64BitsToDouble(x).CompareTo(BitConverter.Int64BitsToDouble(y)),
            };
        }
    }
}
