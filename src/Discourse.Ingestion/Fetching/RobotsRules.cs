using System.Globalization;

namespace Discourse.Ingestion.Fetching;

/// <summary>
/// The robots.txt rules (RFC 9309) that apply to one user agent on one host: the most specific group naming our
/// product token, else the <c>*</c> group. Longest matching rule wins; Allow wins a tie; <c>*</c> and <c>$</c> work.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string, bool)> rules, TimeSpan? crawlDelay, IReadOnlyList<Uri> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (no robots.txt, or a 4xx for it).</summary>
    public static RobotsRules AllowAll { get; } = new([], null, []);

    /// <summary>Everything disallowed (robots.txt unreachable with a server error, as RFC 9309 asks).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null, []);

    /// <summary>The group's Crawl-delay, if it has one.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Sitemap lines (they apply to every agent).</summary>
    public IReadOnlyList<Uri> Sitemaps { get; }

    /// <summary>Parses robots.txt text for the agent whose User-Agent header is <paramref name="userAgent"/>.</summary>
    public static RobotsRules Parse(string text, string userAgent, Uri robotsUrl)
    {
        var token = ProductToken(userAgent);
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        var sitemaps = new List<Uri>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }

                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0)
                    {
                        current.Value.Rules.Add((value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var index = groups.IndexOf(current.Value);
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 3600)));
                        groups[index] = current.Value;
                    }

                    break;
                case "sitemap":
                    if (Uri.TryCreate(robotsUrl, value, out var sitemap))
                    {
                        sitemaps.Add(sitemap);
                    }

                    break;
                default:
                    break;
            }

            lastWasAgent = false;
        }

        var chosen = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0)
        {
            chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        var rules = chosen.SelectMany(g => g.Rules).ToList();
        var delay = chosen.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsRules(rules, delay, sitemaps);
    }

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        var target = url.PathAndQuery;
        if (target.EndsWith("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, target) && (pattern.Length > bestLength || (pattern.Length == bestLength && allow)))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static string ProductToken(string userAgent)
    {
        var end = userAgent.AsSpan().IndexOfAny('/', ' ');
        return (end < 0 ? userAgent : userAgent[..end]).ToLowerInvariant();
    }

    private static bool Matches(string pattern, string target)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return MatchFrom(body, 0, target, 0, anchored);
    }

    private static bool MatchFrom(string pattern, int p, string target, int t, bool anchored)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var skip = t; skip <= target.Length; skip++)
                {
                    if (MatchFrom(pattern, p + 1, target, skip, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= target.Length || pattern[p] != target[t])
            {
                return false;
            }

            p++;
            t++;
        }

        return !anchored || t == target.Length;
    }
}
