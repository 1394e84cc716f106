using Discourse.Testing;

namespace Discourse.Parquet.Tests;

public sealed class ParquetFileWriterOfTTests
{
    public sealed record Article(
        [property: ParquetColumn("doc_id")] string Id,
        string? Title,
        int Words,
        long? Views,
        bool Flagged,
        double Score,
        float? Weight,
        DateOnly? Day,
        DateTimeOffset Published,
        DateTimeOffset? Updated,
        byte[]? Hash,
        IReadOnlyList<string?>? Tags,
        int[] Counts,
        uint Unsigned,
        short Small)
    {
        [ParquetIgnore]
        public string Derived => Id + "!";
    }

    private static Article Sample(int i) => new(
        $"doc-{i}",
        i % 3 == 0 ? null : $"Заголовок {i}",
        i * 10,
        i % 4 == 0 ? null : (long)i << 33,
        i % 2 == 0,
        i / 9.0,
        i % 5 == 0 ? null : i / 4f,
        i % 6 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i),
        DateTimeOffset.UnixEpoch.AddSeconds(i * 12345L).AddTicks(i * 10),
        i % 7 == 0 ? null : DateTimeOffset.UnixEpoch.AddDays(i),
        i % 8 == 0 ? null : [(byte)i, 1, 2],
        (i % 5) switch { 0 => null, 1 => [], 2 => ["мир", null], _ => ["a", "b", $"c{i}"] },
        Enumerable.Range(0, i % 4).ToArray(),
        uint.MaxValue - (uint)i,
        (short)-i);

    [Fact]
    public void Schema_follows_the_record_properties()
    {
        var schema = ParquetFileWriter<Article>.Schema;

        Assert.Equal(
            ["doc_id: String", "Title: String?", "Words: Int32", "Views: Int64?", "Flagged: Boolean", "Score: Double", "Weight: Float?",
             "Day: Date?", "Published: Timestamp(Micros, UTC)", "Updated: Timestamp(Micros, UTC)?", "Hash: Binary?", "Tags: List<String?>?",
             "Counts: List<Int32>", "Unsigned: UInt32", "Small: Int16"],
            schema.Fields.Select(f => f.ToString()).ToArray());
    }

    [SkippableFact]
    public void Records_round_trip_and_independent_readers_agree()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("articles.parquet");
        var articles = Enumerable.Range(0, 500).Select(Sample).ToList();
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter<Article>(stream, new ParquetWriteOptions { PageBytes = 2048 }))
        {
            writer.WriteAll(articles);
            writer.Complete();
        }

        using (var reader = ParquetFileReader.Open(path))
        {
            var rows = reader.ReadRows().ToList();
            Assert.Equal(articles.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var a = articles[i];
                ParquetFileWriterTests.AssertRowEqual(
                    [a.Id, a.Title, a.Words, a.Views, a.Flagged, a.Score, a.Weight, a.Day, a.Published, a.Updated, a.Hash, a.Tags, a.Counts, a.Unsigned, a.Small],
                    rows[i]);
            }
        }

        if (ParquetCheck.Locate() is not null)
        {
            ParquetCheck.Validate(path);
        }
    }

    [Fact]
    public void A_null_in_a_required_property_is_rejected_before_anything_is_written()
    {
        using var stream = new MemoryStream();
        using var writer = new ParquetFileWriter<Article>(stream);
        writer.Write(Sample(1));

        var error = Assert.Throws<ArgumentException>(() => writer.Write(Sample(2) with { Id = null! }));
        Assert.Contains("'doc_id' is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => writer.Write(Sample(3) with { Tags = ["ok", "bad \uDC00"] }));
        writer.Write(Sample(4));
        writer.Complete();

        stream.Position = 0;
        using var reader = ParquetFileReader.Open(stream);
        Assert.Equal(["doc-1", "doc-4"], reader.ReadColumn("doc_id").Cast<string>().ToArray());
    }
}
