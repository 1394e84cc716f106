using Discourse.Parquet.Thrift;

namespace Discourse.Parquet.Format;

/// <summary>Serialises page headers and the file footer with the Thrift compact protocol (field ids from parquet.thrift).</summary>
internal static class MetadataWriter
{
    public static void WritePageHeader(ByteBuffer output, PageHeader header)
    {
        var w = new ThriftCompactWriter(output);
        w.StructBegin();
        w.FieldI32(1, (int)header.Type);
        w.FieldI32(2, header.UncompressedPageSize);
        w.FieldI32(3, header.CompressedPageSize);
        if (header.Crc is { } crc)
        {
            w.FieldI32(4, crc);
        }

        if (header.DataPage is { } data)
        {
            w.FieldStructBegin(5);
            w.FieldI32(1, data.NumValues);
            w.FieldI32(2, (int)data.Encoding);
            w.FieldI32(3, (int)data.DefinitionLevelEncoding);
            w.FieldI32(4, (int)data.RepetitionLevelEncoding);
            w.StructEnd();
        }

        if (header.DictionaryPage is { } dictionary)
        {
            w.FieldStructBegin(7);
            w.FieldI32(1, dictionary.NumValues);
            w.FieldI32(2, (int)dictionary.Encoding);
            w.StructEnd();
        }

        w.StructEnd();
    }

    public static void WriteFileMetaData(ByteBuffer output, FileMetaData metadata)
    {
        var w = new ThriftCompactWriter(output);
        w.StructBegin();
        w.FieldI32(1, metadata.Version);
        w.FieldListBegin(2, ThriftType.Struct, metadata.Schema.Count);
        foreach (var element in metadata.Schema)
        {
            WriteSchemaElement(w, element);
        }

        w.FieldI64(3, metadata.NumRows);
        w.FieldListBegin(4, ThriftType.Struct, metadata.RowGroups.Count);
        foreach (var rowGroup in metadata.RowGroups)
        {
            WriteRowGroup(w, rowGroup);
        }

        if (metadata.KeyValueMetadata.Count > 0)
        {
            w.FieldListBegin(5, ThriftType.Struct, metadata.KeyValueMetadata.Count);
            foreach (var kv in metadata.KeyValueMetadata)
            {
                w.StructBegin();
                w.FieldString(1, kv.Key);
                if (kv.Value is not null)
                {
                    w.FieldString(2, kv.Value);
                }

                w.StructEnd();
            }
        }

        if (metadata.CreatedBy is not null)
        {
            w.FieldString(6, metadata.CreatedBy);
        }

        if (metadata.ColumnOrderCount > 0)
        {
            // Every leaf uses TypeDefinedOrder, which tells readers our min_value/max_value follow the spec's ordering.
            w.FieldListBegin(7, ThriftType.Struct, metadata.ColumnOrderCount);
            for (var i = 0; i < metadata.ColumnOrderCount; i++)
            {
                w.StructBegin();
                w.FieldStructBegin(1);
                w.StructEnd();
                w.StructEnd();
            }
        }

        w.StructEnd();
    }

    private static void WriteSchemaElement(ThriftCompactWriter w, SchemaElement element)
    {
        w.StructBegin();
        if (element.Type is { } type)
        {
            w.FieldI32(1, (int)type);
        }

        if (element.TypeLength is { } length)
        {
            w.FieldI32(2, length);
        }

        if (element.RepetitionType is { } repetition)
        {
            w.FieldI32(3, (int)repetition);
        }

        w.FieldString(4, element.Name);
        if (element.NumChildren is { } children)
        {
            w.FieldI32(5, children);
        }

        if (element.ConvertedType != ConvertedType.None)
        {
            w.FieldI32(6, (int)element.ConvertedType);
        }

        if (element.Scale is { } scale)
        {
            w.FieldI32(7, scale);
        }

        if (element.Precision is { } precision)
        {
            w.FieldI32(8, precision);
        }

        if (element.LogicalType is { } logical)
        {
            w.FieldStructBegin(10);
            w.FieldStructBegin((short)logical.Kind);
            switch (logical.Kind)
            {
                case LogicalTypeInfo.Decimal:
                    w.FieldI32(1, logical.Scale);
                    w.FieldI32(2, logical.Precision);
                    break;
                case LogicalTypeInfo.Time:
                case LogicalTypeInfo.Timestamp:
                    w.FieldBool(1, logical.IsAdjustedToUtc);
                    w.FieldStructBegin(2);
                    w.FieldStructBegin((short)logical.TimeUnit);
                    w.StructEnd();
                    w.StructEnd();
                    break;
                case LogicalTypeInfo.Integer:
                    w.FieldByte(1, (sbyte)logical.BitWidth);
                    w.FieldBool(2, logical.IsSigned);
                    break;
                default:
                    break;
            }

            w.StructEnd();
            w.StructEnd();
        }

        w.StructEnd();
    }

    private static void WriteRowGroup(ThriftCompactWriter w, RowGroup rowGroup)
    {
        w.StructBegin();
        w.FieldListBegin(1, ThriftType.Struct, rowGroup.Columns.Count);
        foreach (var chunk in rowGroup.Columns)
        {
            w.StructBegin();
            w.FieldI64(2, chunk.FileOffset);
            WriteColumnMetaData(w, chunk.MetaData!);
            w.StructEnd();
        }

        w.FieldI64(2, rowGroup.TotalByteSize);
        w.FieldI64(3, rowGroup.NumRows);
        if (rowGroup.FileOffset is { } offset)
        {
            w.FieldI64(5, offset);
        }

        if (rowGroup.TotalCompressedSize is { } compressed)
        {
            w.FieldI64(6, compressed);
        }

        if (rowGroup.Ordinal is { } ordinal)
        {
            w.FieldI32(7, ordinal);
        }

        w.StructEnd();
    }

    private static void WriteColumnMetaData(ThriftCompactWriter w, ColumnMetaData meta)
    {
        w.FieldStructBegin(3);
        w.FieldI32(1, (int)meta.Type);
        w.FieldListBegin(2, ThriftType.I32, meta.Encodings.Count);
        foreach (var encoding in meta.Encodings)
        {
            w.I32((int)encoding);
        }

        w.FieldListBegin(3, ThriftType.Binary, meta.PathInSchema.Count);
        foreach (var part in meta.PathInSchema)
        {
            w.String(part);
        }

        w.FieldI32(4, (int)meta.Codec);
        w.FieldI64(5, meta.NumValues);
        w.FieldI64(6, meta.TotalUncompressedSize);
        w.FieldI64(7, meta.TotalCompressedSize);
        w.FieldI64(9, meta.DataPageOffset);
        if (meta.DictionaryPageOffset is { } dictionaryOffset)
        {
            w.FieldI64(11, dictionaryOffset);
        }

        if (meta.Statistics is { } stats)
        {
            w.FieldStructBegin(12);
            if (stats.NullCount is { } nulls)
            {
                w.FieldI64(3, nulls);
            }

            if (stats.MaxValue is { } max)
            {
                w.FieldBinary(5, max);
            }

            if (stats.MinValue is { } min)
            {
                w.FieldBinary(6, min);
            }

            if (stats.MaxValue is not null)
            {
                w.FieldBool(7, true);
                w.FieldBool(8, true);
            }

            w.StructEnd();
        }

        if (meta.EncodingStats.Count > 0)
        {
            w.FieldListBegin(13, ThriftType.Struct, meta.EncodingStats.Count);
            foreach (var (pageType, encoding, count) in meta.EncodingStats)
            {
                w.StructBegin();
                w.FieldI32(1, (int)pageType);
                w.FieldI32(2, (int)encoding);
                w.FieldI32(3, count);
                w.StructEnd();
            }
        }

        w.StructEnd();
    }
}
