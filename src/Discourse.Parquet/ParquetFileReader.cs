using System.Buffers.Binary;
using Discourse.Parquet.Compression;
using Discourse.Parquet.Format;
using Discourse.Parquet.Reading;
using Discourse.Parquet.Thrift;

namespace Discourse.Parquet;

/// <summary>
/// Reads a Parquet file: the footer on open, then rows one row group at a time (memory is bounded by one row group).
/// Every problem — a malformed footer or page, an unsupported codec, encoding or nested type — is reported as a
/// <see cref="ParquetFormatException"/> naming the file, the column and the reason.
/// </summary>
/// <remarks>
/// Values come back as the CLR types listed on <see cref="ParquetElementType"/>; lists as <see cref="IReadOnlyList{T}"/>
/// of object (elements may be null); missing values as null.
/// </remarks>
public sealed class ParquetFileReader : IDisposable
{
    private const int MaxFooterBytes = 256 * 1024 * 1024;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string _name;
    private readonly FileMetaData _metadata;
    private readonly List<FieldLayout> _fields;
    private readonly List<LeafColumn> _leaves;
    private readonly long _length;
    private long _footerStart;

    private ParquetFileReader(Stream stream, bool ownsStream, string name)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _name = name;
        try
        {
            _length = stream.Length;
            _metadata = ReadFooter();
            (_fields, _leaves) = Guard(null, () => SchemaResolver.Resolve(_metadata.Schema));
            Schema = new ParquetSchema(_fields.Select(f => f.Field).ToArray());
            RowGroups = _metadata.RowGroups.Select(DescribeRowGroup).ToArray();
            KeyValueMetadata = _metadata.KeyValueMetadata
                .GroupBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);
        }
        catch
        {
            if (ownsStream)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>The columns.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows in the file, per the footer.</summary>
    public long RowCount => _metadata.NumRows;

    /// <summary>Row groups with their column chunks.</summary>
    public IReadOnlyList<RowGroupInfo> RowGroups { get; }

    /// <summary>The footer's key-value metadata (a key without value maps to "").</summary>
    public IReadOnlyDictionary<string, string> KeyValueMetadata { get; }

    /// <summary>The footer's <c>created_by</c> text, if any.</summary>
    public string? CreatedBy => _metadata.CreatedBy;

    /// <summary>Opens a file for reading.</summary>
    /// <exception cref="ParquetFormatException">The file is not a readable Parquet file.</exception>
    public static ParquetFileReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        return new ParquetFileReader(stream, ownsStream: true, path);
    }

    /// <summary>Reads from a stream; a non-seekable stream is copied into memory first. The stream is not disposed.</summary>
    /// <param name="stream">The Parquet data.</param>
    /// <param name="name">How error messages name the data (default "stream").</param>
    public static ParquetFileReader Open(Stream stream, string name = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return new ParquetFileReader(copy, ownsStream: true, name);
        }

        return new ParquetFileReader(stream, ownsStream: false, name);
    }

    /// <summary>Streams all rows, one object array per row in schema order.</summary>
    public IEnumerable<object?[]> ReadRows()
    {
        for (var group = 0; group < _metadata.RowGroups.Count; group++)
        {
            var columns = ReadRowGroupColumns(group, verifyCrc: false);
            var rows = (int)_metadata.RowGroups[group].NumRows;
            for (var r = 0; r < rows; r++)
            {
                var row = new object?[columns.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    row[c] = columns[c][r];
                }

                yield return row;
            }
        }
    }

    /// <summary>Reads all values of one column, row group by row group.</summary>
    public IEnumerable<object?> ReadColumn(string name)
    {
        var index = Schema.IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException($"{_name} has no column '{name}'. Columns: {string.Join(", ", Schema.Fields.Select(f => f.Name))}.", nameof(name));
        }

        for (var group = 0; group < _metadata.RowGroups.Count; group++)
        {
            foreach (var value in ReadField(group, index, verifyCrc: false))
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Re-reads every page of every column chunk, checks page CRC32s, decompresses and decodes all values, and checks
    /// that value and row counts add up to the footer's. Throws <see cref="ParquetFormatException"/> on the first problem.
    /// </summary>
    public void Verify()
    {
        long rows = 0;
        for (var group = 0; group < _metadata.RowGroups.Count; group++)
        {
            var rowGroup = _metadata.RowGroups[group];
            rows += rowGroup.NumRows;
            var decoded = new DecodedColumn[_leaves.Count];
            for (var leaf = 0; leaf < _leaves.Count; leaf++)
            {
                decoded[leaf] = DecodeLeaf(group, leaf, verifyCrc: true);
            }

            for (var f = 0; f < _fields.Count; f++)
            {
                if (_fields[f].Unsupported is null)
                {
                    Assemble(group, f, decoded[_fields[f].FirstLeaf]);
                }
            }
        }

        if (rows != _metadata.NumRows)
        {
            throw new ParquetFormatException(_name, null, $"the row groups hold {rows} rows but the footer says {_metadata.NumRows}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private object?[][] ReadRowGroupColumns(int group, bool verifyCrc)
    {
        var columns = new object?[_fields.Count][];
        for (var f = 0; f < _fields.Count; f++)
        {
            columns[f] = ReadField(group, f, verifyCrc);
        }

        return columns;
    }

    private object?[] ReadField(int group, int fieldIndex, bool verifyCrc)
    {
        var layout = _fields[fieldIndex];
        if (layout.Unsupported is not null)
        {
            throw new ParquetFormatException(_name, layout.Field.Name, layout.Unsupported);
        }

        var decoded = DecodeLeaf(group, layout.FirstLeaf, verifyCrc);
        return Assemble(group, fieldIndex, decoded);
    }

    private DecodedColumn DecodeLeaf(int group, int leafIndex, bool verifyCrc)
    {
        var leaf = _leaves[leafIndex];
        var rowGroup = _metadata.RowGroups[group];
        if (rowGroup.Columns.Count != _leaves.Count)
        {
            throw new ParquetFormatException(_name, null, $"row group {group} has {rowGroup.Columns.Count} column chunks but the schema has {_leaves.Count} leaf columns");
        }

        var chunk = rowGroup.Columns[leafIndex];
        return Guard(leaf.DottedPath, () =>
        {
            if (chunk.IsEncrypted)
            {
                throw new NotSupportedException("the column is encrypted (Parquet modular encryption is not supported)");
            }

            if (chunk.FilePath is not null)
            {
                throw new NotSupportedException($"the column chunk lives in another file ('{chunk.FilePath}'), which is not supported");
            }

            var meta = chunk.MetaData ?? throw new InvalidDataException($"row group {group} has no metadata for the column");
            if (leaf.Unsupported is not null)
            {
                throw new NotSupportedException(leaf.Unsupported);
            }

            if (meta.Type != leaf.Physical)
            {
                throw new InvalidDataException($"row group {group} stores the column as {meta.Type} but the schema says {leaf.Physical}");
            }

            if (!PageCompression.IsSupported(meta.Codec))
            {
                throw new NotSupportedException($"compression codec {PageCompression.CodecName(meta.Codec)} is not supported (supported: {PageCompression.SupportedCodecNames})");
            }

            if (meta.NumValues == 0)
            {
                return new DecodedColumn();
            }

            var start = meta.DataPageOffset;
            if (meta.DictionaryPageOffset is { } dictionaryOffset && dictionaryOffset > 0 && dictionaryOffset < start)
            {
                start = dictionaryOffset;
            }

            var size = meta.TotalCompressedSize;
            if (start < 4 || size <= 0 || start >= _footerStart)
            {
                throw new InvalidDataException($"row group {group}: the column chunk at byte {start} ({size} bytes) lies outside the data part of the {_length}-byte file");
            }

            var end = Math.Min(_footerStart, start + size);
            try
            {
                return ColumnChunkDecoder.Decode(ReadRange(start, end), 0, (int)(end - start), meta, leaf, verifyCrc);
            }
            catch (ChunkTooShortException) when (end < _footerStart)
            {
                // Some writers understate total_compressed_size; let the pages run on up to the footer.
                return ColumnChunkDecoder.Decode(ReadRange(start, _footerStart), 0, (int)(_footerStart - start), meta, leaf, verifyCrc);
            }
        });
    }

    private byte[] ReadRange(long start, long end)
    {
        if (end - start > int.MaxValue)
        {
            throw new InvalidDataException($"a column chunk of {end - start} bytes exceeds 2 GiB");
        }

        var bytes = new byte[end - start];
        _stream.Position = start;
        _stream.ReadExactly(bytes);
        return bytes;
    }

    private object?[] Assemble(int group, int fieldIndex, DecodedColumn decoded)
    {
        var layout = _fields[fieldIndex];
        var leaf = _leaves[layout.FirstLeaf];
        var rowCount = _metadata.RowGroups[group].NumRows;
        if (rowCount < 0 || rowCount > int.MaxValue)
        {
            throw new ParquetFormatException(_name, null, $"row group {group} claims {rowCount} rows");
        }

        var rows = new object?[rowCount];
        var maxDef = leaf.MaxDefinitionLevel;
        if (!layout.Field.IsList)
        {
            if (decoded.LevelCount != rowCount)
            {
                throw new ParquetFormatException(_name, leaf.DottedPath, $"row group {group} has {rowCount} rows but the column holds {decoded.LevelCount} values");
            }

            var v = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = maxDef == 0 || decoded.DefinitionLevels[i] == maxDef ? decoded.Values[v++] : null;
            }

            return rows;
        }

        var listDefined = layout.ListDefinedLevel;
        var row = -1;
        var value = 0;
        List<object?>? current = null;
        for (var i = 0; i < decoded.LevelCount; i++)
        {
            var rep = decoded.RepetitionLevels[i];
            var def = maxDef == 0 ? 0 : decoded.DefinitionLevels[i];
            if (rep == 0)
            {
                row++;
                if (row >= rows.Length)
                {
                    throw new ParquetFormatException(_name, leaf.DottedPath, $"row group {group} has {rowCount} rows but the column holds more lists");
                }

                current = null;
                if (def < listDefined)
                {
                    rows[row] = null;
                    continue;
                }

                current = [];
                rows[row] = current;
                if (def == listDefined)
                {
                    continue;
                }
            }
            else if (current is null || rep > leaf.MaxRepetitionLevel || def <= listDefined)
            {
                throw new ParquetFormatException(_name, leaf.DottedPath, $"row group {group}: repetition level {rep} with definition level {def} at value {i} continues no list");
            }

            current.Add(def == maxDef ? decoded.Values[value++] : null);
        }

        if (row + 1 != rows.Length)
        {
            throw new ParquetFormatException(_name, leaf.DottedPath, $"row group {group} has {rowCount} rows but the column holds {row + 1} lists");
        }

        return rows;
    }

    private FileMetaData ReadFooter()
    {
        if (_length < 12)
        {
            throw new ParquetFormatException(_name, null, $"the file is {_length} bytes long, too short for a Parquet file (magic, footer, length, magic)");
        }

        Span<byte> head = stackalloc byte[4];
        _stream.Position = 0;
        _stream.ReadExactly(head);
        Span<byte> tail = stackalloc byte[8];
        _stream.Position = _length - 8;
        _stream.ReadExactly(tail);
        if (tail[4..].SequenceEqual("PARE"u8))
        {
            throw new ParquetFormatException(_name, null, "the footer is encrypted (Parquet modular encryption is not supported)");
        }

        if (!head.SequenceEqual("PAR1"u8) || !tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new ParquetFormatException(_name, null, "the file does not start and end with the Parquet magic bytes PAR1 (not a Parquet file, or truncated)");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > _length - 12 || footerLength > MaxFooterBytes)
        {
            throw new ParquetFormatException(_name, null, $"the footer length {footerLength} does not fit the {_length}-byte file (truncated or corrupt)");
        }

        var footer = new byte[footerLength];
        _footerStart = _length - 8 - footerLength;
        _stream.Position = _footerStart;
        _stream.ReadExactly(footer);
        var metadata = Guard(null, () => MetadataReader.ReadFileMetaData(footer, 0, footer.Length));
        if (metadata.IsEncrypted)
        {
            throw new ParquetFormatException(_name, null, "the file uses Parquet modular encryption, which is not supported");
        }

        if (metadata.NumRows < 0)
        {
            throw new ParquetFormatException(_name, null, $"the footer claims {metadata.NumRows} rows");
        }

        return metadata;
    }

    private RowGroupInfo DescribeRowGroup(RowGroup rowGroup, int index)
    {
        var columns = rowGroup.Columns.Select((chunk, i) =>
        {
            var meta = chunk.MetaData;
            var path = meta is not null ? string.Join('.', meta.PathInSchema) : i < _leaves.Count ? _leaves[i].DottedPath : $"#{i}";
            return new ColumnChunkInfo(
                path,
                meta is null ? "?" : PageCompression.CodecName(meta.Codec),
                meta?.Encodings.Select(EncodingName).ToArray() ?? [],
                meta?.NumValues ?? 0,
                meta?.TotalCompressedSize ?? 0,
                meta?.TotalUncompressedSize ?? 0,
                meta?.Statistics?.NullCount,
                meta?.Statistics is { MinValue: not null, MaxValue: not null });
        }).ToArray();
        var compressed = rowGroup.TotalCompressedSize ?? columns.Sum(c => c.CompressedSize);
        return new RowGroupInfo(index, rowGroup.NumRows, rowGroup.TotalByteSize, compressed, columns);
    }

    private static string EncodingName(Format.Encoding encoding) => encoding switch
    {
        Format.Encoding.Plain => "PLAIN",
        Format.Encoding.PlainDictionary => "PLAIN_DICTIONARY",
        Format.Encoding.Rle => "RLE",
        Format.Encoding.BitPacked => "BIT_PACKED",
        Format.Encoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        Format.Encoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        Format.Encoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        Format.Encoding.RleDictionary => "RLE_DICTIONARY",
        Format.Encoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        Format.Encoding.Alp => "ALP",
        _ => $"#{(int)encoding}",
    };

    /// <summary>Runs a parsing step and turns any low-level failure into a ParquetFormatException with file and column.</summary>
    private T Guard<T>(string? column, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ParquetFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is ThriftFormatException or InvalidDataException or ChunkTooShortException or NotSupportedException or EndOfStreamException
            or IndexOutOfRangeException or ArgumentException or OverflowException or InvalidCastException or OutOfMemoryException)
        {
            var reason = e is ThriftFormatException ? "malformed metadata: " + e.Message : e.Message;
            throw new ParquetFormatException(_name, column, reason, e);
        }
    }
}
