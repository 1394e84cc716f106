using Discourse.Ingestion.Discovery;
using Discourse.Ingestion.Tests.Support;

namespace Discourse.Ingestion.Tests.Discovery;

public sealed class FeedParserTests
{
    [Fact]
    public void Rss_items_come_with_links_and_dates()
    {
        var items = FeedParser.Parse(Corpus.Bytes("mid-press/rss.xml"), new Uri("https://www.mid-press.example/rss.xml"));
        Assert.Equal(15, items.Count);
        Assert.All(items, item => Assert.StartsWith("https://www.mid-press.example/articles/", item.Url.ToString(), StringComparison.Ordinal));
        Assert.All(items, item => Assert.NotNull(item.Published));
        Assert.Equal(15, items.Select(i => i.Url).Distinct().Count());
    }

    [Fact]
    public void Atom_entries_use_the_alternate_link_and_published_date()
    {
        var items = FeedParser.Parse(Corpus.Bytes("newswire-agency/atom.xml"), new Uri("https://www.newswire-agency.example/atom.xml"));
        Assert.Equal(15, items.Count);
        Assert.Equal(new Uri("https://www.newswire-agency.example/articles/2024/08/chinese-carmakers-take-over-half-of-russian-market.html"), items[0].Url);
        Assert.Equal(new DateTimeOffset(2024, 8, 6, 9, 18, 0, TimeSpan.Zero), items[0].Published);
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_and_rfc822_zones_are_read()
    {
        var xml = """
            <rss version="2.0"><channel><link>https://example.org/</link>
            <item><link>news/a.html</link><pubDate>Tue, 21 Jun 2016 10:00:00 +0300</pubDate></item>
            <item><guid>https://example.org/news/b.html</guid><pubDate>Tue, 21 Jun 2016 10:00:00 EST</pubDate></item>
            </channel></rss>
            """u8.ToArray();
        var items = FeedParser.Parse(xml, new Uri("https://example.org/feeds/rss.xml"));
        Assert.Equal(new Uri("https://example.org/feeds/news/a.html"), items[0].Url);
        Assert.Equal(new DateTimeOffset(2016, 6, 21, 7, 0, 0, TimeSpan.Zero), items[0].Published);
        Assert.Equal(new Uri("https://example.org/news/b.html"), items[1].Url);
        Assert.Equal(new DateTimeOffset(2016, 6, 21, 15, 0, 0, TimeSpan.Zero), items[1].Published);
    }

    [Fact]
    public void Malformed_feeds_fail_with_the_position()
    {
        var ex = Assert.Throws<FormatException>(() => FeedParser.Parse("<rss><channel><item>"u8.ToArray(), new Uri("https://example.org/rss.xml")));
        Assert.Contains("https://example.org/rss.xml: malformed feed XML at line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_expansion_is_not_performed()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss><channel><item><link>https://example.org/x</link><title>&b;</title></item></channel></rss>
            """u8.ToArray();
        // Either the DTD is ignored and the entity is undeclared (an error), or the item is read without expansion.
        try
        {
            var items = FeedParser.Parse(xml, new Uri("https://example.org/rss.xml"));
            Assert.Single(items);
        }
        catch (FormatException ex)
        {
            Assert.Contains("malformed feed XML", ex.Message, StringComparison.Ordinal);
        }
    }
}
