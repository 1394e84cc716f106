using Discourse.Ingestion.Extraction;

namespace Discourse.Ingestion.Tests.Extraction;

public sealed class HtmlExtractorTests
{
    private const string FirstParagraph =
        "The harbour council met on Tuesday evening to discuss the new ferry timetable, which has drawn complaints from commuters, shop owners and the island school.";

    private const string SecondParagraph =
        "Council members agreed to keep the early crossing, add a late boat on Fridays, and review the changes again in the spring after counting passengers.";

    private const string ThirdParagraph =
        "A spokesperson for the ferry operator said the company would publish the revised schedule next week, once the crews have confirmed their shifts.";

    private static string ArticlePage(string head = "", string articleHeader = "", string afterArticle = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Ferry timetable kept after council vote | Harbour Gazette</title>
          <meta property="og:title" content="Ferry timetable kept after council vote">
          <link rel="canonical" href="/news/ferry-timetable">
          {{head}}
        </head>
        <body>
          <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
          <div class="layout">
            <div class="main-column">
              <article class="story">
                <h1>Ferry timetable kept after council vote</h1>
                {{articleHeader}}
                <div class="story-body">
                  <p>{{FirstParagraph}}</p>
                  <p>{{SecondParagraph}}</p>
                  <div class="share-buttons"><a href="https://social.example/share">Share</a> <a href="https://mail.example/send">Email</a></div>
                  <p>{{ThirdParagraph}}</p>
                </div>
              </article>
              {{afterArticle}}
            </div>
            <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Market prices rise again across the region</a></li><li><a href="/b">Bridge repairs finish early this season</a></li></ul></aside>
          </div>
          <footer class="footer"><p>Copyright Harbour Gazette. All rights reserved. Contact the newsroom for corrections.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Main_text_keeps_paragraphs_and_drops_navigation_share_widgets_sidebar_and_footer()
    {
        var page = HtmlExtractor.Extract(ArticlePage(), new Uri("https://gazette.example/news/ferry-timetable"));

        Assert.Equal(string.Join("\n\n", FirstParagraph, SecondParagraph, ThirdParagraph), page.Text);
    }

    [Fact]
    public void Comment_threads_and_related_links_after_the_article_are_dropped()
    {
        const string comments = """
            <section class="comments"><h2>Comments</h2>
              <div class="comment"><p>I think the late boat is a great idea, finally something sensible from the council, well done everyone.</p></div>
              <div class="comment"><p>Nobody asked the fishermen, as usual, and the early crossing is still far too early for most of us here.</p></div>
            </section>
            <div class="related-stories"><h2>Related</h2><ul><li><a href="/c">Ferry fares frozen for another year</a></li><li><a href="/d">New pier opens to visitors</a></li></ul></div>
            """;

        var page = HtmlExtractor.Extract(ArticlePage(afterArticle: comments), null);

        Assert.DoesNotContain("late boat is a great idea", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry fares frozen", page.Text, StringComparison.Ordinal);
        Assert.Contains(ThirdParagraph, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_body_whose_class_list_also_names_a_banner_tracker_is_still_the_main_text()
    {
        const string teaser =
            "<div class=\"item\"><h2><a href=\"/other\">Other story</a></h2><p>An earlier report on the harbour, the pier, the market and the school, told briefly here for readers who missed it last week...</p></div>";
        var html = $$"""
            <html><head><title>Ferry timetable kept after council vote</title></head><body>
              <div class="page">
                <div class="story">
                  <h1>Ferry timetable kept after council vote</h1>
                  <div class="text track_banner_view"><p>{{FirstParagraph}}</p><p>{{SecondParagraph}}</p><p>{{ThirdParagraph}}</p></div>
                </div>
                <div class="news-list">{{teaser}}{{teaser}}{{teaser}}{{teaser}}{{teaser}}</div>
              </div>
            </body></html>
            """;

        var page = HtmlExtractor.Extract(html, null);

        Assert.StartsWith(string.Join("\n\n", FirstParagraph, SecondParagraph, ThirdParagraph), page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_lines_that_are_all_link_inside_the_article_are_dropped()
    {
        var teaser = "<p><a href=\"/older\">Harbour council approves new pier lights</a></p>";
        var page = HtmlExtractor.Extract(ArticlePage(articleHeader: teaser), null);

        Assert.DoesNotContain("pier lights", page.Text, StringComparison.Ordinal);
        Assert.StartsWith(FirstParagraph, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_is_the_confirmed_h1_without_the_site_name()
    {
        var page = HtmlExtractor.Extract(ArticlePage(), null);

        Assert.Equal("Ferry timetable kept after council vote", page.Title);
    }

    [Fact]
    public void Title_tag_loses_its_site_name_suffix_when_there_is_no_h1()
    {
        const string html = "<html><head><title>Budget hearing moved to March — City Courier</title></head><body><p>" + FirstParagraph + "</p></body></html>";

        Assert.Equal("Budget hearing moved to March", HtmlExtractor.Extract(html, null).Title);
    }

    [Fact]
    public void Json_ld_date_published_is_preferred_to_modified_dates()
    {
        const string head = """
            <meta property="article:modified_time" content="2021-06-02T09:00:00+00:00">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable kept after council vote","datePublished":"2021-05-30T18:45:00+03:00","dateModified":"2021-06-02T09:00:00+00:00","author":{"@type":"Person","name":"Dana Whitfield"}}</script>
            """;

        var page = HtmlExtractor.Extract(ArticlePage(head), null);

        Assert.Equal(new DateTimeOffset(2021, 5, 30, 18, 45, 0, TimeSpan.FromHours(3)), page.Published);
        Assert.Equal("Dana Whitfield", page.Author);
    }

    [Fact]
    public void Open_graph_published_time_is_read()
    {
        var page = HtmlExtractor.Extract(ArticlePage("<meta property=\"article:published_time\" content=\"2019-11-04T07:30:00Z\">"), null);

        Assert.Equal(new DateTimeOffset(2019, 11, 4, 7, 30, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Time_element_with_datetime_gives_the_date()
    {
        var page = HtmlExtractor.Extract(ArticlePage(articleHeader: "<p class=\"byline\">By Dana Whitfield, <time datetime=\"2018-02-14\" class=\"published\">14 February 2018</time></p>"), null);

        Assert.Equal(new DateTimeOffset(2018, 2, 14, 0, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Date_in_the_url_path_is_used_when_the_markup_has_none()
    {
        var page = HtmlExtractor.Extract(ArticlePage(), new Uri("https://gazette.example/2016/08/15/ferry-timetable.html"));

        Assert.Equal(new DateTimeOffset(2016, 8, 15, 0, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Canonical_url_and_links_are_absolute()
    {
        var page = HtmlExtractor.Extract(ArticlePage(), new Uri("https://gazette.example/news/ferry-timetable?utm_source=x"));

        Assert.Equal("https://gazette.example/news/ferry-timetable", page.CanonicalUrl);
        Assert.Contains(new Uri("https://gazette.example/sport"), page.Links);
        Assert.Contains(new Uri("https://social.example/share"), page.Links);
        Assert.All(page.Links, link => Assert.True(link.IsAbsoluteUri));
    }

    [Fact]
    public void English_page_is_tagged_en()
    {
        Assert.Equal("en", HtmlExtractor.Extract(ArticlePage(), null).Lang);
    }

    [Fact]
    public void Russian_page_is_tagged_ru_and_keeps_br_separated_lines()
    {
        const string html = """
            <html><head><title>Новости района</title></head><body>
            <table><tr><td class="menu"><a href="/1">Главная</a><br><a href="/2">Архив</a></td>
            <td class="text">Вчера в районной библиотеке открылась выставка работ местных художников, посвящённая истории города и его жителей.<br>
            Организаторы рассказали, что подготовка заняла почти год, а часть картин привезли из частных собраний соседних сёл.<br>
            Выставка продлится до конца месяца, вход для всех посетителей свободный, а по выходным проходят экскурсии.</td></tr></table>
            </body></html>
            """;

        var page = HtmlExtractor.Extract(html, null);

        Assert.Equal("ru", page.Lang);
        Assert.StartsWith("Вчера в районной библиотеке", page.Text, StringComparison.Ordinal);
        Assert.Contains("\n", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Главная", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_markup_is_repaired_instead_of_failing()
    {
        const string html = "<html><body><div class=article><p>" + FirstParagraph + "<p>" + SecondParagraph + "<b><i>" + ThirdParagraph + "</b></i></div></span></td><p";

        var page = HtmlExtractor.Extract(html, null);

        Assert.Contains(FirstParagraph, page.Text, StringComparison.Ordinal);
        Assert.Contains(ThirdParagraph, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_document_gives_empty_fields()
    {
        var page = HtmlExtractor.Extract(string.Empty, null);

        Assert.Equal(string.Empty, page.Text);
        Assert.Equal(string.Empty, page.Title);
        Assert.Null(page.Published);
        Assert.Empty(page.Links);
    }

    [Fact]
    public void Hidden_elements_and_scripts_are_not_text()
    {
        var html = "<html><body><article><p>" + FirstParagraph + "</p><div style=\"display: none\">Secret promotional text that nobody sees on the page.</div><script>var tracker = 'do not read me';</script><p>" + SecondParagraph + "</p></article></body></html>";

        var page = HtmlExtractor.Extract(html, null);

        Assert.DoesNotContain("Secret promotional", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_with_front_matter_gives_title_date_and_paragraphs()
    {
        const string text = "---\ntitle: Notes from the harbour meeting\ndate: 2020-03-05\nauthor: Dana Whitfield\n---\n\n" + FirstParagraph + "\n\n" + SecondParagraph + "\nSee [the minutes](minutes.html).\n";

        var page = HtmlExtractor.ExtractPlainText(text, new Uri("https://gazette.example/notes/index.md"));

        Assert.Equal("Notes from the harbour meeting", page.Title);
        Assert.Equal(new DateTimeOffset(2020, 3, 5, 0, 0, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("Dana Whitfield", page.Author);
        Assert.StartsWith(FirstParagraph + "\n\n" + SecondParagraph, page.Text, StringComparison.Ordinal);
        Assert.Contains(new Uri("https://gazette.example/notes/minutes.html"), page.Links);
    }

    [Fact]
    public void Markdown_heading_becomes_the_title()
    {
        var page = HtmlExtractor.ExtractPlainText("# Harbour meeting\n\n" + FirstParagraph, null);

        Assert.Equal("Harbour meeting", page.Title);
        Assert.Equal(FirstParagraph, page.Text);
    }
}

public sealed class HtmlExtractorMetadataTests
{
    private const string Body = "<p>The regional water board approved the new reservoir plan after two years of hearings, public letters and a long engineering review of the dam site near the old mill.</p>";

    [Theory]
    [InlineData("Reservoir plan approved | Valley Courier", "Valley Courier", "Reservoir plan approved")]
    [InlineData("Valley Courier — Reservoir plan approved after long review", "Valley Courier", "Reservoir plan approved after long review")]
    [InlineData("Reservoir plan approved after review - Opinion", null, "Reservoir plan approved after review")]
    [InlineData("Russia - China talks", null, "Russia - China talks")]
    [InlineData("How the board decided: a review of the reservoir plan", null, "How the board decided: a review of the reservoir plan")]
    public void Site_name_parts_are_removed_from_the_title_tag(string title, string? siteName, string expected)
    {
        var site = siteName is null ? string.Empty : $"<meta property=\"og:site_name\" content=\"{siteName}\">";
        var html = $"<html><head><title>{title}</title>{site}</head><body>{Body}</body></html>";

        Assert.Equal(expected, HtmlExtractor.Extract(html, new Uri("https://courier.example/a")).Title);
    }

    [Theory]
    [InlineData("Updated May 2, 2024", 2024, 5, 2)]
    [InlineData("Published January 10, 2023", 2023, 1, 10)]
    public void Declared_update_date_wins_only_when_the_page_shows_it_instead_of_the_publication_date(string visibleLine, int year, int month, int day)
    {
        var html = $"""
            <html><head>
            <meta property="article:published_time" content="2023-01-10T08:00:00Z">
            <meta property="article:modified_time" content="2024-05-02T12:00:00Z">
            </head><body><article><h1>Reservoir plan approved</h1><p class="byline-date">{visibleLine}</p>
            <p>The regional water board approved the new reservoir plan after two years of hearings, public letters and a long engineering review.</p></article></body></html>
            """;

        Assert.Equal(new DateTime(year, month, day), HtmlExtractor.Extract(html, null).Published?.Date);
    }

    [Fact]
    public void Russian_visible_date_is_read_when_there_is_no_metadata()
    {
        const string html = """
            <html><body><div class="news"><h1>Водохранилище расширят</h1><div class="news-date">18 февраля 2020, 14:05</div>
            <p>Региональный совет утвердил план расширения водохранилища после двух лет слушаний и долгой инженерной экспертизы.</p></div></body></html>
            """;

        var page = HtmlExtractor.Extract(html, null);

        Assert.Equal(new DateTime(2020, 2, 18), page.Published?.Date);
        Assert.Equal("ru", page.Lang);
    }

    [Fact]
    public void Dates_in_comment_threads_are_not_the_publication_date()
    {
        const string html = """
            <html><body><article><h1>Reservoir plan approved</h1>
            <p>The regional water board approved the new reservoir plan after two years of hearings, public letters and a long engineering review.</p></article>
            <section class="comments"><div class="comment-date">March 3, 2021</div><p>Good news for the valley at last.</p></section></body></html>
            """;

        Assert.Null(HtmlExtractor.Extract(html, null).Published);
    }

    [Fact]
    public void Json_ld_headline_entities_are_decoded()
    {
        const string html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Dams &amp; reservoirs: what the new plan &#8220;changes&#8221; for the valley"}</script></head>
            <body><p>The regional water board approved the new reservoir plan after two years of hearings and reviews.</p></body></html>
            """;

        Assert.Equal("Dams & reservoirs: what the new plan “changes” for the valley", HtmlExtractor.Extract(html, null).Title);
    }

    [Fact]
    public void Cookie_dialog_text_is_never_the_article()
    {
        const string html = """
            <html><body><div class="cookie-banner"><p>We use cookies to improve your experience, to measure traffic, to personalise content and to show you relevant adverts, and we share data with partners.</p></div>
            <div class="story"><p>The regional water board approved the new reservoir plan after two years of hearings.</p></div></body></html>
            """;

        var page = HtmlExtractor.Extract(html, null);

        Assert.DoesNotContain("cookies", page.Text, StringComparison.Ordinal);
        Assert.Contains("reservoir plan", page.Text, StringComparison.Ordinal);
    }
}
