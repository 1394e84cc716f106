using Discourse.Parquet;
using Discourse.Testing;

namespace Discourse.Dataset.Tests;

public sealed class DocumentationTests
{
    [Fact]
    public void Readme_lists_every_column_with_its_type_and_nullability_in_order()
    {
        var doc = File.ReadAllLines(Path.Combine(ReferenceData.RepositoryRoot, "README.md"));
        var rows = doc.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 4 && cells[2] is "STRING" or "DOUBLE" or "BOOLEAN" or "TIMESTAMP")
            .Select(cells => (Name: cells[1].Trim('`'), Type: cells[2], Optional: cells[3] == "yes"))
            .ToList();

        var expected = DatasetSchema.Columns.Select(c => (c.Name, Type: c.Type switch
        {
            ParquetElementType.String => "STRING",
            ParquetElementType.Double => "DOUBLE",
            ParquetElementType.Boolean => "BOOLEAN",
            ParquetElementType.Timestamp => "TIMESTAMP",
            _ => c.Type.ToString(),
        }, c.Optional)).ToList();
        Assert.Equal(expected, rows);
    }
}
