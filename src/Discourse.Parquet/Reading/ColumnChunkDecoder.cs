using System.Buffers.Binary;
using System.IO.Hashing;
using Discourse.Parquet.Compression;
using Discourse.Parquet.Encodings;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Reading;

/// <summary>The column chunk's pages run past its stated size (a retry with the bytes up to the footer may succeed).</summary>
internal sealed class ChunkTooShortException(string message) : IOException(message);

/// <summary>The levels and (non-null) values of one column chunk.</summary>
internal sealed class DecodedColumn
{
    public int[] DefinitionLevels { get; set; } = [];

    public int[] RepetitionLevels { get; set; } = [];

    public int LevelCount { get; set; }

    public object[] Values { get; set; } = [];

    public int ValueCount { get; set; }
}

/// <summary>
/// Decodes every page of one column chunk: page headers, optional CRC check, decompression, levels (RLE or the old
/// BIT_PACKED) and values in PLAIN, dictionary, RLE (booleans), DELTA_* and BYTE_STREAM_SPLIT encodings.
/// </summary>
internal static class ColumnChunkDecoder
{
    /// <summary>Pages claiming more values than this are treated as corrupt rather than allocated.</summary>
    private const int MaxValuesPerPage = 1 << 26;

    public static DecodedColumn Decode(byte[] data, int start, int end, ColumnMetaData meta, LeafColumn leaf, bool verifyCrc)
    {
        if (meta.NumValues < 0 || meta.NumValues > int.MaxValue / 2)
        {
            throw new InvalidDataException($"column chunk claims {meta.NumValues} values");
        }

        var expected = (int)meta.NumValues;
        var result = new DecodedColumn
        {
            DefinitionLevels = leaf.MaxDefinitionLevel > 0 ? new int[Math.Min(expected, 1 << 20)] : [],
            RepetitionLevels = leaf.MaxRepetitionLevel > 0 ? new int[Math.Min(expected, 1 << 20)] : [],
            Values = new object[Math.Min(expected, 1 << 20)],
        };
        object[]? dictionary = null;
        var pos = start;
        var pageIndex = 0;
        while (result.LevelCount < expected)
        {
            if (pos >= end)
            {
                throw new ChunkTooShortException($"the column chunk ends after {result.LevelCount} of its {expected} values");
            }

            PageHeader header;
            int headerLength;
            try
            {
                header = MetadataReader.ReadPageHeader(data, pos, end, out headerLength);
            }
            catch (Thrift.ThriftFormatException e) when (e.Message.StartsWith("unexpected end", StringComparison.Ordinal))
            {
                throw new ChunkTooShortException($"page {pageIndex} header runs past the end of the column chunk");
            }

            var bodyStart = pos + headerLength;
            if (header.CompressedPageSize > end - bodyStart)
            {
                throw new ChunkTooShortException($"page {pageIndex} ({header.CompressedPageSize} bytes) runs past the end of the column chunk");
            }

            var body = data.AsSpan(bodyStart, header.CompressedPageSize);
            if (verifyCrc && header.Crc is { } crc && (int)Crc32.HashToUInt32(body) != crc)
            {
                throw new InvalidDataException($"page {pageIndex} fails its CRC32 check (stored {(uint)crc:x8}, computed {Crc32.HashToUInt32(body):x8})");
            }

            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    {
                        var dictionaryHeader = header.DictionaryPage ?? throw new InvalidDataException($"dictionary page {pageIndex} has no dictionary_page_header");
                        if (dictionaryHeader.NumValues < 0 || dictionaryHeader.NumValues > MaxValuesPerPage)
                        {
                            throw new InvalidDataException($"dictionary page {pageIndex} claims {dictionaryHeader.NumValues} values");
                        }

                        if (dictionaryHeader.Encoding is not (Format.Encoding.Plain or Format.Encoding.PlainDictionary))
                        {
                            throw new NotSupportedException($"dictionary page encoding {dictionaryHeader.Encoding} is not supported");
                        }

                        var bytes = PageCompression.Decompress(meta.Codec, body, header.UncompressedPageSize);
                        dictionary = new object[dictionaryHeader.NumValues];
                        var consumed = DecodePlain(bytes, leaf, dictionary, dictionaryHeader.NumValues);
                        if (consumed > bytes.Length)
                        {
                            throw new InvalidDataException("dictionary page values run past the page");
                        }

                        break;
                    }

                case PageType.DataPage:
                    {
                        var pageHeader = header.DataPage ?? throw new InvalidDataException($"data page {pageIndex} has no data_page_header");
                        CheckCount(pageHeader.NumValues, pageIndex, expected - result.LevelCount);
                        var bytes = PageCompression.Decompress(meta.Codec, body, header.UncompressedPageSize);
                        var offset = 0;
                        Reserve(result, leaf, pageHeader.NumValues);
                        if (leaf.MaxRepetitionLevel > 0)
                        {
                            offset += ReadLevelsV1(bytes.AsSpan(offset), pageHeader.RepetitionLevelEncoding, leaf.MaxRepetitionLevel, result.RepetitionLevels.AsSpan(result.LevelCount, pageHeader.NumValues));
                        }

                        if (leaf.MaxDefinitionLevel > 0)
                        {
                            offset += ReadLevelsV1(bytes.AsSpan(offset), pageHeader.DefinitionLevelEncoding, leaf.MaxDefinitionLevel, result.DefinitionLevels.AsSpan(result.LevelCount, pageHeader.NumValues));
                        }

                        var nonNull = CountNonNull(result, leaf, pageHeader.NumValues);
                        DecodeValues(bytes.AsSpan(offset), pageHeader.Encoding, leaf, dictionary, result, nonNull);
                        result.LevelCount += pageHeader.NumValues;
                        break;
                    }

                case PageType.DataPageV2:
                    {
                        var pageHeader = header.DataPageV2 ?? throw new InvalidDataException($"data page {pageIndex} has no data_page_header_v2");
                        CheckCount(pageHeader.NumValues, pageIndex, expected - result.LevelCount);
                        var levelBytes = (long)pageHeader.RepetitionLevelsByteLength + pageHeader.DefinitionLevelsByteLength;
                        if (pageHeader.RepetitionLevelsByteLength < 0 || pageHeader.DefinitionLevelsByteLength < 0 || levelBytes > body.Length)
                        {
                            throw new InvalidDataException($"data page {pageIndex} level lengths exceed the page");
                        }

                        Reserve(result, leaf, pageHeader.NumValues);
                        var rep = body[..pageHeader.RepetitionLevelsByteLength];
                        var def = body.Slice(pageHeader.RepetitionLevelsByteLength, pageHeader.DefinitionLevelsByteLength);
                        if (leaf.MaxRepetitionLevel > 0)
                        {
                            RleBitPackedDecoder.Decode(rep, RleBitPackedEncoder.BitWidth(leaf.MaxRepetitionLevel), result.RepetitionLevels.AsSpan(result.LevelCount, pageHeader.NumValues));
                        }

                        if (leaf.MaxDefinitionLevel > 0)
                        {
                            RleBitPackedDecoder.Decode(def, RleBitPackedEncoder.BitWidth(leaf.MaxDefinitionLevel), result.DefinitionLevels.AsSpan(result.LevelCount, pageHeader.NumValues));
                        }

                        var valuesCompressed = body[(int)levelBytes..];
                        var uncompressedValues = header.UncompressedPageSize - (int)levelBytes;
                        if (uncompressedValues < 0)
                        {
                            throw new InvalidDataException($"data page {pageIndex} is smaller than its levels");
                        }

                        // An all-null page may carry no value bytes at all, not even an empty compressed block.
                        var values = !pageHeader.IsCompressed || meta.Codec == CompressionCodec.Uncompressed || (valuesCompressed.Length == 0 && uncompressedValues == 0)
                            ? valuesCompressed.ToArray()
                            : PageCompression.Decompress(meta.Codec, valuesCompressed, uncompressedValues);
                        var nonNull = CountNonNull(result, leaf, pageHeader.NumValues);
                        DecodeValues(values, pageHeader.Encoding, leaf, dictionary, result, nonNull);
                        result.LevelCount += pageHeader.NumValues;
                        break;
                    }

                case PageType.IndexPage:
                    break;
                default:
                    throw new InvalidDataException($"page {pageIndex} has unknown page type {(int)header.Type}");
            }

            pos = bodyStart + header.CompressedPageSize;
            pageIndex++;
        }

        return result;
    }

    private static void CheckCount(int count, int pageIndex, int remaining)
    {
        if (count < 0 || count > MaxValuesPerPage)
        {
            throw new InvalidDataException($"data page {pageIndex} claims {count} values");
        }

        if (count > remaining)
        {
            throw new InvalidDataException($"data page {pageIndex} holds {count} values but the chunk has only {remaining} left of the count in its metadata");
        }
    }

    private static void Reserve(DecodedColumn result, LeafColumn leaf, int count)
    {
        var needed = result.LevelCount + count;
        if (leaf.MaxDefinitionLevel > 0 && result.DefinitionLevels.Length < needed)
        {
            var levels = result.DefinitionLevels;
            Array.Resize(ref levels, Math.Max(needed, levels.Length * 2));
            result.DefinitionLevels = levels;
        }

        if (leaf.MaxRepetitionLevel > 0 && result.RepetitionLevels.Length < needed)
        {
            var levels = result.RepetitionLevels;
            Array.Resize(ref levels, Math.Max(needed, levels.Length * 2));
            result.RepetitionLevels = levels;
        }
    }

    private static int CountNonNull(DecodedColumn result, LeafColumn leaf, int count)
    {
        if (leaf.MaxDefinitionLevel == 0)
        {
            return count;
        }

        var levels = result.DefinitionLevels.AsSpan(result.LevelCount, count);
        var nonNull = 0;
        foreach (var level in levels)
        {
            if (level == leaf.MaxDefinitionLevel)
            {
                nonNull++;
            }
            else if (level > leaf.MaxDefinitionLevel || level < 0)
            {
                throw new InvalidDataException($"definition level {level} exceeds the column's maximum {leaf.MaxDefinitionLevel}");
            }
        }

        return nonNull;
    }

    private static int ReadLevelsV1(ReadOnlySpan<byte> data, Format.Encoding encoding, int maxLevel, Span<int> output)
    {
        var bitWidth = RleBitPackedEncoder.BitWidth(maxLevel);
        switch (encoding)
        {
            case Format.Encoding.Rle:
                {
                    if (data.Length < 4)
                    {
                        throw new InvalidDataException("levels length prefix runs past the page");
                    }

                    var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                    if (length < 0 || length > data.Length - 4)
                    {
                        throw new InvalidDataException($"levels claim {length} bytes; the page has {data.Length - 4} left");
                    }

                    RleBitPackedDecoder.Decode(data.Slice(4, length), bitWidth, output);
                    return 4 + length;
                }

            case Format.Encoding.BitPacked:
                return RleBitPackedDecoder.DecodeLegacyBitPacked(data, bitWidth, output);
            default:
                throw new NotSupportedException($"level encoding {encoding} is not supported");
        }
    }

    private static void DecodeValues(ReadOnlySpan<byte> data, Format.Encoding encoding, LeafColumn leaf, object[]? dictionary, DecodedColumn result, int count)
    {
        if (result.Values.Length < result.ValueCount + count)
        {
            var values = result.Values;
            Array.Resize(ref values, Math.Max(result.ValueCount + count, values.Length * 2));
            result.Values = values;
        }

        var output = result.Values.AsSpan(result.ValueCount, count);
        result.ValueCount += count;
        if (count == 0)
        {
            return;
        }

        switch (encoding)
        {
            case Format.Encoding.Plain:
                {
                    var consumed = DecodePlain(data, leaf, output, count);
                    if (consumed > data.Length)
                    {
                        throw new InvalidDataException("PLAIN values run past the page");
                    }

                    break;
                }

            case Format.Encoding.PlainDictionary:
            case Format.Encoding.RleDictionary:
                {
                    if (dictionary is null)
                    {
                        throw new InvalidDataException("dictionary-encoded page without a dictionary page");
                    }

                    if (data.Length < 1)
                    {
                        throw new InvalidDataException("dictionary-encoded page has no bit width byte");
                    }

                    var indices = new int[count];
                    RleBitPackedDecoder.Decode(data[1..], data[0], indices);
                    for (var i = 0; i < count; i++)
                    {
                        var index = indices[i];
                        if ((uint)index >= (uint)dictionary.Length)
                        {
                            throw new InvalidDataException($"dictionary index {index} is outside the {dictionary.Length}-entry dictionary");
                        }

                        output[i] = dictionary[index];
                    }

                    break;
                }

            case Format.Encoding.Rle when leaf.Physical == PhysicalType.Boolean:
                {
                    if (data.Length < 4)
                    {
                        throw new InvalidDataException("RLE boolean length prefix runs past the page");
                    }

                    var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                    if (length < 0 || length > data.Length - 4)
                    {
                        throw new InvalidDataException($"RLE booleans claim {length} bytes; the page has {data.Length - 4} left");
                    }

                    var bits = new int[count];
                    RleBitPackedDecoder.Decode(data.Slice(4, length), 1, bits);
                    for (var i = 0; i < count; i++)
                    {
                        output[i] = ValueConverter.FromBoolean(bits[i] != 0);
                    }

                    break;
                }

            case Format.Encoding.DeltaBinaryPacked when leaf.Physical is PhysicalType.Int32 or PhysicalType.Int64:
                {
                    var values = new long[count];
                    DeltaDecoders.DecodeBinaryPacked(data, values);
                    for (var i = 0; i < count; i++)
                    {
                        output[i] = leaf.Physical == PhysicalType.Int32
                            ? ValueConverter.FromInt32(leaf, unchecked((int)values[i]))
                            : ValueConverter.FromInt64(leaf, values[i]);
                    }

                    break;
                }

            case Format.Encoding.DeltaLengthByteArray when leaf.Physical == PhysicalType.ByteArray:
                {
                    var values = new byte[count][];
                    DeltaDecoders.DecodeLengthByteArray(data, values);
                    for (var i = 0; i < count; i++)
                    {
                        output[i] = ValueConverter.FromBytes(leaf, values[i]);
                    }

                    break;
                }

            case Format.Encoding.DeltaByteArray when leaf.Physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                {
                    var values = new byte[count][];
                    DeltaDecoders.DecodeByteArray(data, values);
                    for (var i = 0; i < count; i++)
                    {
                        if (leaf.Physical == PhysicalType.FixedLenByteArray && values[i].Length != leaf.TypeLength)
                        {
                            throw new InvalidDataException($"DELTA_BYTE_ARRAY value of {values[i].Length} bytes in a {leaf.TypeLength}-byte column");
                        }

                        output[i] = ValueConverter.FromBytes(leaf, values[i]);
                    }

                    break;
                }

            case Format.Encoding.ByteStreamSplit when leaf.Physical is PhysicalType.Float or PhysicalType.Double or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray:
                {
                    var width = leaf.Physical switch
                    {
                        PhysicalType.Float or PhysicalType.Int32 => 4,
                        PhysicalType.Double or PhysicalType.Int64 => 8,
                        _ => leaf.TypeLength,
                    };
                    if ((long)width * count > data.Length)
                    {
                        throw new InvalidDataException("BYTE_STREAM_SPLIT values run past the page");
                    }

                    // Stream k holds byte k of every value; gather them back into plain little-endian order.
                    var plain = new byte[width * count];
                    for (var i = 0; i < count; i++)
                    {
                        for (var k = 0; k < width; k++)
                        {
                            plain[(i * width) + k] = data[(k * count) + i];
                        }
                    }

                    DecodePlain(plain, leaf, output, count);
                    break;
                }

            default:
                throw new NotSupportedException($"value encoding {encoding} is not supported for {leaf.Physical} columns");
        }
    }

    /// <summary>Decodes <paramref name="count"/> PLAIN values into <paramref name="output"/>; returns the bytes consumed (more than the data means truncated).</summary>
    private static int DecodePlain(ReadOnlySpan<byte> data, LeafColumn leaf, Span<object> output, int count)
    {
        switch (leaf.Physical)
        {
            case PhysicalType.Boolean:
                if ((count + 7) / 8 > data.Length)
                {
                    throw new InvalidDataException("PLAIN booleans run past the page");
                }

                for (var i = 0; i < count; i++)
                {
                    output[i] = ValueConverter.FromBoolean(((data[i >> 3] >> (i & 7)) & 1) != 0);
                }

                return (count + 7) / 8;
            case PhysicalType.Int32:
                Need(data, 4L * count);
                for (var i = 0; i < count; i++)
                {
                    output[i] = ValueConverter.FromInt32(leaf, BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]));
                }

                return 4 * count;
            case PhysicalType.Int64:
                Need(data, 8L * count);
                for (var i = 0; i < count; i++)
                {
                    output[i] = ValueConverter.FromInt64(leaf, BinaryPrimitives.ReadInt64LittleEndian(data[(i * 8)..]));
                }

                return 8 * count;
            case PhysicalType.Int96:
                Need(data, 12L * count);
                for (var i = 0; i < count; i++)
                {
                    output[i] = ValueConverter.FromInt96(data.Slice(i * 12, 12));
                }

                return 12 * count;
            case PhysicalType.Float:
                Need(data, 4L * count);
                for (var i = 0; i < count; i++)
                {
                    output[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                }

                return 4 * count;
            case PhysicalType.Double:
                Need(data, 8L * count);
                for (var i = 0; i < count; i++)
                {
                    output[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
                }

                return 8 * count;
            case PhysicalType.ByteArray:
                {
                    var pos = 0;
                    for (var i = 0; i < count; i++)
                    {
                        if (pos + 4 > data.Length)
                        {
                            throw new InvalidDataException($"PLAIN byte array {i} of {count} runs past the page");
                        }

                        var length = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
                        pos += 4;
                        if (length < 0 || length > data.Length - pos)
                        {
                            throw new InvalidDataException($"PLAIN byte array {i} of {count} claims {length} bytes; {data.Length - pos} remain");
                        }

                        output[i] = ValueConverter.FromBytes(leaf, data.Slice(pos, length));
                        pos += length;
                    }

                    return pos;
                }

            case PhysicalType.FixedLenByteArray:
                {
                    var width = leaf.TypeLength;
                    Need(data, (long)width * count);
                    for (var i = 0; i < count; i++)
                    {
                        output[i] = ValueConverter.FromBytes(leaf, data.Slice(i * width, width));
                    }

                    return width * count;
                }

            default:
                throw new NotSupportedException($"physical type {leaf.Physical} is not supported");
        }
    }

    private static void Need(ReadOnlySpan<byte> data, long bytes)
    {
        if (bytes > data.Length)
        {
            throw new InvalidDataException($"PLAIN values need {bytes} bytes; the page has {data.Length}");
        }
    }
}
