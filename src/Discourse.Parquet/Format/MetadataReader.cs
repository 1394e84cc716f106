using Discourse.Parquet.Thrift;

namespace Discourse.Parquet.Format;

/// <summary>Parses the footer and page headers; unknown fields are skipped, as Thrift's evolution rules require.</summary>
internal static class MetadataReader
{
    public static FileMetaData ReadFileMetaData(byte[] data, int offset, int end)
    {
        var r = new ThriftCompactReader(data, offset, end);
        var meta = new FileMetaData();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: meta.Version = r.ReadI32(type); break;
                case 2:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            ExpectStruct(elementType, "schema");
                            meta.Schema.Add(ReadSchemaElement(r));
                        }

                        break;
                    }

                case 3: meta.NumRows = r.ReadI64(type); break;
                case 4:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            ExpectStruct(elementType, "row_groups");
                            meta.RowGroups.Add(ReadRowGroup(r));
                        }

                        break;
                    }

                case 5:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            ExpectStruct(elementType, "key_value_metadata");
                            meta.KeyValueMetadata.Add(ReadKeyValue(r));
                        }

                        break;
                    }

                case 6: meta.CreatedBy = r.ReadString(type); break;
                case 7:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            r.Skip(elementType);
                        }

                        meta.ColumnOrderCount = count;
                        break;
                    }

                case 8:
                    meta.IsEncrypted = true;
                    r.Skip(type);
                    break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return meta;
    }

    /// <summary>Reads a page header starting at <paramref name="offset"/>; returns it and the header's length in bytes.</summary>
    public static PageHeader ReadPageHeader(byte[] data, int offset, int end, out int headerLength)
    {
        var r = new ThriftCompactReader(data, offset, end);
        var header = new PageHeader();
        var seen = 0;
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: header.Type = (PageType)r.ReadI32(type); seen |= 1; break;
                case 2: header.UncompressedPageSize = r.ReadI32(type); seen |= 2; break;
                case 3: header.CompressedPageSize = r.ReadI32(type); seen |= 4; break;
                case 4: header.Crc = r.ReadI32(type); break;
                case 5: ExpectStruct(type, "data_page_header"); header.DataPage = ReadDataPageHeader(r); break;
                case 7: ExpectStruct(type, "dictionary_page_header"); header.DictionaryPage = ReadDictionaryPageHeader(r); break;
                case 8: ExpectStruct(type, "data_page_header_v2"); header.DataPageV2 = ReadDataPageHeaderV2(r); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        if (seen != 7)
        {
            throw new ThriftFormatException("page header lacks one of its required fields (type, uncompressed_page_size, compressed_page_size)");
        }

        if (header.UncompressedPageSize < 0 || header.CompressedPageSize < 0)
        {
            throw new ThriftFormatException($"page header has a negative size ({header.CompressedPageSize} compressed, {header.UncompressedPageSize} uncompressed)");
        }

        headerLength = r.Position - offset;
        return header;
    }

    private static void ExpectStruct(byte elementType, string field)
    {
        if (elementType != ThriftType.Struct)
        {
            throw new ThriftFormatException($"{field} has Thrift type {elementType}, expected a struct");
        }
    }

    private static SchemaElement ReadSchemaElement(ThriftCompactReader r)
    {
        var element = new SchemaElement();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: element.Type = (PhysicalType)r.ReadI32(type); break;
                case 2: element.TypeLength = r.ReadI32(type); break;
                case 3: element.RepetitionType = (Repetition)r.ReadI32(type); break;
                case 4: element.Name = r.ReadString(type); break;
                case 5: element.NumChildren = r.ReadI32(type); break;
                case 6: element.ConvertedType = (ConvertedType)r.ReadI32(type); break;
                case 7: element.Scale = r.ReadI32(type); break;
                case 8: element.Precision = r.ReadI32(type); break;
                case 9: element.FieldId = r.ReadI32(type); break;
                case 10:
                    if (type != ThriftType.Struct)
                    {
                        r.Skip(type);
                        break;
                    }

                    element.LogicalType = ReadLogicalType(r);
                    break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return element;
    }

    private static LogicalTypeInfo? ReadLogicalType(ThriftCompactReader r)
    {
        LogicalTypeInfo? result = null;
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            if (type != ThriftType.Struct)
            {
                r.Skip(type);
                continue;
            }

            var info = new LogicalTypeInfo { Kind = id };
            r.StructBegin();
            while (r.ReadFieldHeader(out var fid, out var ftype))
            {
                switch (id, fid)
                {
                    case (LogicalTypeInfo.Decimal, 1): info.Scale = r.ReadI32(ftype); break;
                    case (LogicalTypeInfo.Decimal, 2): info.Precision = r.ReadI32(ftype); break;
                    case (LogicalTypeInfo.Time or LogicalTypeInfo.Timestamp, 1): info.IsAdjustedToUtc = r.ReadBool(ftype); break;
                    case (LogicalTypeInfo.Time or LogicalTypeInfo.Timestamp, 2):
                        info.TimeUnit = ReadUnionMember(r, ftype);
                        break;
                    case (LogicalTypeInfo.Integer, 1): info.BitWidth = r.ReadI32(ftype); break;
                    case (LogicalTypeInfo.Integer, 2): info.IsSigned = r.ReadBool(ftype); break;
                    default: r.Skip(ftype); break;
                }
            }

            r.StructEnd();
            result = info;
        }

        r.StructEnd();
        return result;
    }

    /// <summary>Reads a union of empty structs and returns which member was set.</summary>
    private static int ReadUnionMember(ThriftCompactReader r, byte type)
    {
        if (type != ThriftType.Struct)
        {
            r.Skip(type);
            return 0;
        }

        var member = 0;
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var memberType))
        {
            member = id;
            r.Skip(memberType);
        }

        r.StructEnd();
        return member;
    }

    private static KeyValue ReadKeyValue(ThriftCompactReader r)
    {
        var kv = new KeyValue();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: kv.Key = r.ReadString(type); break;
                case 2: kv.Value = r.ReadString(type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return kv;
    }

    private static RowGroup ReadRowGroup(ThriftCompactReader r)
    {
        var rowGroup = new RowGroup();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            ExpectStruct(elementType, "columns");
                            rowGroup.Columns.Add(ReadColumnChunk(r));
                        }

                        break;
                    }

                case 2: rowGroup.TotalByteSize = r.ReadI64(type); break;
                case 3: rowGroup.NumRows = r.ReadI64(type); break;
                case 5: rowGroup.FileOffset = r.ReadI64(type); break;
                case 6: rowGroup.TotalCompressedSize = r.ReadI64(type); break;
                case 7: rowGroup.Ordinal = (short)r.ReadI32(type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return rowGroup;
    }

    private static ColumnChunk ReadColumnChunk(ThriftCompactReader r)
    {
        var chunk = new ColumnChunk();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: chunk.FilePath = r.ReadString(type); break;
                case 2: chunk.FileOffset = r.ReadI64(type); break;
                case 3:
                    if (type != ThriftType.Struct)
                    {
                        throw new ThriftFormatException($"ColumnChunk.meta_data has Thrift type {type}, expected a struct");
                    }

                    chunk.MetaData = ReadColumnMetaData(r);
                    break;
                case 8:
                case 9:
                    chunk.IsEncrypted = true;
                    r.Skip(type);
                    break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return chunk;
    }

    private static ColumnMetaData ReadColumnMetaData(ThriftCompactReader r)
    {
        var meta = new ColumnMetaData();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: meta.Type = (PhysicalType)r.ReadI32(type); break;
                case 2:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            meta.Encodings.Add((Encoding)r.ReadListI32(elementType));
                        }

                        break;
                    }

                case 3:
                    {
                        var count = r.ReadListHeader(type, out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            meta.PathInSchema.Add(r.ReadListString(elementType));
                        }

                        break;
                    }

                case 4: meta.Codec = (CompressionCodec)r.ReadI32(type); break;
                case 5: meta.NumValues = r.ReadI64(type); break;
                case 6: meta.TotalUncompressedSize = r.ReadI64(type); break;
                case 7: meta.TotalCompressedSize = r.ReadI64(type); break;
                case 9: meta.DataPageOffset = r.ReadI64(type); break;
                case 10: meta.IndexPageOffset = r.ReadI64(type); break;
                case 11: meta.DictionaryPageOffset = r.ReadI64(type); break;
                case 12: meta.Statistics = ReadStatistics(r, type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return meta;
    }

    private static Statistics? ReadStatistics(ThriftCompactReader r, byte type)
    {
        if (type != ThriftType.Struct)
        {
            r.Skip(type);
            return null;
        }

        var stats = new Statistics();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1: stats.Max = r.ReadBinary(fieldType); break;
                case 2: stats.Min = r.ReadBinary(fieldType); break;
                case 3: stats.NullCount = r.ReadI64(fieldType); break;
                case 4: stats.DistinctCount = r.ReadI64(fieldType); break;
                case 5: stats.MaxValue = r.ReadBinary(fieldType); break;
                case 6: stats.MinValue = r.ReadBinary(fieldType); break;
                default: r.Skip(fieldType); break;
            }
        }

        r.StructEnd();
        return stats;
    }

    private static DataPageHeader ReadDataPageHeader(ThriftCompactReader r)
    {
        var header = new DataPageHeader();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: header.NumValues = r.ReadI32(type); break;
                case 2: header.Encoding = (Encoding)r.ReadI32(type); break;
                case 3: header.DefinitionLevelEncoding = (Encoding)r.ReadI32(type); break;
                case 4: header.RepetitionLevelEncoding = (Encoding)r.ReadI32(type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return header;
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ThriftCompactReader r)
    {
        var header = new DataPageHeaderV2();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: header.NumValues = r.ReadI32(type); break;
                case 2: header.NumNulls = r.ReadI32(type); break;
                case 3: header.NumRows = r.ReadI32(type); break;
                case 4: header.Encoding = (Encoding)r.ReadI32(type); break;
                case 5: header.DefinitionLevelsByteLength = r.ReadI32(type); break;
                case 6: header.RepetitionLevelsByteLength = r.ReadI32(type); break;
                case 7: header.IsCompressed = r.ReadBool(type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return header;
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ThriftCompactReader r)
    {
        var header = new DictionaryPageHeader();
        r.StructBegin();
        while (r.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: header.NumValues = r.ReadI32(type); break;
                case 2: header.Encoding = (Encoding)r.ReadI32(type); break;
                default: r.Skip(type); break;
            }
        }

        r.StructEnd();
        return header;
    }
}
