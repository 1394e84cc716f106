using System.Text.RegularExpressions;
using Discourse.Core.Documents;
using Discourse.Parquet;

namespace Discourse.Dataset.Tests;

public sealed class DatasetSchemaTests
{
    [Fact]
    public void Columns_are_the_documented_ones_in_order()
    {
        Assert.Equal(
            [
                "doc_id", "source_id", "source_name", "actor", "source_kind", "url", "canonical_url", "lang", "title", "text",
                "author", "published_at", "fetched_at", "content_sha256", "duplicate_of", "run_id",
                "score_sovereignty", "score_non_aggression", "score_anti_western_media",
                "label_sovereignty", "label_non_aggression", "label_anti_western_media",
                "evidence_sovereignty", "evidence_non_aggression", "evidence_anti_western_media",
                "model_version",
            ],
            DatasetSchema.Columns.Select(c => c.Name));
        Assert.All(DatasetSchema.Columns, c => Assert.Matches(new Regex("^[a-z][a-z0-9_]*$"), c.Name));
        Assert.All(DatasetSchema.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Meaning)));
    }

    [Fact]
    public void Column_types_match_the_contract()
    {
        var types = DatasetSchema.Columns.ToDictionary(c => c.Name, c => (c.Type, c.Optional));

        Assert.Equal((ParquetElementType.Timestamp, true), types["published_at"]);
        Assert.Equal((ParquetElementType.Timestamp, false), types["fetched_at"]);
        Assert.Equal((ParquetElementType.Double, true), types["score_sovereignty"]);
        Assert.Equal((ParquetElementType.Boolean, true), types["label_non_aggression"]);
        Assert.Equal((ParquetElementType.String, true), types["evidence_anti_western_media"]);
        Assert.Equal((ParquetElementType.String, false), types["doc_id"]);
        Assert.Equal(DatasetSchema.Columns.Select(c => c.Name), DatasetSchema.ParquetSchema.Fields.Select(f => f.Name));
        Assert.Equal(DatasetSchema.Columns.Select(c => c.Optional), DatasetSchema.ParquetSchema.Fields.Select(f => f.IsOptional));
    }

    [Fact]
    public void A_row_holds_every_field_in_column_order()
    {
        var published = new DateTimeOffset(2016, 6, 21, 13, 34, 0, TimeSpan.FromHours(3));
        var labelled = SampleDocuments.Create(4, published);
        var runId = RunId.Parse("20261122T074000Z-3f9a");

        var row = DatasetSchema.ToRow(labelled, runId);
        var byName = DatasetSchema.Columns.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(p => p.Name, p => p.Value);

        Assert.Equal(DatasetSchema.Columns.Count, row.Length);
        Assert.Equal("0000000000000004", byName["doc_id"]);
        Assert.Equal("official", byName["source_kind"]);
        Assert.Equal("Press service", byName["author"]);
        Assert.Equal(published, byName["published_at"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)byName["published_at"]!).Offset);
        Assert.Equal("20261122T074000Z-3f9a", byName["run_id"]);
        Assert.Equal(0.4, byName["score_sovereignty"]);
        Assert.Equal(0.5, byName["score_non_aggression"]);
        Assert.Equal(false, byName["label_sovereignty"]);
        Assert.Equal(true, byName["label_non_aggression"]);
        Assert.Null(byName["evidence_sovereignty"]);
        Assert.Equal("Evidence 4/1", byName["evidence_non_aggression"]);
        Assert.Equal("framing-1.0.0", byName["model_version"]);
    }

    [Fact]
    public void An_unclassified_document_has_null_scores_labels_evidence_and_model()
    {
        var row = DatasetSchema.ToRow(SampleDocuments.Create(1, null, classified: false), RunId.Parse("20261122T074000Z-3f9a"));

        var firstScore = DatasetSchema.Columns.ToList().FindIndex(c => c.Name.StartsWith("score_", StringComparison.Ordinal));
        Assert.All(row[firstScore..], Assert.Null);
        Assert.Null(row[DatasetSchema.Columns.ToList().FindIndex(c => c.Name == "published_at")]);
    }
}
