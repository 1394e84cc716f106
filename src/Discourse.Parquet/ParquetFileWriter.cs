using System.Collections;
using Discourse.Parquet.Format;
using Discourse.Parquet.Writing;

namespace Discourse.Parquet;

/// <summary>
/// Writes a Parquet file row by row. Rows are buffered per column into pages and row groups; a row group is written to
/// the stream when it reaches <see cref="ParquetWriteOptions.RowGroupBytes"/>, so memory stays bounded by one row group.
/// Call <see cref="Complete"/> to write the last row group and the footer: without it the stream holds no valid file
/// (write to a temporary file and rename it into place after <see cref="Complete"/>).
/// </summary>
/// <remarks>
/// CLR values per column type: string, bool, int, long, float, double, byte[] (or <see cref="ReadOnlyMemory{T}"/> of
/// byte), <see cref="DateOnly"/> (Date), <see cref="DateTimeOffset"/> or UTC <see cref="DateTime"/> (Timestamp),
/// sbyte/short/byte/ushort/uint/ulong for the integer widths, any <see cref="IEnumerable"/> for a list, and null for a
/// missing optional value or element.
/// </remarks>
public sealed class ParquetFileWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private readonly Stream _output;
    private readonly ParquetWriteOptions _options;
    private readonly ColumnWriter[] _columns;
    private readonly List<RowGroup> _rowGroups = [];
    private long _position;
    private long _rowsInGroup;
    private long _totalRows;
    private bool _completed;
    private bool _failed;

    /// <summary>Starts a file on <paramref name="output"/> (written sequentially; it need not be seekable).</summary>
    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        _output = output;
        _options = options ?? new ParquetWriteOptions();
        _options.Validate();
        Schema = schema;
        var pool = new SegmentPool();
        _columns = schema.Fields.Select(f => CreateColumn(ColumnSpec.For(f), _options, pool)).ToArray();
        _output.Write(Magic);
        _position = Magic.Length;
    }

    /// <summary>The schema rows must follow.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows written so far.</summary>
    public long RowCount => _totalRows;

    /// <summary>Appends one row: one value per column, in schema order.</summary>
    /// <exception cref="ArgumentException">A value does not fit its column (wrong type, null in a required column, wrong length); nothing of the row is written.</exception>
    public void WriteRow(ReadOnlySpan<object?> values)
    {
        EnsureWritable();
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"A row needs {_columns.Length} values (one per column), got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            RowValueChecker.Check(_columns[i].Spec.Field, values[i]);
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            WriteValue(_columns[i], values[i]);
        }

        EndRow();
    }

    /// <summary>Writes the buffered row group and the footer, then flushes the stream. The writer cannot be used afterwards.</summary>
    public void Complete()
    {
        EnsureWritable();
        try
        {
            if (_rowsInGroup > 0)
            {
                FlushRowGroup();
            }

            var metadata = new FileMetaData
            {
                Version = 2,
                NumRows = _totalRows,
                RowGroups = _rowGroups,
                CreatedBy = _options.CreatedBy,
                ColumnOrderCount = _columns.Length,
            };
            metadata.Schema.Add(new SchemaElement { Name = "schema", NumChildren = _columns.Length });
            foreach (var column in _columns)
            {
                column.Spec.AppendSchemaElements(metadata.Schema);
            }

            foreach (var (key, value) in _options.KeyValueMetadata)
            {
                metadata.KeyValueMetadata.Add(new KeyValue { Key = key, Value = value });
            }

            var footer = new ByteBuffer(4096);
            MetadataWriter.WriteFileMetaData(footer, metadata);
            footer.WriteInt32LittleEndian(footer.Length);
            footer.Write(Magic);
            _output.Write(footer.Span);
            _output.Flush();
            _completed = true;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>Releases buffers. Does not complete the file and does not close the stream.</summary>
    public void Dispose()
    {
        _completed = true;
    }

    internal ColumnWriter Column(int index) => _columns[index];

    /// <summary>Waits for pages still being compressed in the background (benchmarks use it to time all the work).</summary>
    internal void DrainPendingPages()
    {
        foreach (var column in _columns)
        {
            column.DrainPendingPages();
        }
    }

    /// <summary>Ends a row written column by column through the internal typed path, flushing pages and row groups as they fill.</summary>
    internal void EndRow()
    {
        _rowsInGroup++;
        _totalRows++;
        long rowGroupBytes = 0;
        foreach (var column in _columns)
        {
            if (column.PageBufferedBytes >= _options.PageBytes)
            {
                column.FlushPage();
            }

            rowGroupBytes += column.RowGroupBufferedBytes;
        }

        if (rowGroupBytes >= _options.RowGroupBytes)
        {
            FlushRowGroup();
        }
    }

    internal void EnsureWritable()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The Parquet writer is complete or disposed.");
        }

        if (_failed)
        {
            throw new InvalidOperationException("An earlier write to the output stream failed; the file is unusable.");
        }
    }

    private void FlushRowGroup()
    {
        try
        {
            var rowGroup = new RowGroup { NumRows = _rowsInGroup, FileOffset = _position, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
            long compressed = 0;
            foreach (var column in _columns)
            {
                var chunk = column.FlushChunk(_output, _position);
                var meta = chunk.MetaData!;
                _position += meta.TotalCompressedSize;
                compressed += meta.TotalCompressedSize;
                rowGroup.TotalByteSize += meta.TotalUncompressedSize;
                rowGroup.Columns.Add(chunk);
            }

            rowGroup.TotalCompressedSize = compressed;
            _rowGroups.Add(rowGroup);
            _rowsInGroup = 0;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private static ColumnWriter CreateColumn(ColumnSpec spec, ParquetWriteOptions options, SegmentPool pool) => spec.Field.Type switch
    {
        ParquetElementType.Boolean => new BooleanColumnWriter(spec, options, pool),
        ParquetElementType.Int8 or ParquetElementType.Int16 or ParquetElementType.Int32 or ParquetElementType.Date
            => new FixedWidthColumnWriter<int>(spec, options, pool, StatisticsOrder.Signed),
        ParquetElementType.UInt8 or ParquetElementType.UInt16 or ParquetElementType.UInt32
            => new FixedWidthColumnWriter<int>(spec, options, pool, StatisticsOrder.Unsigned),
        ParquetElementType.Int64 or ParquetElementType.Timestamp => new FixedWidthColumnWriter<long>(spec, options, pool, StatisticsOrder.Signed),
        ParquetElementType.UInt64 => new FixedWidthColumnWriter<long>(spec, options, pool, StatisticsOrder.Unsigned),
        ParquetElementType.Float => new FixedWidthColumnWriter<int>(spec, options, pool, StatisticsOrder.Floating),
        ParquetElementType.Double => new FixedWidthColumnWriter<long>(spec, options, pool, StatisticsOrder.Floating),
        ParquetElementType.String or ParquetElementType.Binary => new ByteArrayColumnWriter(spec, options, pool, 0),
        ParquetElementType.FixedLenByteArray => new ByteArrayColumnWriter(spec, options, pool, spec.Field.Length),
        _ => throw new NotSupportedException($"Column '{spec.Field.Name}': the writer does not write {spec.Field.Type} columns."),
    };

    private static void WriteValue(ColumnWriter column, object? value)
    {
        var spec = column.Spec;
        if (!spec.Field.IsList)
        {
            if (value is null)
            {
                column.AddLevels(0, 0);
                return;
            }

            column.AddLevels(spec.MaxDefinitionLevel, 0);
            WriteScalar(column, value);
            return;
        }

        if (value is null)
        {
            column.AddLevels(0, 0);
            return;
        }

        var list = (IEnumerable)value;
        var first = true;
        foreach (var element in list)
        {
            var repetition = first ? 0 : 1;
            first = false;
            if (element is null)
            {
                column.AddLevels(spec.MaxDefinitionLevel - 1, repetition);
            }
            else
            {
                column.AddLevels(spec.MaxDefinitionLevel, repetition);
                WriteScalar(column, element);
            }
        }

        if (first)
        {
            column.AddLevels(spec.ListDefinedLevel, 0);
        }
    }

    private static void WriteScalar(ColumnWriter column, object value)
    {
        switch (column.Spec.Field.Type)
        {
            case ParquetElementType.Boolean: column.AddBoolean((bool)value); break;
            case ParquetElementType.Int8: column.AddInt32((sbyte)value); break;
            case ParquetElementType.Int16: column.AddInt32((short)value); break;
            case ParquetElementType.Int32: column.AddInt32((int)value); break;
            case ParquetElementType.UInt8: column.AddInt32((byte)value); break;
            case ParquetElementType.UInt16: column.AddInt32((ushort)value); break;
            case ParquetElementType.UInt32: column.AddInt32(unchecked((int)(uint)value)); break;
            case ParquetElementType.Int64: column.AddInt64((long)value); break;
            case ParquetElementType.UInt64: column.AddInt64(unchecked((long)(ulong)value)); break;
            case ParquetElementType.Float: column.AddFloat((float)value); break;
            case ParquetElementType.Double: column.AddDouble((double)value); break;
            case ParquetElementType.Date: column.AddInt32(((DateOnly)value).DayNumber - ValueConversions.UnixEpochDayNumber); break;
            case ParquetElementType.Timestamp: column.AddInt64(ValueConversions.ToUnixMicroseconds(value)); break;
            case ParquetElementType.String: column.AddString((string)value); break;
            default:
                if (value is ReadOnlyMemory<byte> memory)
                {
                    column.AddBytes(memory.Span);
                }
                else
                {
                    column.AddBytes((byte[])value);
                }

                break;
        }
    }
}
