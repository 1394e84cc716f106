using Discourse.Parquet.Writing;

namespace Discourse.Parquet;

/// <summary>
/// Writes records of type <typeparamref name="T"/>: each public readable property becomes a column (name from
/// <see cref="ParquetColumnAttribute"/> or the property name; <see cref="ParquetIgnoreAttribute"/> skips one).
/// string, bool, sbyte/short/int/long, byte/ushort/uint/ulong, float, double, byte[], DateOnly and DateTimeOffset map to
/// the matching column types; nullable value types and nullable reference annotations (<c>string?</c>) make a column
/// optional; arrays and other collections of those types become LIST columns. Values are copied straight into typed
/// column buffers, without boxing. As with <see cref="ParquetFileWriter"/>, call <see cref="Complete"/> to finish the file.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class ParquetFileWriter<T> : IDisposable
{
    private static readonly Lazy<(ParquetSchema Schema, PropertyWriter<T>[] Writers)> Layout = new(RecordLayout<T>.Build);
    private readonly ParquetFileWriter _writer;
    private readonly PropertyWriter<T>[] _properties;

    /// <summary>Starts a file on <paramref name="output"/> with the schema derived from <typeparamref name="T"/>.</summary>
    public ParquetFileWriter(Stream output, ParquetWriteOptions? options = null)
    {
        _properties = Layout.Value.Writers;
        _writer = new ParquetFileWriter(output, Layout.Value.Schema, options);
    }

    /// <summary>The schema derived from <typeparamref name="T"/>.</summary>
    public static ParquetSchema Schema => Layout.Value.Schema;

    /// <summary>Rows written so far.</summary>
    public long RowCount => _writer.RowCount;

    /// <summary>Appends one record.</summary>
    /// <exception cref="ArgumentException">A value does not fit its column; nothing of the record is written.</exception>
    public void Write(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _writer.EnsureWritable();
        foreach (var property in _properties)
        {
            property.Check(row);
        }

        for (var i = 0; i < _properties.Length; i++)
        {
            _properties[i].Write(row, _writer.Column(i));
        }

        _writer.EndRow();
    }

    /// <summary>Appends every record of <paramref name="rows"/>.</summary>
    public void WriteAll(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Write(row);
        }
    }

    internal void DrainPendingPages() => _writer.DrainPendingPages();

    /// <summary>Writes the last row group and the footer.</summary>
    public void Complete() => _writer.Complete();

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
