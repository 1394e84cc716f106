namespace Discourse.Ingestion.Extraction;

/// <summary>
/// What class and id names say about an element. The name lists follow Mozilla Readability's heuristics, extended
/// with common share/subscribe/cookie widgets; matching is by substring on lower-case names.
/// </summary>
internal static class ClassNames
{
    private static readonly string[] UnlikelyNames =
    [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "share", "cookie", "newsletter", "subscribe", "recommend", "navbar", "topbar", "promo",
    ];

    private static readonly string[] MaybeContentNames = ["and", "article", "body", "column", "content", "main", "shadow"];

    private static readonly string[] NegativeNames =
    [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "tool", "widget", "social", "subscribe", "newsletter", "recommend", "advert", "taboola",
    ];

    private static readonly string[] PositiveNames =
    [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story",
    ];

    private static readonly string[] DateNames = ["date", "time", "publish", "posted", "dateline", "byline", "meta", "info"];

    private static readonly string[] AuthorNames = ["author", "byline", "writer"];

    public static int Weight(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        var lower = name.ToLowerInvariant();
        var weight = 0;
        if (ContainsAny(lower, NegativeNames))
        {
            weight -= 25;
        }

        if (ContainsAny(lower, PositiveNames))
        {
            weight += 25;
        }

        return weight;
    }

    /// <summary>Dialogs and overlays hidden until the reader acts: never the article, whatever the attempt.</summary>
    private static readonly string[] OverlayNames = ["modal", "popup", "lightbox", "cookie", "consent", "gdpr"];

    /// <summary>
    /// A class or id token that names an overlay ("modal-window", "cookie-notice", "login-popup"), on an element not also
    /// named as content; page-level flags such as "enable-lightbox" do not count.
    /// </summary>
    public static bool IsOverlay(string classAndId)
    {
        if (!ContainsAny(classAndId, OverlayNames) || ContainsAny(classAndId, MaybeContentNames))
        {
            return false;
        }

        foreach (var token in classAndId.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OverlayNames)
            {
                if (token.StartsWith(name, StringComparison.Ordinal) ||
                    (token.EndsWith(name, StringComparison.Ordinal) && token.Length > name.Length && token[^(name.Length + 1)] is '-' or '_'))
                {
                    return !token.Contains("enable", StringComparison.Ordinal) && !token.Contains("trigger", StringComparison.Ordinal) && !token.Contains("open", StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    /// <summary>Bare class tokens that declare an element to be the story itself, whatever else its class list says.</summary>
    private static readonly string[] ContentTokens = ["article", "content", "entry", "post", "story", "text"];

    public static bool IsUnlikely(string classAndId) =>
        ContainsAny(classAndId, UnlikelyNames) && !ContainsAny(classAndId, MaybeContentNames) && !HasContentToken(classAndId);

    /// <summary>
    /// Whether one whole class or id token is a content name ("text _reachbanner_"): a substring such as "banner" in a
    /// tracking class beside it does not make the element a sidebar, while "comment-text" stays one token and unlikely.
    /// </summary>
    private static bool HasContentToken(string classAndId)
    {
        foreach (var token in classAndId.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(ContentTokens, token) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDateName(string classAndId) => ContainsAny(classAndId, DateNames);

    public static bool IsAuthorName(string classAndId) => ContainsAny(classAndId, AuthorNames);

    public static bool IsShareLike(string classAndId) =>
        classAndId.Contains("share", StringComparison.Ordinal) || classAndId.Contains("social", StringComparison.Ordinal);

    private static bool ContainsAny(string text, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
