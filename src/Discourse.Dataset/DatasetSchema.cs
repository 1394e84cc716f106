using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Parquet;

namespace Discourse.Dataset;

/// <summary>One column of the dataset: its name, Parquet type, whether it may be null, and what it means.</summary>
/// <param name="Name">The snake_case column name.</param>
/// <param name="Type">The Parquet value type (STRING, DOUBLE, BOOLEAN or TIMESTAMP in microseconds, UTC).</param>
/// <param name="Optional">Whether the column may hold nulls.</param>
/// <param name="Meaning">What the value is, for the documentation and <c>discourse dataset inspect</c>.</param>
public sealed record DatasetColumn(string Name, ParquetElementType Type, bool Optional, string Meaning);

/// <summary>
/// The columns of every dataset file, in file order, and how a <see cref="LabelledDocument"/> becomes a row.
/// Adding a column is compatible; renaming or retyping one bumps <see cref="Version"/>, written into every file's
/// key-value metadata under <see cref="MetadataKeys.SchemaVersion"/>.
/// </summary>
public static class DatasetSchema
{
    /// <summary>The dataset schema version written into every file.</summary>
    public const string Version = "1";

    /// <summary>Every column, in file order: document columns, then per framing score_, label_ and evidence_, then model_version.</summary>
    public static IReadOnlyList<DatasetColumn> Columns { get; } = BuildColumns();

    /// <summary>The Parquet schema of the dataset files.</summary>
    public static ParquetSchema ParquetSchema { get; } = BuildParquetSchema();

    private static List<DatasetColumn> BuildColumns()
    {
        var columns = new List<DatasetColumn>
        {
            new("doc_id", ParquetElementType.String, false, "Stable document id: the first 16 hex digits of the SHA-256 of the canonical URL (or path)."),
            new("source_id", ParquetElementType.String, false, "The id of the source in pipeline.yaml that produced the document."),
            new("source_name", ParquetElementType.String, false, "The source's display name from pipeline.yaml."),
            new("actor", ParquetElementType.String, false, "The actor or country the source speaks for (from pipeline.yaml), e.g. Russia."),
            new("source_kind", ParquetElementType.String, false, "The kind of publisher: official, state_media, independent_media, think_tank or other."),
            new("url", ParquetElementType.String, false, "The URL the text was read from (http(s), or file: for local files)."),
            new("canonical_url", ParquetElementType.String, true, "The canonical URL (rel=canonical or the normalised URL) used for deduplication; null when unknown."),
            new("lang", ParquetElementType.String, false, "Language of the text: en, ru or other."),
            new("title", ParquetElementType.String, false, "The title; empty when the page has none."),
            new("text", ParquetElementType.String, false, "The clean main text, paragraphs separated by a blank line."),
            new("author", ParquetElementType.String, true, "The author or authors as stated on the page; null when not stated."),
            new("published_at", ParquetElementType.Timestamp, true, "Publication time, UTC, microseconds; null when no date was found (such rows are in the __HIVE_DEFAULT_PARTITION__ partition)."),
            new("fetched_at", ParquetElementType.Timestamp, false, "When the page was fetched or read, UTC, microseconds."),
            new("content_sha256", ParquetElementType.String, false, "Lowercase hex SHA-256 of the UTF-8 text column."),
            new("duplicate_of", ParquetElementType.String, true, "The doc_id of an earlier document this one duplicates or nearly duplicates; null for originals."),
            new("run_id", ParquetElementType.String, false, "The run that wrote the row (see _runs/<run_id>.json)."),
        };
        foreach (var framing in FramingNames.All)
        {
            columns.Add(new($"score_{framing.Name()}", ParquetElementType.Double, true, $"Classifier score in [0, 1] for the {framing.Name()} framing; null when the document was not classified."));
        }

        foreach (var framing in FramingNames.All)
        {
            columns.Add(new($"label_{framing.Name()}", ParquetElementType.Boolean, true, $"Whether score_{framing.Name()} reaches the model's threshold; null when not classified."));
        }

        foreach (var framing in FramingNames.All)
        {
            columns.Add(new($"evidence_{framing.Name()}", ParquetElementType.String, true, $"The sentence or window with the highest {framing.Name()} score; null when none or not classified."));
        }

        columns.Add(new("model_version", ParquetElementType.String, true, "The name and version of the model that produced the scores; null when not classified."));
        return columns;
    }

    private static ParquetSchema BuildParquetSchema()
    {
        var builder = new ParquetSchemaBuilder();
        foreach (var column in Columns)
        {
            builder.Column(column.Name, column.Type, column.Optional);
        }

        return builder.Build();
    }

    /// <summary>The row of <paramref name="document"/> in column order; <paramref name="runId"/> fills run_id.</summary>
    internal static object?[] ToRow(LabelledDocument document, RunId runId)
    {
        var d = document.Document;
        var row = new object?[Columns.Count];
        var i = 0;
        row[i++] = d.DocId;
        row[i++] = d.Source.Id;
        row[i++] = d.Source.Name;
        row[i++] = d.Source.Actor;
        row[i++] = ConfigNames.EnumValue(d.Source.Kind);
        row[i++] = d.Url;
        row[i++] = d.CanonicalUrl;
        row[i++] = d.Lang;
        row[i++] = d.Title;
        row[i++] = d.Text;
        row[i++] = d.Author;
        row[i++] = d.PublishedAt?.ToUniversalTime();
        row[i++] = d.FetchedAt.ToUniversalTime();
        row[i++] = d.ContentSha256;
        row[i++] = d.DuplicateOf;
        row[i++] = runId.Value;
        var scores = FramingNames.All.Select(f => document.Scores.FirstOrDefault(s => s.Framing == f)).ToList();
        foreach (var score in scores)
        {
            row[i++] = score?.Score;
        }

        foreach (var score in scores)
        {
            row[i++] = score?.Label;
        }

        foreach (var score in scores)
        {
            row[i++] = score?.Evidence;
        }

        row[i] = document.ModelVersion;
        return row;
    }
}

/// <summary>The key-value metadata keys written into every dataset file's footer.</summary>
public static class MetadataKeys
{
    /// <summary>The dataset schema version (<see cref="DatasetSchema.Version"/>).</summary>
    public const string SchemaVersion = "discourse.schema_version";

    /// <summary>The version of the software that wrote the file.</summary>
    public const string SoftwareVersion = "discourse.software_version";

    /// <summary>The run that wrote the file.</summary>
    public const string RunId = "discourse.run_id";

    /// <summary>The model that classified the rows (absent when none did).</summary>
    public const string ModelVersion = "discourse.model_version";

    /// <summary>The partition the file belongs to, e.g. <c>year=2016/month=06</c>.</summary>
    public const string Partition = "discourse.partition";
}
