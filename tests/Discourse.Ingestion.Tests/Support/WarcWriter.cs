using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Discourse.Ingestion.Tests.Support;

/// <summary>Writes small WARC 1.1 files for tests, optionally one gzip member per record (as Common Crawl does).</summary>
internal sealed class WarcWriter
{
    private readonly List<byte[]> _records = [];

    public WarcWriter Warcinfo() => Record("warcinfo", null, "application/warc-fields", "software: discourse-tests\r\n"u8.ToArray());

    public WarcWriter Request(string url) =>
        Record("request", url, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {new Uri(url).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(url).Host}\r\n\r\n"));

    public WarcWriter Response(string url, byte[] body, string contentType = "text/html; charset=utf-8", int status = 200, string extraHeaders = "")
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n");
        return Record("response", url, "application/http; msgtype=response", [.. head, .. body]);
    }

    public WarcWriter Record(string type, string? url, string contentType, byte[] block)
    {
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Type: {type}\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n")
            .Append("WARC-Date: 2023-05-04T10:20:30Z\r\n");
        if (url is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $"WARC-Target-URI: {url}\r\n");
        }

        header.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n");
        _records.Add([.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()]);
        return this;
    }

    public byte[] ToBytes(bool gzipPerRecord)
    {
        using var output = new MemoryStream();
        foreach (var record in _records)
        {
            if (gzipPerRecord)
            {
                using var member = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
                member.Write(record);
            }
            else
            {
                output.Write(record);
            }
        }

        return output.ToArray();
    }
}
