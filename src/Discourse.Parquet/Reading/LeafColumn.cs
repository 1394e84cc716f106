using Discourse.Parquet.Format;

namespace Discourse.Parquet.Reading;

/// <summary>One leaf column of the file schema: its path, physical type, levels and how values convert to CLR types.</summary>
internal sealed class LeafColumn
{
    public required string[] Path { get; init; }

    public string DottedPath => string.Join('.', Path);

    public required PhysicalType Physical { get; init; }

    public int TypeLength { get; init; }

    public int MaxDefinitionLevel { get; init; }

    public int MaxRepetitionLevel { get; init; }

    /// <summary>The value type the leaf's values are converted to.</summary>
    public required ParquetElementType ValueType { get; init; }

    public int Precision { get; init; }

    public int Scale { get; init; }

    public ParquetTimeUnit TimeUnit { get; init; } = ParquetTimeUnit.Micros;

    /// <summary>Why the values cannot be converted (an unsupported annotation), or null.</summary>
    public string? Unsupported { get; init; }
}

/// <summary>How one top-level field is assembled from its leaf columns.</summary>
internal sealed class FieldLayout
{
    public required ParquetField Field { get; init; }

    /// <summary>Index of the field's first leaf column in the row group's column chunks.</summary>
    public int FirstLeaf { get; init; }

    /// <summary>Number of leaf columns under the field.</summary>
    public int LeafCount { get; init; }

    /// <summary>For a list: the definition level at which the list exists (and is empty unless the level is higher).</summary>
    public int ListDefinedLevel { get; init; }

    /// <summary>Why the field cannot be read as rows, or null when it can.</summary>
    public string? Unsupported { get; init; }
}
