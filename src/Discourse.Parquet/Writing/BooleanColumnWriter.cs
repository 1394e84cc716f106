using Discourse.Parquet.Format;

namespace Discourse.Parquet.Writing;

/// <summary>BOOLEAN columns: PLAIN (one bit per value, least significant bit first); a dictionary would never pay off.</summary>
internal sealed class BooleanColumnWriter(ColumnSpec spec, ParquetWriteOptions options, SegmentPool pool) : ColumnWriter(spec, options, pool)
{
    private byte[] _values = new byte[1024];
    private bool _seenFalse;
    private bool _seenTrue;

    protected override long PageValueBytes => (PageValueCount + 7) / 8;

    protected override bool SupportsDictionary => false;

    protected override int DictionaryCount => 0;

    protected override long DictionaryBytes => 0;

    public override void AddBoolean(bool value)
    {
        if (PageValueCount == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[PageValueCount++] = value ? (byte)1 : (byte)0;
    }

    protected override ReadOnlySpan<byte> PlainValues => [];

    protected override bool TryMapToDictionary(Span<int> indices) => false;

    protected override void EncodePlain(ByteBuffer output)
    {
        var byteCount = (PageValueCount + 7) / 8;
        var span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        for (var i = 0; i < PageValueCount; i++)
        {
            span[i >> 3] |= (byte)(_values[i] << (i & 7));
        }

        output.Advance(byteCount);
    }

    protected override void EncodeDictionary(ByteBuffer output) => throw new InvalidOperationException("BOOLEAN columns have no dictionary");

    protected override void ClearDictionary()
    {
    }

    protected override void ClearPageValues()
    {
    }

    protected override void UpdateStatistics()
    {
        var values = _values.AsSpan(0, PageValueCount);
        _seenFalse |= values.Contains((byte)0);
        _seenTrue |= values.Contains((byte)1);
    }

    protected override void ResetStatistics()
    {
        _seenFalse = false;
        _seenTrue = false;
    }

    protected override Statistics BuildStatistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        if (_seenFalse || _seenTrue)
        {
            stats.MinValue = [_seenFalse ? (byte)0 : (byte)1];
            stats.MaxValue = [_seenTrue ? (byte)1 : (byte)0];
        }

        return stats;
    }
}
