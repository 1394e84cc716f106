using System.Text;
using Discourse.Ingestion.Tests.Fetching;
using Discourse.Ingestion.Warc;

namespace Discourse.Ingestion.Tests.Warc;

public sealed class HttpMessageParserTests
{
    [Fact]
    public void Chunked_and_gzip_encoded_payloads_are_decoded()
    {
        var payload = BodyReaderTests.Compress("<p>archived page</p>"u8.ToArray(), "gzip");
        var chunked = new List<byte>();
        chunked.AddRange(Encoding.ASCII.GetBytes($"{payload.Length - 10:x}\r\n"));
        chunked.AddRange(payload[..^10]);
        chunked.AddRange("\r\na\r\n"u8.ToArray());
        chunked.AddRange(payload[^10..]);
        chunked.AddRange("\r\n0\r\n\r\n"u8.ToArray());
        byte[] block = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"u8.ToArray(), .. chunked];
        var response = HttpMessageParser.Parse(block, 1 << 20);
        Assert.Equal("<p>archived page</p>", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("text/html", response.ContentType);
    }

    [Fact]
    public void Payloads_already_decoded_by_the_archiver_are_kept()
    {
        var block = "HTTP/1.0 200 OK\nContent-Encoding: gzip\nTransfer-Encoding: chunked\n\n<p>plain</p>"u8.ToArray();
        var response = HttpMessageParser.Parse(block, 1 << 20);
        Assert.Equal("<p>plain</p>", Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void A_block_that_is_not_an_http_response_is_refused() =>
        Assert.Throws<FormatException>(() => HttpMessageParser.Parse("GET / HTTP/1.1\r\n\r\n"u8.ToArray(), 1024));
}
