namespace Discourse.Ingestion.Extraction;

/// <summary>
/// Short paragraphs that close an article in most templates: "Related", "See also", "Comments", "Читайте также",
/// "Комментарии", a copyright line. Once the article has some text, such a paragraph ends it: what follows is the
/// page's lists and discussion, not the story.
/// </summary>
internal static class ArticleEnd
{
    /// <summary>Only paragraphs this short can be a closing heading or a promo line.</summary>
    private const int MaxMarkerLength = 150;

    /// <summary>Text the article must already have before a heading may end it.</summary>
    private const int MinArticleLength = 250;

    /// <summary>Headings after which templates put discussion and story lists, not more of the story.</summary>
    private static readonly string[] EndHeadings =
    [
        "comments", "leave a comment", "leave a reply", "join the discussion", "most read", "most popular",
        "you may also like", "you might also like", "more stories", "top stories", "latest news", "popular posts",
        "смотрите также", "читайте также", "см. также", "похожие новости", "похожие материалы", "другие новости",
        "комментарии", "обсуждение", "оставьте комментарий", "добавить комментарий", "новости по теме", "материалы по теме",
        "популярное", "самое читаемое", "самое популярное", "последние новости", "новости партнеров", "новости партнёров",
        "лента новостей", "вам может быть интересно", "другие статьи", "другие материалы", "more articles", "other articles",
        "ссылки по теме", "по теме", "больше по теме", "тема", "тема дня", "контекст", "сюжет",
    ];

    /// <summary>Promo and tag lines inside articles ("Read more: ...", "Related: ...", "Теги: ..."): dropped one by one.</summary>
    private static readonly string[] PromoPrefixes =
    [
        "related:", "read more:", "read also:", "see also:", "more:", "related", "tags:", "теги:", "тэги:", "метки:",
        "рубрики:", "читайте также:", "смотрите также:", "читайте также", "читайте еще:", "читайте ещё:", "по теме:",
        "читай также:", "если вы заметили ошибку", "читайте:", "нашли опечатку", "нашли ошибку", "зарегистрируйтесь или войдите",
        "присоединяйтесь к нам", "подписывайтесь на нас", "follow us on", "join us on",
    ];

    /// <summary>Keeps paragraphs up to the first closing heading; drops promo and tag lines.</summary>
    public static List<string> Trim(List<string> paragraphs)
    {
        var kept = new List<string>(paragraphs.Count);
        var length = 0;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length <= MaxMarkerLength)
            {
                var lower = paragraph.ToLowerInvariant().TrimEnd();
                // Counters first: "Комментарии: 0" in a tab bar above the story is not the comment section.
                if (IsCounter(lower))
                {
                    continue;
                }

                if (length >= MinArticleLength && (IsHeading(lower) || IsCopyrightLine(lower)))
                {
                    break;
                }

                if (IsPromo(lower) || IsLabel(lower))
                {
                    continue;
                }
            }

            kept.Add(paragraph);
            length += paragraph.Length;
        }

        return kept;
    }

    /// <summary>The whole paragraph is the heading, maybe with a colon or a count: "Comments (12)", "Комментарии:".</summary>
    private static bool IsHeading(string lower)
    {
        foreach (var heading in EndHeadings)
        {
            if (!lower.StartsWith(heading, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = lower.AsSpan(heading.Length).Trim();
            if (rest.IsEmpty || rest is ":" || (rest[0] is '(' or ':' && rest.Length <= 8 && !ContainsLetter(rest)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPromo(string lower)
    {
        foreach (var prefix in PromoPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && (prefix.EndsWith(':') || prefix.Contains(' ', StringComparison.Ordinal) || lower.Length == prefix.Length || lower[prefix.Length] == ':'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lone field label such as "Автор:" or "Posted by:", whose value is another paragraph.</summary>
    private static bool IsLabel(string lower) =>
        lower.Length <= 20 && lower.EndsWith(':') && lower.Count(c => c == ' ') <= 1 && !ContainsDigit(lower);

    /// <summary>Widget counters such as "Комментарии: 0", "Views: 1,204", "Прочтений: 431".</summary>
    private static bool IsCounter(string lower)
    {
        var colon = lower.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || lower.Length > 40)
        {
            return false;
        }

        var label = lower.AsSpan(0, colon);
        var value = lower.AsSpan(colon + 1).Trim();
        if (value.IsEmpty || !label.ContainsAnyExcept(' ') || ContainsDigit(label))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (' ' or ',' or '.' or '\u00A0'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCopyrightLine(string lower) =>
        (lower.StartsWith('©') || lower.StartsWith("(c)", StringComparison.Ordinal) || lower.StartsWith("copyright", StringComparison.Ordinal))
        && !lower.Contains("фото", StringComparison.Ordinal) && !lower.Contains("photo", StringComparison.Ordinal);
}
