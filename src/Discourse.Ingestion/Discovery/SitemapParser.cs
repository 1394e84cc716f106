using System.Xml;

namespace Discourse.Ingestion.Discovery;

/// <summary>What one sitemap file holds: page URLs (a urlset) or further sitemaps (a sitemap index).</summary>
/// <param name="Pages">The <c>&lt;url&gt;&lt;loc&gt;</c> entries.</param>
/// <param name="Sitemaps">The <c>&lt;sitemap&gt;&lt;loc&gt;</c> entries of an index.</param>
internal sealed record SitemapContent(IReadOnlyList<Uri> Pages, IReadOnlyList<Uri> Sitemaps);

/// <summary>Reads sitemaps.org XML: urlset and sitemapindex, plain or gzip-compressed (by content, not by name).</summary>
internal static class SitemapParser
{
    /// <summary>Parses a sitemap body (gunzipped first when it starts with the gzip magic bytes).</summary>
    public static SitemapContent Parse(byte[] body, Uri sitemapUrl, long maxBytes)
    {
        if (body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b)
        {
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
            try
            {
                body = Fetching.BodyReader.ReadLimitedAsync(gzip, -1, maxBytes, decompressed: true, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (InvalidDataException ex)
            {
                throw new FormatException($"{sitemapUrl}: corrupt gzip sitemap: {ex.Message}", ex);
            }
        }

        var pages = new List<Uri>();
        var sitemaps = new List<Uri>();
        using var reader = XmlSafety.CreateReader(body);
        try
        {
            var inSitemap = false;
            // ReadElementContentAsString leaves the reader on the next node already; it must not be skipped.
            var positioned = false;
            while (positioned || reader.Read())
            {
                positioned = false;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "sitemap":
                        inSitemap = true;
                        break;
                    case "url":
                        inSitemap = false;
                        break;
                    case "loc":
                        var text = reader.ReadElementContentAsString().Trim();
                        positioned = true;
                        if (Uri.TryCreate(sitemapUrl, text, out var loc))
                        {
                            (inSitemap ? sitemaps : pages).Add(loc);
                        }

                        break;
                    default:
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new FormatException($"{sitemapUrl}: malformed sitemap XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}", ex);
        }

        return new SitemapContent(pages, sitemaps);
    }
}
