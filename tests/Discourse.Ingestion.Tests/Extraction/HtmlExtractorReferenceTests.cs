using Discourse.Ingestion.Extraction;
using Discourse.Testing;

namespace Discourse.Ingestion.Tests.Extraction;

/// <summary>
/// The acceptance bars of issue 4 on the third-party reference pages in ../shared/reference (read at test time).
/// Scores are computed as the sets' own score.py does; tests/Discourse.Benchmarks/scripts/score-extraction.sh prints them.
/// </summary>
public sealed class HtmlExtractorReferenceTests
{
    [SkippableFact]
    public void Zyte_benchmark_main_text_f1_is_at_least_0_96()
    {
        var results = ExtractionScorer.Run(ReferenceData.Require("reference/extraction/zyte-dev"));

        Assert.InRange(ExtractionScorer.ShingleF1(results), 0.96, 1.0);
    }

    /// <summary>Issue 4's bar for Russian news pages: main-text shingle F1 of at least 0.88 on daniel-ru-dev.</summary>
    [SkippableFact]
    public void Russian_news_main_text_f1_meets_0_88()
    {
        var results = ExtractionScorer.Run(ReferenceData.Require("reference/extraction/daniel-ru-dev"));

        Assert.InRange(ExtractionScorer.ShingleF1(results), 0.88, 1.0);
    }

    [SkippableFact]
    public void Wcxb_titles_match_at_least_80_percent_and_dates_85_percent()
    {
        var results = ExtractionScorer.Run(ReferenceData.Require("reference/extraction/wcxb-dev"));

        Assert.InRange(ExtractionScorer.TitleExact(results), 0.80, 1.0);
        Assert.InRange(ExtractionScorer.DateMatch(results), 0.85, 1.0);
        Assert.InRange(ExtractionScorer.WordF1(results), 0.90, 1.0);
    }

    [SkippableFact]
    public void Htmldate_cyrillic_pages_dates_are_at_least_90_percent_right()
    {
        var folder = ReferenceData.Require("reference/nlp/dates");
        var local = Directory.GetFiles(Path.Combine(folder, "html_cyrillic"), "*.html").Select(Path.GetFileName).ToHashSet();
        int right = 0, total = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, "htmldate_manifest.tsv")).Where(l => !l.StartsWith('#')))
        {
            var columns = line.Split('\t');
            var name = Path.GetFileName(columns[3]);
            if (!local.Contains(name) || columns[2] == "nan")
            {
                continue;
            }

            var html = HtmlDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "html_cyrillic", name)), contentType: null).Html;
            var page = HtmlExtractor.Extract(html, new Uri(columns[1]));
            total++;
            if (page.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == columns[2])
            {
                right++;
            }
        }

        Assert.True(total >= 10, $"expected the 14 Cyrillic htmldate pages, found {total}");
        Assert.InRange((double)right / total, 0.90, 1.0);
    }
}
