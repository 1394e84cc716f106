namespace Discourse.Parquet;

/// <summary>
/// The value type of a column (for a list column: of its elements). Each maps to one CLR type, used both when writing
/// and when reading.
/// </summary>
public enum ParquetElementType
{
    /// <summary>BOOLEAN; CLR <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>INT32 with INTEGER(8, signed); CLR <see cref="sbyte"/>.</summary>
    Int8,

    /// <summary>INT32 with INTEGER(16, signed); CLR <see cref="short"/>.</summary>
    Int16,

    /// <summary>INT32; CLR <see cref="int"/>.</summary>
    Int32,

    /// <summary>INT64; CLR <see cref="long"/>.</summary>
    Int64,

    /// <summary>INT32 with INTEGER(8, unsigned); CLR <see cref="byte"/>.</summary>
    UInt8,

    /// <summary>INT32 with INTEGER(16, unsigned); CLR <see cref="ushort"/>.</summary>
    UInt16,

    /// <summary>INT32 with INTEGER(32, unsigned); CLR <see cref="uint"/>.</summary>
    UInt32,

    /// <summary>INT64 with INTEGER(64, unsigned); CLR <see cref="ulong"/>.</summary>
    UInt64,

    /// <summary>FLOAT; CLR <see cref="float"/>.</summary>
    Float,

    /// <summary>DOUBLE; CLR <see cref="double"/>.</summary>
    Double,

    /// <summary>BYTE_ARRAY with STRING (UTF-8); CLR <see cref="string"/>. Also read for ENUM and JSON.</summary>
    String,

    /// <summary>BYTE_ARRAY without annotation; CLR <see cref="byte"/>[].</summary>
    Binary,

    /// <summary>FIXED_LEN_BYTE_ARRAY of <see cref="ParquetField.Length"/> bytes; CLR <see cref="byte"/>[].</summary>
    FixedLenByteArray,

    /// <summary>INT32 with DATE (days since 1970-01-01); CLR <see cref="DateOnly"/>.</summary>
    Date,

    /// <summary>INT64 with TIMESTAMP (written as microseconds, UTC; read in any unit, and from legacy INT96); CLR <see cref="DateTimeOffset"/> in UTC.</summary>
    Timestamp,

    /// <summary>Read only: TIME of day; CLR <see cref="TimeSpan"/>.</summary>
    Time,

    /// <summary>Read only: DECIMAL on INT32, INT64, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY (precision up to 28); CLR <see cref="decimal"/>.</summary>
    Decimal,

    /// <summary>Read only: FLOAT16 on FIXED_LEN_BYTE_ARRAY(2); CLR <see cref="Half"/>.</summary>
    Float16,

    /// <summary>Read only: UUID on FIXED_LEN_BYTE_ARRAY(16); CLR <see cref="Guid"/>.</summary>
    Uuid,

    /// <summary>Read only: a struct or map column. It is listed in the schema, but reading its values raises <see cref="ParquetFormatException"/>.</summary>
    Nested,
}

/// <summary>Compression codecs the writer can use (the reader also decompresses BROTLI and LZ4_RAW).</summary>
public enum ParquetCodec
{
    /// <summary>No compression.</summary>
    Uncompressed,

    /// <summary>Snappy (the default): fast, moderate ratio.</summary>
    Snappy,

    /// <summary>GZIP (deflate): slower, smaller.</summary>
    Gzip,
}

/// <summary>The unit of a TIME or TIMESTAMP column.</summary>
public enum ParquetTimeUnit
{
    /// <summary>Milliseconds.</summary>
    Millis,

    /// <summary>Microseconds (what the writer uses).</summary>
    Micros,

    /// <summary>Nanoseconds (also legacy INT96 timestamps).</summary>
    Nanos,
}
