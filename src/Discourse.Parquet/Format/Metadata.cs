namespace Discourse.Parquet.Format;

// In-memory forms of the parquet.thrift structs we read and write. Field names follow the specification.

/// <summary>parquet.thrift <c>Type</c>.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Int96 = 3,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}

/// <summary>parquet.thrift <c>ConvertedType</c> (the legacy annotation, still written for old readers).</summary>
internal enum ConvertedType
{
    None = -1,
    Utf8 = 0,
    Map = 1,
    MapKeyValue = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    TimeMillis = 7,
    TimeMicros = 8,
    TimestampMillis = 9,
    TimestampMicros = 10,
    UInt8 = 11,
    UInt16 = 12,
    UInt32 = 13,
    UInt64 = 14,
    Int8 = 15,
    Int16 = 16,
    Int32 = 17,
    Int64 = 18,
    Json = 19,
    Bson = 20,
    Interval = 21,
}

/// <summary>parquet.thrift <c>FieldRepetitionType</c>.</summary>
internal enum Repetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}

/// <summary>parquet.thrift <c>Encoding</c>.</summary>
internal enum Encoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6,
    DeltaByteArray = 7,
    RleDictionary = 8,
    ByteStreamSplit = 9,
    Alp = 10,
}

/// <summary>parquet.thrift <c>CompressionCodec</c>.</summary>
internal enum CompressionCodec
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Lzo = 3,
    Brotli = 4,
    Lz4 = 5,
    Zstd = 6,
    Lz4Raw = 7,
}

/// <summary>parquet.thrift <c>PageType</c>.</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}

/// <summary>The union <c>LogicalType</c>: which member is set, plus the parameters of the parameterised ones.</summary>
internal sealed class LogicalTypeInfo
{
    /// <summary>The union member's field id (1 STRING, 2 MAP, 3 LIST, 4 ENUM, 5 DECIMAL, 6 DATE, 7 TIME, 8 TIMESTAMP, 10 INTEGER, 11 UNKNOWN, 12 JSON, 13 BSON, 14 UUID, 15 FLOAT16, ...).</summary>
    public int Kind { get; set; }

    public int Scale { get; set; }

    public int Precision { get; set; }

    public bool IsAdjustedToUtc { get; set; }

    /// <summary>1 millis, 2 micros, 3 nanos.</summary>
    public int TimeUnit { get; set; }

    public int BitWidth { get; set; }

    public bool IsSigned { get; set; }

    public const int String = 1;
    public const int Map = 2;
    public const int List = 3;
    public const int Enum = 4;
    public const int Decimal = 5;
    public const int Date = 6;
    public const int Time = 7;
    public const int Timestamp = 8;
    public const int Integer = 10;
    public const int Unknown = 11;
    public const int Json = 12;
    public const int Bson = 13;
    public const int Uuid = 14;
    public const int Float16 = 15;
    public const int Variant = 16;
    public const int Geometry = 17;
    public const int Geography = 18;

    public const int Millis = 1;
    public const int Micros = 2;
    public const int Nanos = 3;
}

internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? RepetitionType { get; set; }

    public string Name { get; set; } = "";

    public int? NumChildren { get; set; }

    public ConvertedType ConvertedType { get; set; } = ConvertedType.None;

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public int? FieldId { get; set; }

    public LogicalTypeInfo? LogicalType { get; set; }
}

internal sealed class Statistics
{
    public byte[]? Max { get; set; }

    public byte[]? Min { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }
}

internal sealed class KeyValue
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }
}

internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<Encoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? IndexPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    /// <summary>(page type, encoding, count) triples written for readers that plan by encoding.</summary>
    public List<(PageType PageType, Encoding Encoding, int Count)> EncodingStats { get; set; } = [];
}

internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    public bool IsEncrypted { get; set; }
}

internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }
}

internal sealed class FileMetaData
{
    public int Version { get; set; }

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue> KeyValueMetadata { get; set; } = [];

    public string? CreatedBy { get; set; }

    public int ColumnOrderCount { get; set; }

    public bool IsEncrypted { get; set; }
}

internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; }

    public Encoding RepetitionLevelEncoding { get; set; }
}

internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public Encoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;
}

internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }
}

internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public int? Crc { get; set; }

    public DataPageHeader? DataPage { get; set; }

    public DictionaryPageHeader? DictionaryPage { get; set; }

    public DataPageHeaderV2? DataPageV2 { get; set; }
}
