using Discourse.Core.Configuration;
using Discourse.Core.Documents;

namespace Discourse.Ingestion.Tests.Support;

/// <summary>Source configs for tests.</summary>
internal static class TestSources
{
    public static FilesSourceConfig Files(params string[] paths) => new()
    {
        Id = "files-test",
        Name = "Files under test",
        Actor = "RU",
        Kind = SourceKind.Official,
        Paths = paths,
    };

    public static WarcSourceConfig Warc(params string[] paths) => new()
    {
        Id = "warc-test",
        Name = "Archive under test",
        Actor = "international",
        Kind = SourceKind.Other,
        Paths = paths,
    };

    public static async Task<List<IngestionEvent>> RunAsync(string stateDirectory, SourceConfig source, TimeProvider? clock = null)
    {
        await using var ingestor = new Ingestor(new IngestionOptions { StateDirectory = stateDirectory, Clock = clock ?? TimeProvider.System });
        var events = new List<IngestionEvent>();
        await foreach (var e in ingestor.IngestAsync(source, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    public static List<Document> Documents(this IEnumerable<IngestionEvent> events) =>
        events.OfType<DocumentIngested>().Select(e => e.Document).ToList();
}
