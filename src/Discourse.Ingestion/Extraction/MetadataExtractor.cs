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

    private static readonly string[] AuthorMetaKeys =
    [
        "author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "citation_author",
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " / ", " · ", " • ", ": "];

    public static string FindTitle(PageFacts facts, JsonLdFacts jsonLd)
    {
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
                return StripSiteName(TextTools.Collapse(candidate));
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

    /// <summary>Removes a site-name part: the longest segment between separators when it carries most of the words.</summary>
    internal static string StripSiteName(string title)
    {
        foreach (var separator in TitleSeparators)
        {
            var parts = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            var longest = parts[0];
            foreach (var part in parts)
            {
                if (part.Length > longest.Length)
                {
                    longest = part;
                }
            }

            // Keep titles whose separator is part of the headline ("Russia - China talks").
            var words = longest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 3 && longest.Length * 10 >= title.Length * 5)
            {
                if (separator == ": " && !ReferenceEquals(longest, parts[^1]) && parts.Length == 2)
                {
                    // "Topic: headline" keeps the whole; "Headline: Site" loses the site.
                    return parts[0].Length >= parts[1].Length ? parts[0] : title;
                }

                return longest;
            }
        }

        return title;
    }

    public static DateTimeOffset? FindPublished(PageFacts facts, JsonLdFacts jsonLd, string? url, string? canonical)
    {
        if (MachineDates.Parse(jsonLd.DatePublished) is { } fromJsonLd)
        {
            return fromJsonLd;
        }

        foreach (var key in PublishedMetaKeys)
        {
            if (MachineDates.Parse(Meta(facts, key)) is { } fromMeta)
            {
                return fromMeta;
            }
        }

        DateHint? best = null;
        foreach (var hint in facts.DateHints)
        {
            if (hint.IsMachineValue && hint.Strength >= 3 && (best is null || hint.Strength > best.Value.Strength))
            {
                best = hint;
            }
        }

        if (best is { } strong && MachineDates.Parse(strong.Value) is { } fromMarkup)
        {
            return fromMarkup;
        }

        if ((MachineDates.FromUrl(canonical) ?? MachineDates.FromUrl(url)) is { } fromUrl)
        {
            return fromUrl;
        }

        foreach (var hint in facts.DateHints)
        {
            if (hint.IsMachineValue && hint.Strength > 0 && MachineDates.Parse(hint.Value) is { } fromTime)
            {
                return fromTime;
            }
        }

        foreach (var hint in facts.DateHints)
        {
            if (!hint.IsMachineValue && VisibleDates.Find(hint.Value) is { } visible)
            {
                return visible;
            }
        }

        return null;
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
internal sealed record JsonLdFacts(string? Headline, string? DatePublished, string? Author)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static JsonLdFacts Read(IReadOnlyList<string> blocks)
    {
        string? headline = null, date = null, author = null;
        string? anyDate = null, anyHeadline = null;
        foreach (var block in blocks)
        {
            try
            {
                using var document = JsonDocument.Parse(block, Options);
                Visit(document.RootElement, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, depth: 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other signals still apply.
            }
        }

        return new JsonLdFacts(headline ?? anyHeadline, date ?? anyDate, author);
    }

    private static void Visit(JsonElement element, ref string? headline, ref string? date, ref string? author, ref string? anyDate, ref string? anyHeadline, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var isArticle = element.TryGetProperty("@type", out var type) && IsArticleType(type);
        var published = StringProperty(element, "datePublished") ?? StringProperty(element, "dateCreated");
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
                Visit(property.Value, ref headline, ref date, ref author, ref anyDate, ref anyHeadline, depth + 1);
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

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
