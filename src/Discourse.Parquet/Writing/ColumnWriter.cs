using System.IO.Hashing;
using Discourse.Parquet.Compression;
using Discourse.Parquet.Encodings;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Writing;

/// <summary>Appends bytes to a page's destination (the chunk's segments, or the dictionary page's buffer).</summary>
internal delegate void SpanWriter(ReadOnlySpan<byte> bytes);

/// <summary>
/// Buffers one column chunk: levels and typed values of the current page, finished pages (compressed, with headers)
/// of the current row group, the dictionary and the statistics. Subclasses hold the typed values.
/// </summary>
internal abstract class ColumnWriter
{
    private readonly ByteBuffer _pageBody = new(4096);
    private readonly ByteBuffer _compressed = new(4096);
    private readonly ByteBuffer _header = new(64);
    /// <summary>Pages in flight on the thread pool per column; bounds the memory they hold.</summary>
    private const int MaxPendingPages = 3;

    private readonly SegmentedBuffer _chunk;
    private readonly BufferPool _buffers;
    private readonly Queue<Task<(ByteBuffer Page, int HeaderLength)>> _pending = new();
    private readonly Dictionary<(PageType, Encoding), int> _encodingStats = [];
    private byte[] _definitionLevels = [];
    private byte[] _repetitionLevels = [];
    private int[] _indexScratch = [];
    private int _levelCount;
    private long _chunkLevelCount;
    private long _chunkNullCount;
    private long _chunkUncompressedBytes;
    private bool _dictionaryAbandoned;

    protected ColumnWriter(ColumnSpec spec, ParquetWriteOptions options, SegmentPool pool)
    {
        _chunk = new SegmentedBuffer(pool);
        _buffers = pool.PageBuffers;
        Spec = spec;
        Options = options;
        _dictionaryAbandoned = !options.Dictionary || !SupportsDictionary;
    }

    public ColumnSpec Spec { get; }

    protected ParquetWriteOptions Options { get; }

    /// <summary>Non-null values buffered in the current page.</summary>
    protected int PageValueCount { get; set; }

    /// <summary>Estimated uncompressed size of the current page.</summary>
    public long PageBufferedBytes => PageValueBytes + _levelCount;

    /// <summary>Estimated uncompressed size of everything buffered for this row group.</summary>
    public long RowGroupBufferedBytes => _chunkUncompressedBytes + PageBufferedBytes + DictionaryBytes;

    protected abstract long PageValueBytes { get; }

    protected virtual bool SupportsDictionary => true;

    protected abstract int DictionaryCount { get; }

    protected abstract long DictionaryBytes { get; }

    private bool NeedsLevels => Spec.MaxDefinitionLevel > 0 || Spec.MaxRepetitionLevel > 0;

    /// <summary>Records the levels of one value slot (a value, a null, or an empty/null list).</summary>
    public void AddLevels(int definition, int repetition)
    {
        if (!NeedsLevels)
        {
            _levelCount++;
            return;
        }

        if (_levelCount == _definitionLevels.Length)
        {
            var size = Math.Max(1024, _levelCount * 2);
            Array.Resize(ref _definitionLevels, size);
            Array.Resize(ref _repetitionLevels, size);
        }

        _definitionLevels[_levelCount] = (byte)definition;
        _repetitionLevels[_levelCount] = (byte)repetition;
        _levelCount++;
        if (definition < Spec.MaxDefinitionLevel)
        {
            _chunkNullCount++;
        }
    }

    public virtual void AddBoolean(bool value) => throw WrongType("bool");

    public virtual void AddInt32(int value) => throw WrongType("int");

    public virtual void AddInt64(long value) => throw WrongType("long");

    public virtual void AddFloat(float value) => throw WrongType("float");

    public virtual void AddDouble(double value) => throw WrongType("double");

    public virtual void AddBytes(ReadOnlySpan<byte> value) => throw WrongType("byte[]");

    public virtual void AddString(string value) => throw WrongType("string");

    /// <summary>Encodes, compresses and stores the current page (no-op when empty).</summary>
    public void FlushPage()
    {
        if (_levelCount == 0)
        {
            return;
        }

        _pageBody.Clear();
        if (Spec.MaxRepetitionLevel > 0)
        {
            WriteLevels(_repetitionLevels.AsSpan(0, _levelCount), Spec.MaxRepetitionLevel);
        }

        if (Spec.MaxDefinitionLevel > 0)
        {
            WriteLevels(_definitionLevels.AsSpan(0, _levelCount), Spec.MaxDefinitionLevel);
        }

        UpdateStatistics();
        var encoding = Encoding.Plain;
        if (!_dictionaryAbandoned && PageValueCount > 0)
        {
            if (_indexScratch.Length < PageValueCount)
            {
                _indexScratch = new int[Math.Max(PageValueCount, _indexScratch.Length * 2)];
            }

            var indices = _indexScratch.AsSpan(0, PageValueCount);
            if (TryMapToDictionary(indices) && DictionaryBytes <= Options.MaxDictionaryBytes && !DictionaryIsPointless())
            {
                encoding = Encoding.RleDictionary;
                var bitWidth = Math.Max(1, RleBitPackedEncoder.BitWidth(DictionaryCount - 1));
                _pageBody.WriteByte((byte)bitWidth);
                RleBitPackedEncoder.Encode(indices, bitWidth, _pageBody);
            }
            else
            {
                // The dictionary grew too large or saves nothing: this chunk continues in PLAIN from here on.
                _dictionaryAbandoned = true;
                if (!HasDictionaryPages)
                {
                    ClearDictionary();
                }
            }
        }

        if (encoding == Encoding.Plain && !NeedsLevels && !PlainValues.IsEmpty)
        {
            // Without levels the page body is exactly the buffered PLAIN values: compress them in place, no copy.
            SubmitDataPage(encoding, _levelCount, PlainValues);
        }
        else
        {
            if (encoding == Encoding.Plain)
            {
                EncodePlain(_pageBody);
            }

            SubmitDataPage(encoding, _levelCount, _pageBody.Span);
        }

        _chunkLevelCount += _levelCount;
        _levelCount = 0;
        PageValueCount = 0;
        ClearPageValues();
    }

    /// <summary>Writes the chunk (dictionary page first) to <paramref name="output"/> at file offset <paramref name="offset"/>; returns its metadata and resets for the next row group.</summary>
    public ColumnChunk FlushChunk(Stream output, long offset)
    {
        FlushPage();
        DrainPendingPages();

        long? dictionaryOffset = null;
        var position = offset;
        long compressedTotal = 0;
        long uncompressedTotal = _chunkUncompressedBytes;
        if (HasDictionaryPages)
        {
            _pageBody.Clear();
            EncodeDictionary(_pageBody);
            var dictionaryChunk = new ByteBuffer(_pageBody.Length + 64);
            uncompressedTotal += WritePage(PageType.DictionaryPage, Encoding.Plain, DictionaryCount, _pageBody.Span, dictionaryChunk.Write);
            output.Write(dictionaryChunk.Span);
            dictionaryOffset = position;
            position += dictionaryChunk.Length;
            compressedTotal += dictionaryChunk.Length;
        }

        var dataOffset = position;
        _chunk.WriteTo(output);
        compressedTotal += _chunk.Length;

        var encodings = new List<Encoding>();
        if (HasDictionaryPages || _encodingStats.ContainsKey((PageType.DataPage, Encoding.Plain)))
        {
            encodings.Add(Encoding.Plain);
        }

        if (NeedsLevels)
        {
            encodings.Add(Encoding.Rle);
        }

        if (HasDictionaryPages)
        {
            encodings.Add(Encoding.RleDictionary);
        }

        var meta = new ColumnMetaData
        {
            Type = Spec.Physical,
            Encodings = encodings,
            PathInSchema = [.. Spec.Path],
            Codec = PageCompression.ToFormat(Options.Codec),
            NumValues = _chunkLevelCount,
            TotalUncompressedSize = uncompressedTotal,
            TotalCompressedSize = compressedTotal,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = BuildStatistics(_chunkNullCount),
            EncodingStats = [.. _encodingStats.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value))],
        };

        _chunk.Clear();
        _encodingStats.Clear();
        _chunkLevelCount = 0;
        _chunkNullCount = 0;
        _chunkUncompressedBytes = 0;
        _dictionaryAbandoned = !Options.Dictionary || !SupportsDictionary;
        ClearDictionary();
        ResetStatistics();
        return new ColumnChunk { FileOffset = dictionaryOffset ?? dataOffset, MetaData = meta };
    }

    private bool HasDictionaryPages => _encodingStats.ContainsKey((PageType.DataPage, Encoding.RleDictionary));

    /// <summary>True when the first page shows mostly distinct values: dictionary indices would only add size.</summary>
    private bool DictionaryIsPointless() =>
        !HasDictionaryPages && PageValueCount >= 64 && DictionaryCount > PageValueCount * 3 / 4;

    /// <summary>Maps the page's values to dictionary indices, adding new entries; false when the dictionary is full.</summary>
    protected abstract bool TryMapToDictionary(Span<int> indices);

    protected abstract void EncodePlain(ByteBuffer output);

    /// <summary>The page's values in PLAIN encoding when they are buffered that way already (empty otherwise).</summary>
    protected abstract ReadOnlySpan<byte> PlainValues { get; }

    protected abstract void EncodeDictionary(ByteBuffer output);

    protected abstract void ClearDictionary();

    protected abstract void ClearPageValues();

    /// <summary>Folds the current page's values into the chunk's min/max.</summary>
    protected abstract void UpdateStatistics();

    protected abstract void ResetStatistics();

    /// <summary>The chunk's statistics: min/max (when any value was written) and the null count.</summary>
    protected abstract Statistics BuildStatistics(long nullCount);

    private void WriteLevels(ReadOnlySpan<byte> levels, int maxLevel)
    {
        var lengthAt = _pageBody.Length;
        _pageBody.WriteInt32LittleEndian(0);
        RleBitPackedEncoder.Encode(levels, RleBitPackedEncoder.BitWidth(maxLevel), _pageBody);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_pageBody.RawArray.AsSpan(lengthAt), _pageBody.Length - lengthAt - 4);
    }

    /// <summary>
    /// Queues a data page for compression on the thread pool (the caller goes on buffering the next page meanwhile);
    /// pages are appended to the chunk in submission order. Uncompressed pages are written at once.
    /// </summary>
    private void SubmitDataPage(Encoding encoding, int valueCount, ReadOnlySpan<byte> body)
    {
        if (Options.Codec == ParquetCodec.Uncompressed)
        {
            WritePage(PageType.DataPage, encoding, valueCount, body, _chunk.Write);
            return;
        }

        var input = _buffers.Rent();
        input.Write(body);
        var key = (PageType.DataPage, encoding);
        _encodingStats[key] = _encodingStats.GetValueOrDefault(key) + 1;
        _chunkUncompressedBytes += body.Length;
        var codec = Options.Codec;
        var buffers = _buffers;
        _pending.Enqueue(Task.Run(() =>
        {
            var scratch = buffers.Rent();
            var page = buffers.Rent();
            var headerLength = EncodePage(codec, PageType.DataPage, encoding, valueCount, input.Span, scratch, page);
            buffers.Return(scratch);
            buffers.Return(input);
            return (page, headerLength);
        }));
        while (_pending.Count > MaxPendingPages)
        {
            DrainOldestPage();
        }
    }

    /// <summary>Waits until every page handed to the thread pool is compressed and in the chunk.</summary>
    public void DrainPendingPages()
    {
        while (_pending.Count > 0)
        {
            DrainOldestPage();
        }
    }

    private void DrainOldestPage()
    {
        var (page, headerLength) = _pending.Dequeue().GetAwaiter().GetResult();
        _chunk.Write(page.Span);
        _chunkUncompressedBytes += headerLength;
        _buffers.Return(page);
    }

    /// <summary>Compresses a page body and appends header + body to <paramref name="target"/>; returns the uncompressed size including the header.</summary>
    private long WritePage(PageType type, Encoding encoding, int valueCount, ReadOnlySpan<byte> body, SpanWriter target)
    {
        _header.Clear();
        var headerLength = EncodePage(Options.Codec, type, encoding, valueCount, body, _compressed, _header);
        target(_header.Span);
        var key = (type, encoding);
        _encodingStats[key] = _encodingStats.GetValueOrDefault(key) + 1;
        long uncompressed = headerLength + body.Length;
        if (type != PageType.DictionaryPage)
        {
            _chunkUncompressedBytes += uncompressed;
        }

        return uncompressed;
    }

    /// <summary>Appends the page header and the compressed body to <paramref name="output"/>; returns the header's length. Thread-safe.</summary>
    private static int EncodePage(ParquetCodec codec, PageType type, Encoding encoding, int valueCount, ReadOnlySpan<byte> body, ByteBuffer scratch, ByteBuffer output)
    {
        var compressed = PageCompression.Compress(codec, body, scratch);
        var header = new PageHeader
        {
            Type = type,
            UncompressedPageSize = body.Length,
            CompressedPageSize = compressed.Length,
            Crc = (int)Crc32.HashToUInt32(compressed),
        };
        if (type == PageType.DictionaryPage)
        {
            header.DictionaryPage = new DictionaryPageHeader { NumValues = valueCount, Encoding = Encoding.Plain };
        }
        else
        {
            header.DataPage = new DataPageHeader
            {
                NumValues = valueCount,
                Encoding = encoding,
                DefinitionLevelEncoding = Encoding.Rle,
                RepetitionLevelEncoding = Encoding.Rle,
            };
        }

        var before = output.Length;
        MetadataWriter.WritePageHeader(output, header);
        var headerLength = output.Length - before;
        output.Write(compressed);
        return headerLength;
    }

    private InvalidCastException WrongType(string clrType) =>
        new($"Column '{Spec.Field.Name}' ({Spec.Field.Type}) does not take {clrType} values.");
}
