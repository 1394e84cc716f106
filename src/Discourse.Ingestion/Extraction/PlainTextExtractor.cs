namespace Discourse.Ingestion.Extraction;

/// <summary>Plain text and Markdown: front matter, a title line, paragraphs separated by blank lines, links.</summary>
internal static class PlainTextExtractor
{
    public static ExtractedPage Extract(string text, Uri? location)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = ReadFrontMatter(lines, front);

        var paragraphs = new List<string>();
        var current = new List<string>();
        string? heading = null;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                Flush(current, paragraphs);
                continue;
            }

            if (line.StartsWith('#'))
            {
                // A Markdown heading is a paragraph of its own.
                Flush(current, paragraphs);
                var headingText = line.TrimStart('#').Trim();
                if (headingText.Length > 0)
                {
                    heading ??= headingText;
                    paragraphs.Add(headingText);
                }

                continue;
            }

            current.Add(line);
        }

        Flush(current, paragraphs);

        var title = front.GetValueOrDefault("title")?.Trim('"', '\'', ' ') ?? heading ?? (paragraphs.Count > 0 && paragraphs[0].Length <= 200 ? paragraphs[0] : string.Empty);
        if (paragraphs.Count > 0 && paragraphs[0] == title)
        {
            paragraphs.RemoveAt(0);
        }

        var body = string.Join("\n\n", paragraphs);
        var dateText = front.GetValueOrDefault("date")?.Trim('"', '\'', ' ');
        var published = MachineDates.Parse(dateText) ?? (dateText is null ? null : VisibleDates.Find(dateText));
        var author = front.GetValueOrDefault("author")?.Trim('"', '\'', ' ');
        var url = front.GetValueOrDefault("url")?.Trim('"', '\'', ' ');
        var canonical = Links.Resolve(url, location)?.AbsoluteUri;
        return new ExtractedPage(title, body, published, string.IsNullOrEmpty(author) ? null : author, canonical,
            LanguageOf.Text(title, body), FindLinks(text, location));
    }

    private static int ReadFrontMatter(string[] lines, Dictionary<string, string> front)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == "---")
            {
                return i + 1;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                front[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        // No closing marker: not front matter after all.
        front.Clear();
        return 0;
    }

    private static void Flush(List<string> lines, List<string> paragraphs)
    {
        if (lines.Count > 0)
        {
            paragraphs.Add(string.Join(' ', lines));
            lines.Clear();
        }
    }

    /// <summary>Markdown link targets <c>[text](target)</c> and bare http(s) URLs.</summary>
    private static IReadOnlyList<Uri> FindLinks(string text, Uri? location)
    {
        var hrefs = new List<string>();
        var position = 0;
        while ((position = text.IndexOf("](", position, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf(')', position + 2);
            if (end < 0)
            {
                break;
            }

            hrefs.Add(text[(position + 2)..end].Split(' ')[0]);
            position = end;
        }

        foreach (var scheme in (ReadOnlySpan<string>)["http://", "https://"])
        {
            position = 0;
            while ((position = text.IndexOf(scheme, position, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = position;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (')' or '>' or '"' or '\'' or ']'))
                {
                    end++;
                }

                hrefs.Add(text[position..end].TrimEnd('.', ',', ';', ':'));
                position = end;
            }
        }

        return Links.ResolveAll(hrefs, location);
    }
}
