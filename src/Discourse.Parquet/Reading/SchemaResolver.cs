using Discourse.Parquet.Format;

namespace Discourse.Parquet.Reading;

/// <summary>
/// Turns the footer's flattened schema (depth-first, with child counts) into top-level fields and leaf columns,
/// applying LogicalTypes.md's list rules, including the backward-compatible two-level forms.
/// </summary>
internal static class SchemaResolver
{
    private sealed class Node
    {
        public required SchemaElement Element { get; init; }

        public List<Node> Children { get; } = [];

        public bool IsGroup => Element.NumChildren is > 0 || Element.Type is null;

        public Repetition Repetition => Element.RepetitionType ?? Repetition.Required;
    }

    public static (List<FieldLayout> Fields, List<LeafColumn> Leaves) Resolve(List<SchemaElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new InvalidDataException("the schema is empty");
        }

        var index = 0;
        var root = BuildTree(elements, ref index, 0);
        if (index != elements.Count)
        {
            throw new InvalidDataException($"the schema lists {elements.Count} elements but the root's children cover {index}");
        }

        var fields = new List<FieldLayout>();
        var leaves = new List<LeafColumn>();
        foreach (var child in root.Children)
        {
            var first = leaves.Count;
            CollectLeaves(child, [], 0, 0, leaves);
            fields.Add(Layout(child, first, leaves.Count - first, leaves));
        }

        return (fields, leaves);
    }

    private static Node BuildTree(List<SchemaElement> elements, ref int index, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidDataException("the schema nests deeper than 64 levels");
        }

        if (index >= elements.Count)
        {
            throw new InvalidDataException("the schema's child counts run past its element list");
        }

        var node = new Node { Element = elements[index++] };
        var children = node.Element.NumChildren ?? 0;
        if (children < 0 || children > elements.Count - index)
        {
            throw new InvalidDataException($"schema element '{node.Element.Name}' claims {children} children; only {elements.Count - index} elements follow");
        }

        if (depth > 0 && children == 0 && node.Element.Type is null)
        {
            throw new InvalidDataException($"schema element '{node.Element.Name}' has neither a type nor children");
        }

        for (var i = 0; i < children; i++)
        {
            node.Children.Add(BuildTree(elements, ref index, depth + 1));
        }

        return node;
    }

    private static void CollectLeaves(Node node, List<string> path, int def, int rep, List<LeafColumn> leaves)
    {
        var childPath = new List<string>(path) { node.Element.Name };
        if (node.Repetition == Repetition.Optional)
        {
            def++;
        }
        else if (node.Repetition == Repetition.Repeated)
        {
            def++;
            rep++;
        }

        if (node.IsGroup)
        {
            foreach (var child in node.Children)
            {
                CollectLeaves(child, childPath, def, rep, leaves);
            }

            return;
        }

        leaves.Add(MakeLeaf(node.Element, [.. childPath], def, rep));
    }

    private static FieldLayout Layout(Node node, int firstLeaf, int leafCount, List<LeafColumn> leaves)
    {
        var name = node.Element.Name;
        var optional = node.Repetition == Repetition.Optional;
        if (!node.IsGroup)
        {
            var leaf = leaves[firstLeaf];
            if (node.Repetition == Repetition.Repeated)
            {
                // A repeated primitive without a LIST annotation is a required list of required elements.
                return new FieldLayout { Field = FieldFor(name, leaf, false, isList: true, elementOptional: false), FirstLeaf = firstLeaf, LeafCount = 1, ListDefinedLevel = 0 };
            }

            return new FieldLayout { Field = FieldFor(name, leaf, optional, isList: false, elementOptional: false), FirstLeaf = firstLeaf, LeafCount = 1 };
        }

        var isListAnnotated = node.Element.ConvertedType == ConvertedType.List || node.Element.LogicalType?.Kind == LogicalTypeInfo.List;
        if (isListAnnotated && node.Repetition != Repetition.Repeated && node.Children.Count == 1 && node.Children[0].Repetition == Repetition.Repeated)
        {
            var repeated = node.Children[0];
            var listDefined = optional ? 1 : 0;
            if (!repeated.IsGroup)
            {
                // Two-level form: the repeated primitive is the element.
                return new FieldLayout { Field = FieldFor(name, leaves[firstLeaf], optional, isList: true, elementOptional: false), FirstLeaf = firstLeaf, LeafCount = 1, ListDefinedLevel = listDefined };
            }

            var elementIsRepeatedGroup = repeated.Children.Count != 1
                || repeated.Element.Name == "array"
                || repeated.Element.Name == name + "_tuple";
            if (!elementIsRepeatedGroup && !repeated.Children[0].IsGroup && repeated.Children[0].Repetition != Repetition.Repeated)
            {
                var element = repeated.Children[0];
                return new FieldLayout
                {
                    Field = FieldFor(name, leaves[firstLeaf], optional, isList: true, elementOptional: element.Repetition == Repetition.Optional),
                    FirstLeaf = firstLeaf,
                    LeafCount = 1,
                    ListDefinedLevel = listDefined,
                };
            }

            return Nested(name, optional, firstLeaf, leafCount, "a list of structs or nested lists (only lists of primitive values are read)");
        }

        var kind = node.Element.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue || node.Element.LogicalType?.Kind == LogicalTypeInfo.Map
            ? "a map"
            : isListAnnotated ? "a list in an unrecognised layout" : "a struct";
        return Nested(name, optional, firstLeaf, leafCount, $"{kind} (only primitive columns and lists of primitive values are read)");
    }

    private static FieldLayout Nested(string name, bool optional, int firstLeaf, int leafCount, string reason) => new()
    {
        Field = new ParquetField(name, ParquetElementType.Nested, optional),
        FirstLeaf = firstLeaf,
        LeafCount = leafCount,
        Unsupported = $"is {reason}",
    };

    private static ParquetField FieldFor(string name, LeafColumn leaf, bool optional, bool isList, bool elementOptional) =>
        new(name, leaf.ValueType, optional)
        {
            IsList = isList,
            IsElementOptional = elementOptional,
            Length = leaf.ValueType == ParquetElementType.FixedLenByteArray ? leaf.TypeLength : 0,
            Precision = leaf.Precision,
            Scale = leaf.Scale,
            TimeUnit = leaf.TimeUnit,
            IsAdjustedToUtc = true,
        };

    private static LeafColumn MakeLeaf(SchemaElement e, string[] path, int def, int rep)
    {
        var physical = e.Type ?? PhysicalType.ByteArray;
        var logical = e.LogicalType;
        var converted = e.ConvertedType;
        ParquetElementType type;
        var unit = ParquetTimeUnit.Micros;
        int precision = 0, scale = 0;
        string? unsupported = null;

        var isDecimal = logical?.Kind == LogicalTypeInfo.Decimal || (logical is null && converted == ConvertedType.Decimal);
        if (isDecimal)
        {
            precision = logical?.Kind == LogicalTypeInfo.Decimal ? logical.Precision : e.Precision ?? 0;
            scale = logical?.Kind == LogicalTypeInfo.Decimal ? logical.Scale : e.Scale ?? 0;
            if (precision > 28 || scale > 28 || scale < 0)
            {
                unsupported = $"DECIMAL({precision},{scale}) exceeds the 28 digits of System.Decimal";
            }
        }

        switch (physical)
        {
            case PhysicalType.Boolean:
                type = ParquetElementType.Boolean;
                break;
            case PhysicalType.Int32:
                type = isDecimal ? ParquetElementType.Decimal : IntegerType(logical, converted, 32) ?? ParquetElementType.Int32;
                if (logical?.Kind == LogicalTypeInfo.Date || (logical is null && converted == ConvertedType.Date))
                {
                    type = ParquetElementType.Date;
                }
                else if (logical?.Kind == LogicalTypeInfo.Time || (logical is null && converted == ConvertedType.TimeMillis))
                {
                    type = ParquetElementType.Time;
                    unit = logical is not null ? Unit(logical.TimeUnit) : ParquetTimeUnit.Millis;
                }

                break;
            case PhysicalType.Int64:
                type = isDecimal ? ParquetElementType.Decimal : IntegerType(logical, converted, 64) ?? ParquetElementType.Int64;
                if (logical?.Kind == LogicalTypeInfo.Timestamp)
                {
                    type = ParquetElementType.Timestamp;
                    unit = Unit(logical.TimeUnit);
                }
                else if (logical is null && converted is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
                {
                    type = ParquetElementType.Timestamp;
                    unit = converted == ConvertedType.TimestampMillis ? ParquetTimeUnit.Millis : ParquetTimeUnit.Micros;
                }
                else if (logical?.Kind == LogicalTypeInfo.Time)
                {
                    type = ParquetElementType.Time;
                    unit = Unit(logical.TimeUnit);
                }
                else if (logical is null && converted == ConvertedType.TimeMicros)
                {
                    type = ParquetElementType.Time;
                    unit = ParquetTimeUnit.Micros;
                }

                break;
            case PhysicalType.Int96:
                type = ParquetElementType.Timestamp;
                unit = ParquetTimeUnit.Nanos;
                break;
            case PhysicalType.Float:
                type = ParquetElementType.Float;
                break;
            case PhysicalType.Double:
                type = ParquetElementType.Double;
                break;
            case PhysicalType.ByteArray:
                type = isDecimal
                    ? ParquetElementType.Decimal
                    : logical?.Kind is LogicalTypeInfo.String or LogicalTypeInfo.Enum or LogicalTypeInfo.Json
                      || (logical is null && converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json)
                        ? ParquetElementType.String
                        : ParquetElementType.Binary;
                break;
            case PhysicalType.FixedLenByteArray:
                if (e.TypeLength is not > 0)
                {
                    throw new InvalidDataException($"FIXED_LEN_BYTE_ARRAY column '{string.Join('.', path)}' has no positive type_length");
                }

                type = isDecimal ? ParquetElementType.Decimal : ParquetElementType.FixedLenByteArray;
                if (logical?.Kind == LogicalTypeInfo.Uuid && e.TypeLength == 16)
                {
                    type = ParquetElementType.Uuid;
                }
                else if (logical?.Kind == LogicalTypeInfo.Float16 && e.TypeLength == 2)
                {
                    type = ParquetElementType.Float16;
                }
                else if (converted == ConvertedType.Interval)
                {
                    unsupported = "INTERVAL values are not supported";
                }

                break;
            default:
                throw new InvalidDataException($"column '{string.Join('.', path)}' has unknown physical type {(int)physical}");
        }

        return new LeafColumn
        {
            Path = path,
            Physical = physical,
            TypeLength = e.TypeLength ?? 0,
            MaxDefinitionLevel = def,
            MaxRepetitionLevel = rep,
            ValueType = type,
            Precision = precision,
            Scale = scale,
            TimeUnit = unit,
            Unsupported = unsupported,
        };
    }

    private static ParquetTimeUnit Unit(int unit) => unit switch
    {
        LogicalTypeInfo.Millis => ParquetTimeUnit.Millis,
        LogicalTypeInfo.Nanos => ParquetTimeUnit.Nanos,
        _ => ParquetTimeUnit.Micros,
    };

    private static ParquetElementType? IntegerType(LogicalTypeInfo? logical, ConvertedType converted, int physicalBits)
    {
        if (logical?.Kind == LogicalTypeInfo.Integer)
        {
            return ValueConversions.IntegerType(logical.BitWidth, logical.IsSigned)
                ?? (physicalBits == 32 ? ParquetElementType.Int32 : ParquetElementType.Int64);
        }

        if (logical is not null)
        {
            return null;
        }

        return converted switch
        {
            ConvertedType.Int8 => ParquetElementType.Int8,
            ConvertedType.Int16 => ParquetElementType.Int16,
            ConvertedType.Int32 => ParquetElementType.Int32,
            ConvertedType.Int64 => ParquetElementType.Int64,
            ConvertedType.UInt8 => ParquetElementType.UInt8,
            ConvertedType.UInt16 => ParquetElementType.UInt16,
            ConvertedType.UInt32 => ParquetElementType.UInt32,
            ConvertedType.UInt64 => ParquetElementType.UInt64,
            _ => null,
        };
    }
}
