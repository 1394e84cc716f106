namespace Discourse.Ingestion.Extraction;

/// <summary>Metadata gathered while the page tree is built: one walk over the DOM serves both.</summary>
internal sealed class PageFacts
{
    public string? DocumentTitle { get; set; }

    public string? HtmlLang { get; set; }

    public string? CanonicalHref { get; set; }

    public string? BaseHref { get; set; }

    /// <summary>&lt;meta&gt; tags: lower-case name/property/itemprop and the content.</summary>
    public List<(string Key, string Content)> Meta { get; } = [];

    public List<string> JsonLd { get; } = [];

    /// <summary>Visible &lt;h1&gt; texts in document order, with whether they sit in an unlikely (navigation-like) region.</summary>
    public List<(string Text, bool InUnlikely)> Headings { get; } = [];

    /// <summary>Date-bearing elements: <c>&lt;time&gt;</c>, itemprop dates and date-named elements, in document order.</summary>
    public List<DateHint> DateHints { get; } = [];

    public List<string> AuthorHints { get; } = [];

    public List<string> Hrefs { get; } = [];
}

/// <summary>A date-looking value found in the markup.</summary>
/// <param name="Value">A machine value (datetime/content attribute) or the element's visible text.</param>
/// <param name="IsMachineValue">True for attribute values meant to be parsed.</param>
/// <param name="Strength">Higher is more likely the publication date (explicit publish markers beat bare times).</param>
/// <param name="Order">Document order.</param>
/// <param name="IsModified">Marked as an update ("dateModified", class "updated", "Updated ...") rather than the first publication.</param>
internal readonly record struct DateHint(string Value, bool IsMachineValue, int Strength, int Order, bool IsModified = false);
