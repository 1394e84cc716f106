namespace Discourse.Ingestion.Extraction;

/// <summary>Resolves hrefs to absolute http(s) URIs.</summary>
internal static class Links
{
    public static Uri? Resolve(string? href, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ||
            trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Uri? uri;
        // "/path" is an absolute file URI to .NET on Unix; only a "scheme:" prefix makes an href absolute.
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (hasScheme && Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file")
        {
            uri = absolute;
        }
        else if (baseUri is not null && !hasScheme && Uri.TryCreate(baseUri, trimmed, out var relative))
        {
            uri = relative;
        }
        else
        {
            return null;
        }

        return uri.Scheme is "http" or "https" || (uri.Scheme == "file" && baseUri?.Scheme == "file") ? uri : null;
    }

    /// <summary>The base for relative links: <c>&lt;base href&gt;</c> resolved against the page URL, else the page URL.</summary>
    public static Uri? BaseFor(PageFacts facts, Uri? pageUrl)
    {
        if (!string.IsNullOrWhiteSpace(facts.BaseHref))
        {
            if (pageUrl is not null && Uri.TryCreate(pageUrl, facts.BaseHref.Trim(), out var resolved))
            {
                return resolved;
            }

            if (Uri.TryCreate(facts.BaseHref.Trim(), UriKind.Absolute, out var absolute))
            {
                return absolute;
            }
        }

        return pageUrl;
    }

    public static IReadOnlyList<Uri> ResolveAll(List<string> hrefs, Uri? baseUri)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<Uri>();
        foreach (var href in hrefs)
        {
            if (Resolve(href, baseUri) is { } uri && seen.Add(uri.AbsoluteUri))
            {
                links.Add(uri);
            }
        }

        return links;
    }
}
