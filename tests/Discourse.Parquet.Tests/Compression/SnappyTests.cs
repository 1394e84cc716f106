using Discourse.Parquet.Compression;

namespace Discourse.Parquet.Tests.Compression;

public sealed class SnappyTests
{
    public static TheoryData<string, int> Inputs() => new()
    {
        { "empty", 0 }, { "tiny", 3 }, { "margin", 15 }, { "random", 5_000 }, { "random", 200_000 },
        { "text", 70_000 }, { "text", 1_000_000 }, { "runs", 300_000 }, { "period3", 100_000 },
    };

    private static byte[] Make(string kind, int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        switch (kind)
        {
            case "text":
                var words = new[] { "суверенитет ", "peace ", "мир ", "the ", "statement ", "Министерство ", "of ", "foreign " };
                var text = new System.Text.StringBuilder();
                var bytes = 0;
                while (bytes < length)
                {
                    var word = words[random.Next(words.Length)];
                    text.Append(word);
                    bytes += System.Text.Encoding.UTF8.GetByteCount(word);
                }

                System.Text.Encoding.UTF8.GetBytes(text.ToString()).AsSpan(0, length).CopyTo(data);
                break;
            case "runs":
                for (var i = 0; i < length; i++)
                {
                    data[i] = (byte)(i / 1000);
                }

                break;
            case "period3":
                for (var i = 0; i < length; i++)
                {
                    data[i] = (byte)(i % 3);
                }

                break;
            default:
                random.NextBytes(data);
                break;
        }

        return data;
    }

    private static byte[] Compress(byte[] data)
    {
        var output = new byte[Snappy.MaxCompressedLength(data.Length)];
        return output[..Snappy.Compress(data, output)];
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Our_output_decompresses_with_ours_and_with_IronSnappy(string kind, int length)
    {
        var data = Make(kind, length);
        var compressed = Compress(data);

        var back = new byte[Snappy.GetUncompressedLength(compressed)];
        Snappy.Decompress(compressed, back);
        Assert.Equal(data, back);
        Assert.Equal(data, IronSnappy.Snappy.Decode(compressed));
        if (kind is "text" or "runs" or "period3")
        {
            Assert.True(compressed.Length < data.Length / 2, $"{kind}: {compressed.Length} bytes from {data.Length}");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void IronSnappy_output_decompresses_with_ours(string kind, int length)
    {
        var data = Make(kind, length);
        var compressed = IronSnappy.Snappy.Encode(data);
        var back = new byte[Snappy.GetUncompressedLength(compressed)];
        Snappy.Decompress(compressed, back);
        Assert.Equal(data, back);
    }

    [Fact]
    public void Corrupt_input_raises_InvalidDataException()
    {
        var compressed = Compress(Make("text", 10_000));
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var damaged = (byte[])compressed.Clone();
            damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            var cut = damaged[..random.Next(1, damaged.Length)];
            foreach (var input in new[] { damaged, cut })
            {
                try
                {
                    var output = new byte[Math.Min(Snappy.GetUncompressedLength(input), 1 << 20)];
                    Snappy.Decompress(input, output);
                }
                catch (InvalidDataException)
                {
                    // Expected for most damage; a surviving stream just decodes to other bytes.
                }
            }
        }
    }
}
