using System.Buffers.Binary;

namespace Discourse.Parquet.Tests;

/// <summary>Damaged files must end in a ParquetFormatException naming the file — never another exception, a hang or a crash.</summary>
public sealed class ParquetFileReaderCorruptionTests
{
    private static byte[] SampleFile(ParquetCodec codec = ParquetCodec.Snappy)
    {
        var schema = new ParquetSchemaBuilder()
            .String("id")
            .String("title", optional: true)
            .Int64("n", optional: true)
            .Double("score")
            .Boolean("flag")
            .Timestamp("at", optional: true)
            .List("tags", ParquetElementType.String, optional: true, elementOptional: true)
            .Build();
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, new ParquetWriteOptions { Codec = codec, PageBytes = 512, RowGroupBytes = 4096 }))
        {
            for (var i = 0; i < 300; i++)
            {
                writer.WriteRow([
                    $"id-{i}", i % 4 == 0 ? null : $"Заголовок {i % 17}", i % 3 == 0 ? null : (long)i * i, i / 3.0, i % 2 == 0,
                    i % 5 == 0 ? null : DateTimeOffset.UnixEpoch.AddDays(i), i % 6 == 0 ? null : new[] { "a", null, $"t{i % 9}" }]);
            }

            writer.Complete();
        }

        return stream.ToArray();
    }

    /// <summary>Opens, reads every row and verifies; returns the exception, if any.</summary>
    private static Exception? ReadEverything(byte[] bytes, string name)
    {
        var task = Task.Run(() =>
        {
            try
            {
                using var reader = ParquetFileReader.Open(new MemoryStream(bytes), name);
                foreach (var row in reader.ReadRows())
                {
                    GC.KeepAlive(row);
                }

                reader.Verify();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        Assert.True(task.Wait(TimeSpan.FromMinutes(1)), $"{name}: reading did not finish (hang)");
        return task.Result;
    }

    private static void AssertCleanFailureOrSuccess(byte[] bytes, string name)
    {
        var error = ReadEverything(bytes, name);
        if (error is not null)
        {
            var format = Assert.IsType<ParquetFormatException>(error, exactMatch: true);
            Assert.StartsWith(name + ":", format.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_truncation_fails_cleanly()
    {
        var file = SampleFile();
        for (var length = 0; length < file.Length; length += length < 64 || length > file.Length - 2048 ? 1 : 97)
        {
            var error = ReadEverything(file[..length], $"truncated-{length}");
            var format = Assert.IsType<ParquetFormatException>(error, exactMatch: true);
            Assert.Contains($"truncated-{length}", format.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy, 1)]
    [InlineData(ParquetCodec.Gzip, 2)]
    [InlineData(ParquetCodec.Uncompressed, 3)]
    public void Random_byte_damage_is_read_or_rejected_cleanly(ParquetCodec codec, int seed)
    {
        var file = SampleFile(codec);
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            var damaged = (byte[])file.Clone();
            var flips = 1 + random.Next(4);
            for (var k = 0; k < flips; k++)
            {
                // Half the damage lands in the footer, where a single byte changes the most structure.
                var footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
                var position = random.Next(2) == 0 ? file.Length - 8 - footerLength + random.Next(footerLength) : random.Next(file.Length);
                damaged[position] = (byte)random.Next(256);
            }

            AssertCleanFailureOrSuccess(damaged, $"damaged-{seed}-{round}");
        }
    }

    [Fact]
    public void Damaged_page_data_fails_the_CRC_check()
    {
        var file = SampleFile(ParquetCodec.Uncompressed);
        // Byte 40 lies inside the first page of the first column (its header is shorter than 36 bytes).
        file[40] ^= 0x55;
        using var reader = ParquetFileReader.Open(new MemoryStream(file), "crc-test");
        var error = Assert.Throws<ParquetFormatException>(reader.Verify);
        Assert.Contains("CRC32", error.Message, StringComparison.Ordinal);
        Assert.Equal("id", error.Column);
    }

    [Theory]
    [InlineData("not parquet at all, just text that is long enough")]
    [InlineData("PAR1")]
    [InlineData("")]
    public void Non_parquet_input_is_rejected_with_the_reason(string content)
    {
        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), "input.parquet"));
        Assert.Equal("input.parquet", error.File);
        Assert.Null(error.Column);
        Assert.Matches("too short|magic", error.Reason);
    }

    [Fact]
    public void An_impossible_footer_length_is_rejected()
    {
        var file = SampleFile();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), file.Length);
        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(new MemoryStream(file), "long-footer.parquet"));
        Assert.Contains("footer length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_footer_is_named_as_unsupported()
    {
        var file = SampleFile();
        "PARE"u8.CopyTo(file.AsSpan(file.Length - 4));
        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(new MemoryStream(file), "secret.parquet"));
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }
}
