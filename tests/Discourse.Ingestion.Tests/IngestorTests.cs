using System.Security.Cryptography;
using System.Text;
using Discourse.Core.Documents;
using Discourse.Ingestion.Canonical;
using Discourse.Ingestion.Tests.Support;
using Discourse.Testing;

namespace Discourse.Ingestion.Tests;

public sealed class IngestorTests
{
    private const string Paragraph = SampleTexts.Consultations;

    [Fact]
    public async Task Files_source_ingests_every_bundled_article_once_with_its_canonical_url()
    {
        using var output = new TemporaryDirectory();
        var events = await TestSources.RunAsync(output.Path, TestSources.Files(Path.Combine(Corpus.SiteRoot, "*", "articles", "**", "*.html")));
        var documents = events.Documents();
        Assert.Equal(96, documents.Count);
        Assert.Equal(96, events.Count);
        Assert.Equal(96, documents.Select(d => d.DocId).Distinct().Count());
        var expected = Corpus.Manifest.ToDictionary(m => m.GetProperty("url").GetString()!, m => m.GetProperty("lang").GetString()!);
        foreach (var document in documents)
        {
            Assert.True(expected.ContainsKey(document.CanonicalUrl!), $"{document.Url}: canonical {document.CanonicalUrl} is not in the manifest");
            Assert.Equal(UrlCanonicalizer.DocId(document.CanonicalUrl!), document.DocId);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text))), document.ContentSha256);
            Assert.False(string.IsNullOrWhiteSpace(document.Text));
            Assert.StartsWith("file://", document.Url, StringComparison.Ordinal);
            Assert.Equal("files-test", document.Source.Id);
        }

        Assert.True(documents.Count(d => d.Lang == expected[d.CanonicalUrl!]) >= 90, "language should match the manifest on nearly every page");
    }

    [Fact]
    public async Task A_rerun_skips_unchanged_files_and_reingests_a_changed_one()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("a.txt"), Paragraph);
        await File.WriteAllTextAsync(input.File("b.txt"), "Weather\n\nA different note about the weather in the northern regions, where snow fell early this year and roads were closed for two days.");
        var source = TestSources.Files(input.File("*.txt"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var first = await TestSources.RunAsync(output.Path, source, clock);
        Assert.Equal(2, first.Documents().Count);
        Assert.All(first.Documents(), d => Assert.Equal(clock.GetUtcNow(), d.FetchedAt));

        await File.WriteAllTextAsync(input.File("b.txt"), "Weather\n\nA corrected note: the roads in the northern regions were closed for three days, not two, after the early snow.");
        var second = await TestSources.RunAsync(output.Path, source);
        var skipped = Assert.Single(second.OfType<PageSkipped>());
        Assert.EndsWith("a.txt", skipped.Location, StringComparison.Ordinal);
        Assert.Equal("unchanged since the last run (same content hash)", skipped.Reason);
        var changed = Assert.Single(second.Documents());
        Assert.Equal(first.Documents().Single(d => d.Url.EndsWith("b.txt", StringComparison.Ordinal)).DocId, changed.DocId);

        var third = await TestSources.RunAsync(output.Path, source);
        Assert.Empty(third.Documents());
        Assert.Equal(2, third.OfType<PageSkipped>().Count());
    }

    [Fact]
    public async Task Exact_and_near_duplicates_are_kept_and_point_to_the_first_document()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("1-original.txt"), Paragraph);
        await File.WriteAllTextAsync(input.File("2-copy.txt"), Paragraph);
        await File.WriteAllTextAsync(input.File("3-edited.txt"), Paragraph.Replace("next round", "coming round", StringComparison.Ordinal));
        await File.WriteAllTextAsync(input.File("4-other.txt"), "Snow\n\nHeavy snowfall paralysed traffic across the capital on Monday as crews worked through the night to clear the main avenues.");
        var documents = (await TestSources.RunAsync(output.Path, TestSources.Files(input.File("*.txt")))).Documents();
        Assert.Equal(4, documents.Count);
        Assert.Null(documents[0].DuplicateOf);
        Assert.Equal(documents[0].DocId, documents[1].DuplicateOf);
        Assert.Equal(documents[0].DocId, documents[2].DuplicateOf);
        Assert.Null(documents[3].DuplicateOf);
    }

    [Fact]
    public async Task Duplicates_of_documents_from_an_earlier_run_are_found_through_the_state()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("first.txt"), Paragraph);
        var original = Assert.Single((await TestSources.RunAsync(output.Path, TestSources.Files(input.File("first.txt")))).Documents());
        await File.WriteAllTextAsync(input.File("later.txt"), Paragraph);
        var later = Assert.Single((await TestSources.RunAsync(output.Path, TestSources.Files(input.File("later.txt")))).Documents());
        Assert.Equal(original.DocId, later.DuplicateOf);
    }

    [Fact]
    public async Task Sidecar_metadata_wins_and_the_date_window_skips_pages_outside_it()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("inside.txt"), Paragraph);
        await File.WriteAllTextAsync(input.File("inside.meta.json"), """
            {"url": "https://www.example.org/press/inside?utm_source=x", "title": "Inside the window", "published": "2016-06-21T10:00:00+03:00", "author": "Press office", "lang": "en"}
            """);
        await File.WriteAllTextAsync(input.File("outside.txt"), "Budget\n\nAn older note on the preparation of the annual report on regional economic development and the budget plans of several provinces.");
        await File.WriteAllTextAsync(input.File("outside.txt.meta.json"), """{"published": "2012-01-01"}""");
        var source = TestSources.Files(input.File("*.txt")) with { DateFrom = new DateOnly(2014, 1, 1), DateTo = new DateOnly(2024, 12, 31) };
        var events = await TestSources.RunAsync(output.Path, source);
        var document = Assert.Single(events.Documents());
        Assert.Equal("Inside the window", document.Title);
        Assert.Equal("Press office", document.Author);
        Assert.Equal("https://www.example.org/press/inside", document.CanonicalUrl);
        Assert.Equal("https://www.example.org/press/inside?utm_source=x", document.Url);
        Assert.Equal(UrlCanonicalizer.DocId("https://www.example.org/press/inside"), document.DocId);
        Assert.Equal(new DateTimeOffset(2016, 6, 21, 7, 0, 0, TimeSpan.Zero), document.PublishedAt);
        var skipped = Assert.Single(events.OfType<PageSkipped>());
        Assert.Equal("published 2012-01-01, outside the date window 2014-01-01..2024-12-31", skipped.Reason);
    }

    [Fact]
    public async Task Bad_sidecars_and_empty_globs_are_failures_with_a_clear_reason()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("a.txt"), Paragraph);
        await File.WriteAllTextAsync(input.File("a.meta.json"), "{\"title\": \"x\",\n \"published\": }");
        var events = await TestSources.RunAsync(output.Path, TestSources.Files(input.File("*.txt"), input.File("missing/*.html")));
        Assert.Equal(2, events.Count);
        var badSidecar = Assert.IsType<PageFailed>(events[0]);
        Assert.Contains("a.meta.json: invalid JSON at line 2", badSidecar.Reason, StringComparison.Ordinal);
        var noFiles = Assert.IsType<PageFailed>(events[1]);
        Assert.StartsWith("no files match", noFiles.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warc_source_ingests_html_responses_and_skips_the_rest()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var page = Corpus.Bytes("kremlin-transcripts/articles/2014/02/soveshchanie-po-razvitiyu-dalnego-vostoka.html");
        var archive = new WarcWriter()
            .Warcinfo()
            .Request("https://www.kremlin-transcripts.example/articles/2014/02/soveshchanie-po-razvitiyu-dalnego-vostoka.html")
            .Response("https://www.kremlin-transcripts.example/articles/2014/02/soveshchanie-po-razvitiyu-dalnego-vostoka.html", page, "text/html")
            .Response("https://www.kremlin-transcripts.example/missing.html", "gone"u8.ToArray(), "text/html", status: 404)
            .Response("https://www.kremlin-transcripts.example/logo.png", [0x89, 0x50], "image/png")
            .ToBytes(gzipPerRecord: true);
        await File.WriteAllBytesAsync(input.File("crawl.warc.gz"), archive);
        var events = await TestSources.RunAsync(output.Path, TestSources.Warc(input.File("*.warc.gz")));
        Assert.Equal(3, events.Count);
        var document = Assert.Single(events.Documents());
        Assert.Equal("ru", document.Lang);
        Assert.Contains("Дальнего Востока", document.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 5, 4, 10, 20, 30, TimeSpan.Zero), document.FetchedAt);
        Assert.Equal(2, events.OfType<PageSkipped>().Count());

        var again = await TestSources.RunAsync(output.Path, TestSources.Warc(input.File("*.warc.gz")));
        Assert.Empty(again.Documents());
    }

    [Fact]
    public async Task A_corrupt_warc_file_is_one_failure_not_a_crash()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        await File.WriteAllTextAsync(input.File("broken.warc"), "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort");
        var failure = Assert.IsType<PageFailed>(Assert.Single(await TestSources.RunAsync(output.Path, TestSources.Warc(input.File("broken.warc")))));
        Assert.Contains("broken.warc: record at offset 0 is truncated", failure.Reason, StringComparison.Ordinal);
    }
}
