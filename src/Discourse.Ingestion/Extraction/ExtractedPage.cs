namespace Discourse.Ingestion.Extraction;

/// <summary>What extraction finds in one page.</summary>
/// <param name="Title">The headline (site-name suffixes removed), or empty when none was found.</param>
/// <param name="Text">The main text, paragraphs separated by <c>"\n\n"</c>; navigation, comments and widgets removed.</param>
/// <param name="Published">Publication time with the page's own offset when it states one (UTC otherwise); null if unknown.</param>
/// <param name="Author">The author or authors as stated, if any.</param>
/// <param name="CanonicalUrl">The absolute <c>rel=canonical</c> (or <c>og:url</c>) URL, if declared.</param>
/// <param name="Lang">Language of the text: <c>en</c>, <c>ru</c> or <c>other</c>.</param>
/// <param name="Links">Absolute http(s) link targets found in the page, in document order without repeats (for crawling).</param>
public sealed record ExtractedPage(
    string Title,
    string Text,
    DateTimeOffset? Published,
    string? Author,
    string? CanonicalUrl,
    string Lang,
    IReadOnlyList<Uri> Links);
