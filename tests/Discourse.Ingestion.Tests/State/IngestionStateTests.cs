using Discourse.Ingestion.State;
using Discourse.Testing;

namespace Discourse.Ingestion.Tests.State;

public sealed class IngestionStateTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Records_survive_reopening_and_pending_ones_are_visible_before_the_flush()
    {
        using var folder = new TemporaryDirectory();
        var record = new PageRecord("src", "https://example.org/a", "0123456789abcdef", Now, "\"v1\"", "Mon, 01 Jan 2024 00:00:00 GMT", "body", "text", 0xFFFF_0000_0000_0001UL);
        using (var state = IngestionState.Open(folder.Path))
        {
            state.Save(record);
            Assert.Equal(record, state.Find("src", "https://example.org/a"));
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "_state", "ingestion.sqlite")));
        using (var state = IngestionState.Open(folder.Path))
        {
            Assert.Equal(record, state.Find("src", "https://example.org/a"));
            Assert.Null(state.Find("other", "https://example.org/a"));
            Assert.Equal([("0123456789abcdef", "text", (ulong?)0xFFFF_0000_0000_0001UL)], state.KnownDocuments());
        }
    }

    [Fact]
    public void Saving_a_location_again_replaces_it_and_batches_commit_on_their_own()
    {
        using var folder = new TemporaryDirectory();
        using var state = IngestionState.Open(folder.Path);
        for (var i = 0; i < IngestionState.BatchSize + 3; i++)
        {
            state.Save(new PageRecord("src", $"https://example.org/{i}", null, Now, null, null, "b" + i, null, null));
        }

        state.Save(new PageRecord("src", "https://example.org/0", "doc", Now.AddDays(1), "\"e\"", null, "changed", "c", null));
        state.Flush();
        var reloaded = state.Find("src", "https://example.org/0");
        Assert.Equal("changed", reloaded!.BodySha256);
        Assert.Equal(Now.AddDays(1), reloaded.FetchedAt);
        Assert.Single(state.KnownDocuments());
    }
}
