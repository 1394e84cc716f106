using System.IO.Compression;
using Discourse.Ingestion.Tests.Support;
using Discourse.Ingestion.Warc;

namespace Discourse.Ingestion.Tests.Warc;

public sealed class WarcReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_every_record_of_plain_and_multi_member_gzip_files(bool gzip)
    {
        var bytes = new WarcWriter()
            .Warcinfo()
            .Request("https://example.org/a")
            .Response("https://example.org/a", "<p>Привет</p>"u8.ToArray())
            .Response("https://example.org/b", "<p>two</p>"u8.ToArray())
            .ToBytes(gzip);
        Stream stream = new MemoryStream(bytes);
        if (gzip)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        var reader = new WarcReader(stream, "test.warc");
        var records = new List<WarcRecord>();
        while (reader.Next(1 << 20) is { } record)
        {
            records.Add(record);
        }

        Assert.Equal(["warcinfo", "request", "response", "response"], records.Select(r => r.Type));
        Assert.Equal("WARC/1.1", records[0].Version);
        Assert.Equal("https://example.org/b", records[3].Headers["warc-target-uri"]);
        var response = HttpMessageParser.Parse(records[2].Block!, 1 << 20);
        Assert.Equal(200, response.Status);
        Assert.Equal("<p>Привет</p>", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void Blocks_over_the_limit_are_skipped_and_reading_continues()
    {
        var bytes = new WarcWriter()
            .Response("https://example.org/big", new byte[5000])
            .Response("https://example.org/small", "<p>s</p>"u8.ToArray())
            .ToBytes(gzipPerRecord: false);
        var reader = new WarcReader(new MemoryStream(bytes), "test.warc");
        var big = reader.Next(1000)!;
        Assert.Null(big.Block);
        Assert.True(big.ContentLength > 5000);
        Assert.Equal("https://example.org/small", reader.Next(1000)!.Headers["WARC-Target-URI"]);
        Assert.Null(reader.Next(1000));
    }

    [Fact]
    public void A_truncated_record_names_the_file_and_offset()
    {
        var bytes = new WarcWriter().Response("https://example.org/a", new byte[100]).ToBytes(gzipPerRecord: false);
        var reader = new WarcReader(new MemoryStream(bytes[..^60]), "cut.warc");
        var ex = Assert.Throws<WarcFormatException>(() => reader.Next(1 << 20));
        Assert.Contains("cut.warc: record at offset 0 is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_warc_is_refused()
    {
        var reader = new WarcReader(new MemoryStream("<html>not a warc</html>\r\n"u8.ToArray()), "page.html");
        var ex = Assert.Throws<WarcFormatException>(() => reader.Next(1 << 20));
        Assert.Contains("expected a 'WARC/1.0' or 'WARC/1.1' line at offset 0", ex.Message, StringComparison.Ordinal);
    }
}
