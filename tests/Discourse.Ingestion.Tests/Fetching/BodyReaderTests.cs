using System.IO.Compression;
using System.Net;
using Discourse.Ingestion.Fetching;

namespace Discourse.Ingestion.Tests.Fetching;

public sealed class BodyReaderTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_bodies_are_decoded(string encoding)
    {
        var text = "<p>" + new string('a', 5000) + "</p>";
        using var response = Response(Compress(System.Text.Encoding.UTF8.GetBytes(text), encoding), encoding);
        var body = await BodyReader.ReadAsync(response, 1 << 20, CancellationToken.None);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_decompression_bomb_stops_at_the_limit(string encoding)
    {
        var bomb = Compress(new byte[50 * 1024 * 1024], encoding);
        Assert.True(bomb.Length < 200 * 1024);
        using var response = Response(bomb, encoding);
        var ex = await Assert.ThrowsAsync<BodyRejectedException>(() => BodyReader.ReadAsync(response, 1 << 20, CancellationToken.None));
        Assert.Contains("after decompression", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        using var response = Response(new byte[2048], null);
        var ex = await Assert.ThrowsAsync<BodyRejectedException>(() => BodyReader.ReadAsync(response, 1024, CancellationToken.None));
        Assert.Contains("2048 bytes exceeds the limit of 1024", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_encodings_are_refused()
    {
        using var response = Response([1, 2, 3], "zstd");
        await Assert.ThrowsAsync<BodyRejectedException>(() => BodyReader.ReadAsync(response, 1024, CancellationToken.None));
    }

    private static HttpResponseMessage Response(byte[] body, string? encoding)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        if (encoding is not null)
        {
            response.Content.Headers.ContentEncoding.Add(encoding);
        }

        return response;
    }

    internal static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            _ => new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
