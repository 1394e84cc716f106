using System.Globalization;
using System.Xml;

namespace Discourse.Ingestion.Discovery;

/// <summary>Reads item links and dates from RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0 feeds.</summary>
internal static class FeedParser
{
    private static readonly string[] Rfc822Formats = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz"];

    /// <summary>The items of a feed, in document order; throws <see cref="FormatException"/> for malformed XML.</summary>
    public static IReadOnlyList<DiscoveredLink> Parse(byte[] xml, Uri feedUrl)
    {
        var links = new List<DiscoveredLink>();
        using var reader = XmlSafety.CreateReader(xml);
        try
        {
            string? link = null;
            string? alternate = null;
            DateTimeOffset? date = null;
            var depthOfItem = -1;
            // ReadElementContentAsString leaves the reader on the next node already; it must not be skipped.
            var positioned = false;
            while (positioned || reader.Read())
            {
                positioned = false;
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    if (name is "item" or "entry")
                    {
                        depthOfItem = reader.Depth;
                        link = null;
                        alternate = null;
                        date = null;
                        if (reader.IsEmptyElement)
                        {
                            depthOfItem = -1;
                        }

                        continue;
                    }

                    if (depthOfItem < 0)
                    {
                        continue;
                    }

                    switch (name)
                    {
                        case "link" when reader.GetAttribute("href") is { } href:
                            // Atom: rel="alternate" (or no rel) is the article itself.
                            var rel = reader.GetAttribute("rel");
                            if (rel is null or "alternate")
                            {
                                alternate ??= href;
                            }

                            break;
                        case "link":
                            link ??= reader.ReadElementContentAsString().Trim();
                            positioned = true;
                            break;
                        case "guid" when reader.GetAttribute("isPermaLink") is not "false":
                            var guid = reader.ReadElementContentAsString().Trim();
                            positioned = true;
                            if (guid.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                            {
                                alternate ??= guid;
                            }

                            break;
                        case "pubDate" or "published" or "date" or "issued":
                            date ??= ParseDate(reader.ReadElementContentAsString());
                            positioned = true;
                            break;
                        case "updated":
                            var updated = ParseDate(reader.ReadElementContentAsString());
                            positioned = true;
                            date ??= updated;
                            break;
                        default:
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depthOfItem && reader.LocalName is "item" or "entry")
                {
                    var target = link is { Length: > 0 } ? link : alternate;
                    if (target is not null && Uri.TryCreate(feedUrl, target, out var absolute))
                    {
                        links.Add(new DiscoveredLink(absolute, date));
                    }

                    depthOfItem = -1;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new FormatException($"{feedUrl}: malformed feed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}", ex);
        }

        return links;
    }

    /// <summary>Parses RFC 822 (RSS) and ISO 8601 (Atom, Dublin Core) dates; null when neither fits.</summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        // RFC 822 (RSS): optional day name, then "21 Jun 2016 10:00:00 +0300" or a zone name .NET does not read.
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var rest = comma is > 0 and <= 4 ? text[(comma + 1)..].Trim() : text;
        var lastSpace = rest.LastIndexOf(' ');
        if (lastSpace > 0)
        {
            var zone = rest[(lastSpace + 1)..];
            var offset = zone switch
            {
                "UT" or "UTC" or "GMT" or "Z" => "+00:00",
                "EST" => "-05:00",
                "EDT" => "-04:00",
                "CST" => "-06:00",
                "CDT" => "-05:00",
                "MST" => "-07:00",
                "MDT" => "-06:00",
                "PST" => "-08:00",
                "PDT" => "-07:00",
                "MSK" => "+03:00",
                _ when zone.Length == 5 && zone[0] is '+' or '-' => zone[..3] + ":" + zone[3..],
                _ => null,
            };
            if (offset is not null
                && DateTimeOffset.TryParseExact(rest[..lastSpace] + " " + offset, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed))
            {
                return parsed.ToUniversalTime();
            }
        }

        return null;
    }
}
