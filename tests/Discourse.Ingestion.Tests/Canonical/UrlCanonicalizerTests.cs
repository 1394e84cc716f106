using Discourse.Ingestion.Canonical;

namespace Discourse.Ingestion.Tests.Canonical;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://WWW.Example.ORG/news/item/?utm_source=x&utm_medium=y#comments", "https://www.example.org/news/item")]
    [InlineData("https://example.org/a?b=2&a=1&fbclid=abc&gclid=def", "https://example.org/a?a=1&b=2")]
    [InlineData("http://example.org:80/", "http://example.org/")]
    [InlineData("https://example.org:8443/x//", "https://example.org:8443/x")]
    [InlineData("https://example.org/x?id=7&yclid=1&mc_cid=2", "https://example.org/x?id=7")]
    public void Canonicalize_removes_tracking_fragments_and_trailing_slashes(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input)));

    [Fact]
    public void DocId_is_the_first_16_hex_digits_of_the_sha256_of_the_canonical_url()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("https://example.org/"u8))[..16];
        Assert.Equal(expected, UrlCanonicalizer.DocId("https://example.org/"));
        Assert.Equal(16, UrlCanonicalizer.DocId("x").Length);
        Assert.NotEqual(UrlCanonicalizer.DocId("https://example.org/a"), UrlCanonicalizer.DocId("https://example.org/b"));
    }

    [Fact]
    public void Variants_of_one_article_get_one_doc_id()
    {
        var ids = new[]
        {
            "https://www.example.org/articles/2016/06/a.html",
            "https://WWW.EXAMPLE.ORG/articles/2016/06/a.html?utm_campaign=feed",
            "https://www.example.org/articles/2016/06/a.html#top",
        }.Select(u => UrlCanonicalizer.DocId(UrlCanonicalizer.Canonicalize(new Uri(u)))).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public void TryCanonicalize_rejects_relative_and_non_http_urls()
    {
        Assert.Null(UrlCanonicalizer.TryCanonicalize("/relative/path"));
        Assert.Null(UrlCanonicalizer.TryCanonicalize("mailto:press@example.org"));
        Assert.Equal("https://example.org/a", UrlCanonicalizer.TryCanonicalize(" https://example.org/a/ "));
    }
}
