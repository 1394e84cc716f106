namespace Discourse.Parquet;

/// <summary>One top-level column: a primitive value, or a LIST of primitive values.</summary>
public sealed class ParquetField
{
    internal ParquetField(string name, ParquetElementType type, bool isOptional)
    {
        Name = name;
        Type = type;
        IsOptional = isOptional;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The value type (for a list: the element type).</summary>
    public ParquetElementType Type { get; }

    /// <summary>True when the column (for a list: the whole list) may be null.</summary>
    public bool IsOptional { get; }

    /// <summary>True for a LIST column; its values are <see cref="IReadOnlyList{T}"/>.</summary>
    public bool IsList { get; internal init; }

    /// <summary>For a list: true when elements may be null.</summary>
    public bool IsElementOptional { get; internal init; }

    /// <summary>Byte length of a <see cref="ParquetElementType.FixedLenByteArray"/> value (0 otherwise).</summary>
    public int Length { get; internal init; }

    /// <summary>DECIMAL precision (0 otherwise).</summary>
    public int Precision { get; internal init; }

    /// <summary>DECIMAL scale (0 otherwise).</summary>
    public int Scale { get; internal init; }

    /// <summary>Unit of a TIME or TIMESTAMP column.</summary>
    public ParquetTimeUnit TimeUnit { get; internal init; } = ParquetTimeUnit.Micros;

    /// <summary>For TIME and TIMESTAMP: whether values are instants normalised to UTC (true) or local wall-clock values.</summary>
    public bool IsAdjustedToUtc { get; internal init; } = true;

    /// <inheritdoc />
    public override string ToString()
    {
        var type = Type switch
        {
            ParquetElementType.FixedLenByteArray => $"FixedLenByteArray({Length})",
            ParquetElementType.Decimal => $"Decimal({Precision},{Scale})",
            ParquetElementType.Timestamp or ParquetElementType.Time => $"{Type}({TimeUnit}{(IsAdjustedToUtc ? ", UTC" : "")})",
            _ => Type.ToString(),
        };
        if (IsList)
        {
            type = $"List<{type}{(IsElementOptional ? "?" : "")}>";
        }

        return $"{Name}: {type}{(IsOptional ? "?" : "")}";
    }
}

/// <summary>The columns of a Parquet file, in order. Build one with <see cref="ParquetSchemaBuilder"/>.</summary>
public sealed class ParquetSchema
{
    internal ParquetSchema(IReadOnlyList<ParquetField> fields) => Fields = fields;

    /// <summary>The top-level columns in file order.</summary>
    public IReadOnlyList<ParquetField> Fields { get; }

    /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Fields);
}
