using Discourse.Ingestion.Sources;
using Discourse.Testing;

namespace Discourse.Ingestion.Tests.Sources;

public sealed class GlobExpanderTests
{
    [Fact]
    public void Double_star_matches_any_depth_and_results_are_sorted()
    {
        using var folder = new TemporaryDirectory();
        foreach (var path in new[] { "b/2020/x.html", "a/y.html", "a/deep/er/z.html", "a/skip.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.File(path))!);
            File.WriteAllText(folder.File(path), "x");
        }

        var matches = GlobExpander.Expand(folder.File("**/*.html"));
        Assert.Equal(
            new[] { "a/deep/er/z.html", "a/y.html", "b/2020/x.html" }.Select(folder.File),
            matches);
        Assert.Equal([folder.File("a/y.html")], GlobExpander.Expand(folder.File("a/*.html")));
        Assert.Equal([folder.File("a/skip.txt")], GlobExpander.Expand(folder.File("a/skip.txt")));
        Assert.Empty(GlobExpander.Expand(folder.File("missing/**/*.html")));
    }

    [Fact]
    public void A_pattern_without_matches_becomes_a_failure_item()
    {
        var results = GlobExpander.ExpandAll(["/nonexistent-discourse/*.warc"], "src", "WARC files").ToList();
        var failure = Assert.Single(results).Failure;
        var failed = Assert.IsType<Discourse.Core.Documents.PageFailed>(Assert.IsType<EventItem>(failure).Event);
        Assert.StartsWith("no WARC files match '/nonexistent-discourse/*.warc'", failed.Reason, StringComparison.Ordinal);
    }
}
