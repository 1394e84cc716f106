namespace Discourse.Ingestion.Extraction;

/// <summary>
/// Main text and metadata of an HTML page (see docs/ingestion-extraction.md for the rules), or of a plain-text or
/// Markdown document.
/// </summary>
public static class HtmlExtractor
{
    /// <summary>Extracts title, main text, date, author, canonical URL, language and links from <paramref name="html"/>.</summary>
    /// <param name="html">The decoded page (see <see cref="HtmlDecoder"/>); malformed markup is repaired as browsers do.</param>
    /// <param name="pageUrl">Where the page came from: resolves relative links and may carry a date in its path.</param>
    public static ExtractedPage Extract(string html, Uri? pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (root, facts) = PageTreeBuilder.Build(html);
        var (paragraphs, preamble) = ContentExtractor.Extract(root);
        var text = string.Join("\n\n", paragraphs);
        var jsonLd = JsonLdFacts.Read(facts.JsonLd);
        var baseUri = Links.BaseFor(facts, pageUrl);
        var canonical = MetadataExtractor.FindCanonical(facts, baseUri);
        var title = MetadataExtractor.FindTitle(facts, jsonLd, canonical is null ? pageUrl : new Uri(canonical));
        var published = MetadataExtractor.FindPublished(facts, jsonLd, pageUrl?.AbsoluteUri, canonical, paragraphs, preamble, root);
        var author = MetadataExtractor.FindAuthor(facts, jsonLd);
        var lang = LanguageOf.Text(title, text);
        return new ExtractedPage(title, text, published, author, canonical, lang, Links.ResolveAll(facts.Hrefs, baseUri));
    }

    /// <summary>
    /// Reads a plain-text or Markdown document: an optional front-matter block (<c>title:</c>, <c>date:</c>,
    /// <c>author:</c>, <c>url:</c>), the first heading or line as the title, blank-line-separated paragraphs.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="location">Where it came from (resolves relative Markdown links).</param>
    public static ExtractedPage ExtractPlainText(string text, Uri? location)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlainTextExtractor.Extract(text, location);
    }
}
