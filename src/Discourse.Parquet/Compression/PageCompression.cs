using System.IO.Compression;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies for the codecs the library supports.</summary>
internal static class PageCompression
{
    public static CompressionCodec ToFormat(ParquetCodec codec) => codec switch
    {
        ParquetCodec.Uncompressed => CompressionCodec.Uncompressed,
        ParquetCodec.Snappy => CompressionCodec.Snappy,
        ParquetCodec.Gzip => CompressionCodec.Gzip,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "unknown codec"),
    };

    /// <summary>Compresses <paramref name="source"/>; the result is either <paramref name="source"/> itself (uncompressed) or a span of <paramref name="scratch"/>.</summary>
    public static ReadOnlySpan<byte> Compress(ParquetCodec codec, ReadOnlySpan<byte> source, ByteBuffer scratch)
    {
        switch (codec)
        {
            case ParquetCodec.Uncompressed:
                return source;
            case ParquetCodec.Snappy:
                {
                    scratch.Clear();
                    var span = scratch.GetSpan(Snappy.MaxCompressedLength(source.Length));
                    var written = Snappy.Compress(source, span);
                    scratch.Advance(written);
                    return scratch.Span;
                }

            case ParquetCodec.Gzip:
                {
                    scratch.Clear();
                    using (var gzip = new GZipStream(new ByteBufferStream(scratch), CompressionLevel.Optimal, leaveOpen: false))
                    {
                        gzip.Write(source);
                    }

                    return scratch.Span;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(codec), codec, "unknown codec");
        }
    }

    /// <summary>Decompresses a page body to exactly <paramref name="uncompressedSize"/> bytes.</summary>
    public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> source, int uncompressedSize)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (source.Length != uncompressedSize)
                {
                    throw new InvalidDataException($"uncompressed page holds {source.Length} bytes but its header says {uncompressedSize}");
                }

                return source.ToArray();
            case CompressionCodec.Snappy:
                {
                    var declared = Snappy.GetUncompressedLength(source);
                    if (declared != uncompressedSize)
                    {
                        throw new InvalidDataException($"snappy data declares {declared} bytes but the page header says {uncompressedSize}");
                    }

                    var output = new byte[uncompressedSize];
                    Snappy.Decompress(source, output);
                    return output;
                }

            case CompressionCodec.Gzip:
                return ReadAll(new GZipStream(new MemoryStream(source.ToArray()), CompressionMode.Decompress), uncompressedSize, "gzip");
            case CompressionCodec.Brotli:
                return ReadAll(new BrotliStream(new MemoryStream(source.ToArray()), CompressionMode.Decompress), uncompressedSize, "brotli");
            case CompressionCodec.Lz4Raw:
                {
                    var output = new byte[uncompressedSize];
                    var written = Lz4Block.Decompress(source, output);
                    if (written != uncompressedSize)
                    {
                        throw new InvalidDataException($"LZ4_RAW data produced {written} bytes but the page header says {uncompressedSize}");
                    }

                    return output;
                }

            case CompressionCodec.Lz4:
                return Lz4Block.DecompressHadoopOrRaw(source, uncompressedSize);
            default:
                throw new NotSupportedException($"compression codec {CodecName(codec)} is not supported (supported: {SupportedCodecNames})");
        }
    }

    public const string SupportedCodecNames = "UNCOMPRESSED, SNAPPY, GZIP, BROTLI, LZ4, LZ4_RAW";

    public static bool IsSupported(CompressionCodec codec) => codec is CompressionCodec.Uncompressed or CompressionCodec.Snappy
        or CompressionCodec.Gzip or CompressionCodec.Brotli or CompressionCodec.Lz4 or CompressionCodec.Lz4Raw;

    public static string CodecName(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => "UNCOMPRESSED",
        CompressionCodec.Snappy => "SNAPPY",
        CompressionCodec.Gzip => "GZIP",
        CompressionCodec.Lzo => "LZO",
        CompressionCodec.Brotli => "BROTLI",
        CompressionCodec.Lz4 => "LZ4",
        CompressionCodec.Zstd => "ZSTD",
        CompressionCodec.Lz4Raw => "LZ4_RAW",
        _ => $"#{(int)codec}",
    };

    private static byte[] ReadAll(Stream stream, int expected, string codec)
    {
        using (stream)
        {
            var output = new byte[expected];
            var total = 0;
            while (total < expected)
            {
                var n = stream.Read(output, total, expected - total);
                if (n == 0)
                {
                    throw new InvalidDataException($"{codec} data produced {total} bytes but the page header says {expected}");
                }

                total += n;
            }

            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) != 0)
            {
                throw new InvalidDataException($"{codec} data produces more than the {expected} bytes the page header says");
            }

            return output;
        }
    }

    /// <summary>A write-only stream appending to a <see cref="ByteBuffer"/> (GZipStream needs a Stream).</summary>
    private sealed class ByteBufferStream(ByteBuffer buffer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => buffer.Length;

        public override long Position
        {
            get => buffer.Length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
    }
}
