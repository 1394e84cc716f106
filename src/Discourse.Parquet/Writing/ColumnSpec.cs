using Discourse.Parquet.Format;

namespace Discourse.Parquet.Writing;

/// <summary>How one top-level field is laid out as a Parquet leaf column: physical type, annotations and levels.</summary>
internal sealed class ColumnSpec
{
    private ColumnSpec(ParquetField field, PhysicalType physical, string[] path, int maxDef, int maxRep, int listDefinedLevel)
    {
        Field = field;
        Physical = physical;
        Path = path;
        MaxDefinitionLevel = maxDef;
        MaxRepetitionLevel = maxRep;
        ListDefinedLevel = listDefinedLevel;
    }

    public ParquetField Field { get; }

    public PhysicalType Physical { get; }

    public string[] Path { get; }

    public string DottedPath => string.Join('.', Path);

    public int MaxDefinitionLevel { get; }

    public int MaxRepetitionLevel { get; }

    /// <summary>For a list: the definition level meaning "the list exists but is empty" (0 or 1).</summary>
    public int ListDefinedLevel { get; }

    public static ColumnSpec For(ParquetField field)
    {
        var physical = PhysicalFor(field.Type);
        if (!field.IsList)
        {
            return new ColumnSpec(field, physical, [field.Name], field.IsOptional ? 1 : 0, 0, 0);
        }

        var listDefined = field.IsOptional ? 1 : 0;
        var maxDef = listDefined + 1 + (field.IsElementOptional ? 1 : 0);
        return new ColumnSpec(field, physical, [field.Name, "list", "element"], maxDef, 1, listDefined);
    }

    public static PhysicalType PhysicalFor(ParquetElementType type) => type switch
    {
        ParquetElementType.Boolean => PhysicalType.Boolean,
        ParquetElementType.Int8 or ParquetElementType.Int16 or ParquetElementType.Int32 or ParquetElementType.UInt8
            or ParquetElementType.UInt16 or ParquetElementType.UInt32 or ParquetElementType.Date => PhysicalType.Int32,
        ParquetElementType.Int64 or ParquetElementType.UInt64 or ParquetElementType.Timestamp => PhysicalType.Int64,
        ParquetElementType.Float => PhysicalType.Float,
        ParquetElementType.Double => PhysicalType.Double,
        ParquetElementType.String or ParquetElementType.Binary => PhysicalType.ByteArray,
        ParquetElementType.FixedLenByteArray => PhysicalType.FixedLenByteArray,
        _ => throw new NotSupportedException($"the writer does not write {type} columns"),
    };

    /// <summary>Appends this field's schema elements (one for a primitive, three for a list) in depth-first order.</summary>
    public void AppendSchemaElements(List<SchemaElement> schema)
    {
        var leafRepetition = Field.IsList
            ? (Field.IsElementOptional ? Repetition.Optional : Repetition.Required)
            : (Field.IsOptional ? Repetition.Optional : Repetition.Required);
        var leafName = Field.IsList ? "element" : Field.Name;
        if (Field.IsList)
        {
            schema.Add(new SchemaElement
            {
                Name = Field.Name,
                RepetitionType = Field.IsOptional ? Repetition.Optional : Repetition.Required,
                NumChildren = 1,
                ConvertedType = ConvertedType.List,
                LogicalType = new LogicalTypeInfo { Kind = LogicalTypeInfo.List },
            });
            schema.Add(new SchemaElement { Name = "list", RepetitionType = Repetition.Repeated, NumChildren = 1 });
        }

        var leaf = new SchemaElement
        {
            Name = leafName,
            Type = Physical,
            RepetitionType = leafRepetition,
        };
        switch (Field.Type)
        {
            case ParquetElementType.String:
                leaf.ConvertedType = ConvertedType.Utf8;
                leaf.LogicalType = new LogicalTypeInfo { Kind = LogicalTypeInfo.String };
                break;
            case ParquetElementType.Date:
                leaf.ConvertedType = ConvertedType.Date;
                leaf.LogicalType = new LogicalTypeInfo { Kind = LogicalTypeInfo.Date };
                break;
            case ParquetElementType.Timestamp:
                leaf.ConvertedType = ConvertedType.TimestampMicros;
                leaf.LogicalType = new LogicalTypeInfo { Kind = LogicalTypeInfo.Timestamp, IsAdjustedToUtc = true, TimeUnit = LogicalTypeInfo.Micros };
                break;
            case ParquetElementType.Int8:
                SetInteger(leaf, 8, true, ConvertedType.Int8);
                break;
            case ParquetElementType.Int16:
                SetInteger(leaf, 16, true, ConvertedType.Int16);
                break;
            case ParquetElementType.UInt8:
                SetInteger(leaf, 8, false, ConvertedType.UInt8);
                break;
            case ParquetElementType.UInt16:
                SetInteger(leaf, 16, false, ConvertedType.UInt16);
                break;
            case ParquetElementType.UInt32:
                SetInteger(leaf, 32, false, ConvertedType.UInt32);
                break;
            case ParquetElementType.UInt64:
                SetInteger(leaf, 64, false, ConvertedType.UInt64);
                break;
            case ParquetElementType.FixedLenByteArray:
                leaf.TypeLength = Field.Length;
                break;
            default:
                break;
        }

        schema.Add(leaf);
    }

    private static void SetInteger(SchemaElement leaf, int bits, bool signed, ConvertedType converted)
    {
        leaf.ConvertedType = converted;
        leaf.LogicalType = new LogicalTypeInfo { Kind = LogicalTypeInfo.Integer, BitWidth = bits, IsSigned = signed };
    }
}
