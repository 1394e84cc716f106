namespace Discourse.Parquet;

/// <summary>Footer facts about one row group.</summary>
/// <param name="Index">Position of the row group in the file.</param>
/// <param name="RowCount">Rows in the row group.</param>
/// <param name="TotalByteSize">Uncompressed size of its column data in bytes.</param>
/// <param name="CompressedByteSize">Bytes its column chunks take in the file.</param>
/// <param name="Columns">The column chunks, in leaf-column order.</param>
public sealed record RowGroupInfo(int Index, long RowCount, long TotalByteSize, long CompressedByteSize, IReadOnlyList<ColumnChunkInfo> Columns);

/// <summary>Footer facts about one column chunk.</summary>
/// <param name="Path">The leaf column's dotted path (e.g. <c>tags.list.element</c>).</param>
/// <param name="Codec">Compression codec name as in the specification (SNAPPY, GZIP, ...).</param>
/// <param name="Encodings">Encodings used in the chunk (PLAIN, RLE, RLE_DICTIONARY, ...).</param>
/// <param name="ValueCount">Values including nulls.</param>
/// <param name="CompressedSize">Bytes in the file, page headers included.</param>
/// <param name="UncompressedSize">Bytes once decompressed, page headers included.</param>
/// <param name="NullCount">Null count from the statistics, when present.</param>
/// <param name="HasMinMax">Whether the statistics hold min_value and max_value.</param>
public sealed record ColumnChunkInfo(string Path, string Codec, IReadOnlyList<string> Encodings, long ValueCount, long CompressedSize, long UncompressedSize, long? NullCount, bool HasMinMax);
