using Discourse.Ingestion.Fetching;

namespace Discourse.Ingestion.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # test robots
        User-agent: *
        Crawl-delay: 2.5
        Disallow: /admin/
        Disallow: /*.pdf$
        Allow: /admin/public/

        User-agent: GreedyScraperBot
        Disallow: /

        Sitemap: https://example.org/sitemap.xml
        """;

    private static readonly Uri RobotsUrl = new("https://example.org/robots.txt");

    [Fact]
    public void Star_group_applies_with_longest_match_and_wildcards()
    {
        var rules = RobotsRules.Parse(Robots, "DiscourseBot/0.1 (+research crawler)", RobotsUrl);
        Assert.False(rules.IsAllowed(new Uri("https://example.org/admin/index.html")));
        Assert.True(rules.IsAllowed(new Uri("https://example.org/admin/public/page.html")));
        Assert.False(rules.IsAllowed(new Uri("https://example.org/files/report.pdf")));
        Assert.True(rules.IsAllowed(new Uri("https://example.org/files/report.pdf?download=1")));
        Assert.True(rules.IsAllowed(new Uri("https://example.org/articles/a.html")));
        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
        Assert.Equal([new Uri("https://example.org/sitemap.xml")], rules.Sitemaps);
    }

    [Fact]
    public void A_group_naming_the_agent_wins_over_the_star_group()
    {
        var rules = RobotsRules.Parse(Robots, "GreedyScraperBot/2.0", RobotsUrl);
        Assert.False(rules.IsAllowed(new Uri("https://example.org/articles/a.html")));
        Assert.Null(rules.CrawlDelay);
        Assert.True(rules.IsAllowed(new Uri("https://example.org/robots.txt")));
    }

    [Fact]
    public void Fallback_rules_allow_or_forbid_everything() =>
        Assert.True(RobotsRules.AllowAll.IsAllowed(new Uri("https://example.org/x")) && !RobotsRules.DisallowAll.IsAllowed(new Uri("https://example.org/x")));
}
