using System.Text.Json;

namespace Discourse.Ingestion.Extraction;

/// <summary>Title, publication date, author and canonical URL from the facts gathered while parsing.</summary>
internal static class MetadataExtractor
{
    private static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "datepublished",
        "article.published", "article_date_original", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
        "publish-date", "publish_date", "publication_date", "date_published", "dc.date.issued", "dcterms.issued",
        "dc.date.created", "dcterms.created", "citation_publication_date", "citation_date", "originalpublicationdate",
        "rnews:datepublished", "cxenseparse:recs:publishtime", "mediator_published_time", "datecreated", "created",
        "dc.date", "dcterms.date", "date", "dc:date", "search_date", "displaydate", "timestamp",
    ];

    private static readonly string[] ModifiedMetaKeys =
    [
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "last-modified",
    ];

    private static readonly string[] AuthorMetaKeys =
    [
        "author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "citation_author",
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " / ", " · ", " • "];

    public static string FindTitle(PageFacts facts, JsonLdFacts jsonLd, Uri? pageUrl)
    {
        var siteName = Meta(facts, "og:site_name") ?? Meta(facts, "application-name");
        var host = pageUrl?.Host;
        var og = Meta(facts, "og:title") ?? Meta(facts, "twitter:title");
        var documentTitle = facts.DocumentTitle;
        var headline = jsonLd.Headline;

        // An <h1> that the title tags confirm is the headline without any site name.
        foreach (var (text, inUnlikely) in facts.Headings)
        {
            if (inUnlikely || text.Length < 3)
            {
                continue;
            }

            var key = Comparable(text);
            if (key.Length == 0)
            {
                continue;
            }

            if (Confirms(og, key) || Confirms(documentTitle, key) || Confirms(headline, key))
            {
                return text;
            }
        }

        foreach (var candidate in (ReadOnlySpan<string?>)[headline, og, documentTitle])
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return StripSiteName(TextTools.Collapse(candidate), siteName, host);
            }
        }

        foreach (var (text, inUnlikely) in facts.Headings)
        {
            if (!inUnlikely && text.Length > 0)
            {
                return text;
            }
        }

        return string.Empty;
    }

    private static bool Confirms(string? title, string headingKey)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var key = Comparable(title);
        return key.Contains(headingKey, StringComparison.Ordinal) && (headingKey.Length >= 15 || headingKey.Length * 2 >= key.Length);
    }

    /// <summary>Lower-case letters and digits with single spaces: what "the same title" means.</summary>
    private static string Comparable(string text)
    {
        var chars = new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0)
                {
                    chars[length++] = ' ';
                }

                chars[length++] = char.ToLowerInvariant(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return new string(chars, 0, length);
    }

    /// <summary>
    /// Removes a site-name part split off by a separator ("Headline | Site", "Site — Headline"): a part that matches
    /// the declared site name or the host name, or else a short (at most three words) end part beside a longer headline.
    /// </summary>
    internal static string StripSiteName(string title, string? siteName, string? host)
    {
        var site = siteName is null ? string.Empty : Comparable(siteName);
        var hostLabel = HostLabel(host);
        foreach (var separator in TitleSeparators)
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var last = title[(index + separator.Length)..].Trim();
            var rest = title[..index].Trim();
            if (IsSiteName(last, site, hostLabel) || (WordCount(last) <= 3 && WordCount(rest) >= 3))
            {
                return StripSiteName(rest, siteName, host);
            }

            var firstIndex = title.IndexOf(separator, StringComparison.Ordinal);
            var first = title[..firstIndex].Trim();
            var afterFirst = title[(firstIndex + separator.Length)..].Trim();
            if (IsSiteName(first, site, hostLabel))
            {
                return StripSiteName(afterFirst, siteName, host);
            }
        }

        return title;
    }

    private static bool IsSiteName(string part, string site, string hostLabel)
    {
        var key = Comparable(part);
        if (key.Length == 0)
        {
            return false;
        }

        if (site.Length > 0 && (key == site || (site.Contains(key, StringComparison.Ordinal) && key.Length * 2 >= site.Length) || (key.Contains(site, StringComparison.Ordinal) && site.Length * 2 >= key.Length)))
        {
            return true;
        }

        return hostLabel.Length >= 3 && key.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(hostLabel, StringComparison.Ordinal) && WordCount(part) <= 4;
    }

    /// <summary>The distinctive label of a host: "nypost" for www.nypost.com, "ria" for ria.ru.</summary>
    private static string HostLabel(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return string.Empty;
        }

        var labels = host.ToLowerInvariant().Split('.');
        return labels.Length >= 2 ? labels[^2] : labels[0];
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// The publication date. Declared publication metadata comes first (JSON-LD, article/OpenGraph and other meta tags,
    /// itemprop), except that when the page visibly dates itself with its declared update day rather than its first
    /// publication day, the visible (updated) date is the one readers see and is taken. Then a date in the URL,
    /// <c>&lt;time datetime&gt;</c>, and visible date strings in date-named elements and in the text around the title.
    /// </summary>
    public static DateTimeOffset? FindPublished(PageFacts facts, JsonLdFacts jsonLd, string? url, string? canonical, IReadOnlyList<string> paragraphs, string preamble, PageNode root)
    {
        var published = DeclaredPublished(facts, jsonLd);
        var modified = MachineDates.Parse(jsonLd.DateModified) ?? FirstMeta(facts, ModifiedMetaKeys) ?? FirstHint(facts, modifiedOnly: true);
        if (published is { } declared)
        {
            if (modified is { } update && update.Date != declared.Date)
            {
                var visible = VisibleDays(facts);
                if (!visible.Contains(update.Date) && !visible.Contains(declared.Date))
                {
                    // Neither is in a date-named element: look for them in the page's text.
                    visible = TextDays(root);
                }

                if (visible.Contains(update.Date) && !visible.Contains(declared.Date))
                {
                    return update;
                }
            }

            return declared;
        }

        if ((MachineDates.FromUrl(canonical) ?? MachineDates.FromUrl(url)) is { } fromUrl)
        {
            return fromUrl;
        }

        if (FirstHint(facts, modifiedOnly: false) is { } fromTime)
        {
            return fromTime;
        }

        DateTimeOffset? firstVisible = null;
        foreach (var hint in facts.DateHints)
        {
            if (!hint.IsMachineValue && hint.Strength > 0 && VisibleDates.Find(hint.Value) is { } visible)
            {
                if (!hint.IsModified)
                {
                    return visible;
                }

                firstVisible ??= visible;
            }
        }

        if (firstVisible is not null)
        {
            return firstVisible;
        }

        if (modified is not null)
        {
            return modified;
        }

        // Datelines open or close the story ("МОСКВА, 4 января 2012 ...", "Posted on June 3, 2019"), or sit just above it.
        if (VisibleDates.FindLast(preamble) is { } abovetext)
        {
            return abovetext;
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            if ((i < 3 || i >= paragraphs.Count - 2) && paragraphs[i].Length < 1000 && VisibleDates.Find(paragraphs[i]) is { } inText)
            {
                return inText;
            }
        }

        return null;
    }

    private static DateTimeOffset? DeclaredPublished(PageFacts facts, JsonLdFacts jsonLd)
    {
        if (MachineDates.Parse(jsonLd.DatePublished) is { } fromJsonLd)
        {
            return fromJsonLd;
        }

        if (FirstMeta(facts, PublishedMetaKeys) is { } fromMeta)
        {
            return fromMeta;
        }

        DateHint? best = null;
        foreach (var hint in facts.DateHints)
        {
            if (hint.IsMachineValue && hint.Strength >= 3 && !hint.IsModified && (best is null || hint.Strength > best.Value.Strength))
            {
                best = hint;
            }
        }

        return best is { } strong ? MachineDates.Parse(strong.Value) : null;
    }

    private static DateTimeOffset? FirstMeta(PageFacts facts, string[] keys)
    {
        foreach (var key in keys)
        {
            if (MachineDates.Parse(Meta(facts, key)) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static DateTimeOffset? FirstHint(PageFacts facts, bool modifiedOnly)
    {
        foreach (var hint in facts.DateHints)
        {
            if (hint.IsMachineValue && hint.Strength > 0 && hint.IsModified == modifiedOnly && MachineDates.Parse(hint.Value) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Calendar days written anywhere in the page's text.</summary>
    private static HashSet<DateTime> TextDays(PageNode root)
    {
        var builder = new System.Text.StringBuilder();
        AppendText(root, builder);
        var days = new HashSet<DateTime>();
        foreach (var match in Discourse.Text.Dates.DateParser.FindAll(builder.ToString()))
        {
            days.Add(match.Value.Date);
        }

        return days;
    }

    private static void AppendText(PageNode node, System.Text.StringBuilder builder)
    {
        foreach (var child in node.Children)
        {
            if (child is string text)
            {
                builder.Append(text);
            }
            else if (child is PageNode element)
            {
                builder.Append('\n');
                AppendText(element, builder);
            }
        }
    }

    /// <summary>Calendar days the page shows or marks up in its visible date elements.</summary>
    private static HashSet<DateTime> VisibleDays(PageFacts facts)
    {
        var days = new HashSet<DateTime>();
        foreach (var hint in facts.DateHints)
        {
            if (hint.Strength <= 0)
            {
                continue;
            }

            var value = hint.IsMachineValue ? MachineDates.Parse(hint.Value) : VisibleDates.Find(hint.Value);
            if (value is { } day)
            {
                days.Add(day.Date);
            }
        }

        return days;
    }

    public static string? FindAuthor(PageFacts facts, JsonLdFacts jsonLd)
    {
        if (!string.IsNullOrWhiteSpace(jsonLd.Author))
        {
            return jsonLd.Author;
        }

        foreach (var key in AuthorMetaKeys)
        {
            var value = Meta(facts, key);
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return CleanAuthor(value);
            }
        }

        foreach (var hint in facts.AuthorHints)
        {
            var cleaned = CleanAuthor(hint);
            if (cleaned is not null)
            {
                return cleaned;
            }
        }

        return null;
    }

    private static string? CleanAuthor(string value)
    {
        var text = TextTools.Collapse(value);
        foreach (var prefix in (ReadOnlySpan<string>)["By ", "by ", "Автор:", "Автор", "Текст:", "Author:"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
            }
        }

        return text.Length is > 1 and <= 100 ? text : null;
    }

    public static string? FindCanonical(PageFacts facts, Uri? baseUri)
    {
        foreach (var href in (ReadOnlySpan<string?>)[facts.CanonicalHref, Meta(facts, "og:url")])
        {
            if (Links.Resolve(href, baseUri) is { } uri)
            {
                return uri.AbsoluteUri;
            }
        }

        return null;
    }

    private static string? Meta(PageFacts facts, string key)
    {
        foreach (var (name, content) in facts.Meta)
        {
            if (name == key && !string.IsNullOrWhiteSpace(content))
            {
                return content;
            }
        }

        return null;
    }
}

/// <summary>Article facts from JSON-LD blocks: the first Article-like object wins, then any object with the field.</summary>
internal sealed record JsonLdFacts(string? Headline, string? DatePublished, string? DateModified, string? Author)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static JsonLdFacts Read(IReadOnlyList<string> blocks)
    {
        string? headline = null, date = null, author = null, modified = null;
        string? anyDate = null, anyHeadline = null;
        foreach (var block in blocks)
        {
            try
            {
                using var document = JsonDocument.Parse(block, Options);
                Visit(document.RootElement, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, ref modified, depth: 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other signals still apply.
            }
        }

        return new JsonLdFacts(headline ?? anyHeadline, date ?? anyDate, modified, author);
    }

    private static void Visit(JsonElement element, ref string? headline, ref string? date, ref string? author, ref string? anyDate, ref string? anyHeadline, ref string? modified, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, ref modified, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var isArticle = element.TryGetProperty("@type", out var type) && IsArticleType(type);
        var published = StringProperty(element, "datePublished") ?? StringProperty(element, "dateCreated");
        if (isArticle || published is not null)
        {
            modified ??= StringProperty(element, "dateModified");
        }

        if (isArticle)
        {
            date ??= published;
            headline ??= StringProperty(element, "headline") ?? StringProperty(element, "name");
            if (author is null && element.TryGetProperty("author", out var authorElement))
            {
                author = Names(authorElement);
            }
        }
        else
        {
            anyDate ??= published;
            anyHeadline ??= StringProperty(element, "headline");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && property.Name is not ("author" or "publisher" or "image"))
            {
                Visit(property.Value, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, ref modified, depth + 1);
            }
        }
    }

    private static bool IsArticleType(JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (IsArticleType(item))
                {
                    return true;
                }
            }

            return false;
        }

        var name = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        return name is not null && (name.EndsWith("Article", StringComparison.Ordinal) || name is "BlogPosting" or "Report" or "LiveBlogPosting" or "SocialMediaPosting" or "Posting" or "PressRelease");
    }

    /// <summary>A string property; JSON-LD is often written from HTML-escaped sources, so entities are decoded.</summary>
    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? System.Net.WebUtility.HtmlDecode(value.GetString()) : null;

    private static string? Names(JsonElement author)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                return author.GetString();
            case JsonValueKind.Object:
                return StringProperty(author, "name");
            case JsonValueKind.Array:
                var names = new List<string>();
                foreach (var item in author.EnumerateArray())
                {
                    if (Names(item) is { Length: > 0 } name)
                    {
                        names.Add(name);
                    }
                }

                return names.Count > 0 ? string.Join(", ", names) : null;
            default:
                return null;
        }
    }
}
