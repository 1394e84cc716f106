using System.IO.Compression;
using Discourse.Ingestion.Discovery;
using Discourse.Ingestion.Fetching;
using Discourse.Ingestion.Tests.Support;

namespace Discourse.Ingestion.Tests.Discovery;

public sealed class SitemapParserTests
{
    [Fact]
    public void An_index_lists_its_child_sitemaps()
    {
        var content = SitemapParser.Parse(Corpus.Bytes("newswire-agency/sitemap.xml"), new Uri("https://www.newswire-agency.example/sitemap.xml"), 1 << 20);
        Assert.Empty(content.Pages);
        Assert.Equal(
            [new Uri("https://www.newswire-agency.example/sitemap-articles.xml.gz"), new Uri("https://www.newswire-agency.example/sitemap-pages.xml")],
            content.Sitemaps);
    }

    [Fact]
    public void A_gzip_sitemap_is_unpacked_by_its_magic_bytes()
    {
        var content = SitemapParser.Parse(Corpus.Bytes("newswire-agency/sitemap-articles.xml.gz"), new Uri("https://www.newswire-agency.example/sitemap-articles.xml.gz"), 1 << 20);
        Assert.Equal(24, content.Pages.Count);
        Assert.All(content.Pages, p => Assert.Contains("/articles/", p.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_urlset_lists_its_pages()
    {
        var content = SitemapParser.Parse(Corpus.Bytes("mid-press/sitemap.xml"), new Uri("https://www.mid-press.example/sitemap.xml"), 1 << 20);
        Assert.Equal(27, content.Pages.Count);
        Assert.Equal(24, content.Pages.Count(p => p.AbsolutePath.StartsWith("/articles/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_gzip_bomb_sitemap_stops_at_the_limit()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[8 * 1024 * 1024]);
        }

        Assert.Throws<BodyRejectedException>(() => SitemapParser.Parse(packed.ToArray(), new Uri("https://example.org/s.xml.gz"), 1 << 20));
    }
}
