namespace Discourse.Parquet;

/// <summary>
/// Builds a <see cref="ParquetSchema"/> column by column:
/// <c>new ParquetSchemaBuilder().String("title").Int64("views", optional: true).List("tags", ParquetElementType.String).Build()</c>.
/// </summary>
public sealed class ParquetSchemaBuilder
{
    private readonly List<ParquetField> _fields = [];

    /// <summary>A UTF-8 string column.</summary>
    public ParquetSchemaBuilder String(string name, bool optional = false) => Add(name, ParquetElementType.String, optional);

    /// <summary>A 32-bit signed integer column.</summary>
    public ParquetSchemaBuilder Int32(string name, bool optional = false) => Add(name, ParquetElementType.Int32, optional);

    /// <summary>A 64-bit signed integer column.</summary>
    public ParquetSchemaBuilder Int64(string name, bool optional = false) => Add(name, ParquetElementType.Int64, optional);

    /// <summary>A boolean column.</summary>
    public ParquetSchemaBuilder Boolean(string name, bool optional = false) => Add(name, ParquetElementType.Boolean, optional);

    /// <summary>A 32-bit float column.</summary>
    public ParquetSchemaBuilder Float(string name, bool optional = false) => Add(name, ParquetElementType.Float, optional);

    /// <summary>A 64-bit float column.</summary>
    public ParquetSchemaBuilder Double(string name, bool optional = false) => Add(name, ParquetElementType.Double, optional);

    /// <summary>A calendar date column (<see cref="DateOnly"/>).</summary>
    public ParquetSchemaBuilder Date(string name, bool optional = false) => Add(name, ParquetElementType.Date, optional);

    /// <summary>A timestamp column stored as microseconds since the epoch, UTC (<see cref="DateTimeOffset"/>).</summary>
    public ParquetSchemaBuilder Timestamp(string name, bool optional = false) => Add(name, ParquetElementType.Timestamp, optional);

    /// <summary>A variable-length binary column (<see cref="byte"/>[]).</summary>
    public ParquetSchemaBuilder Binary(string name, bool optional = false) => Add(name, ParquetElementType.Binary, optional);

    /// <summary>A fixed-length binary column; every value must have exactly <paramref name="length"/> bytes.</summary>
    public ParquetSchemaBuilder FixedLenByteArray(string name, int length, bool optional = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return Add(new ParquetField(name, ParquetElementType.FixedLenByteArray, optional) { Length = length });
    }

    /// <summary>An integer column of the given width and signedness (8/16/32/64 bits).</summary>
    public ParquetSchemaBuilder Integer(string name, int bitWidth, bool signed, bool optional = false)
    {
        var type = ValueConversions.IntegerType(bitWidth, signed)
            ?? throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "Integer columns are 8, 16, 32 or 64 bits wide.");
        return Add(name, type, optional);
    }

    /// <summary>A column of any writable <paramref name="type"/> (not FixedLenByteArray, which needs a length).</summary>
    public ParquetSchemaBuilder Column(string name, ParquetElementType type, bool optional = false) => Add(name, type, optional);

    /// <summary>
    /// A LIST column in the specification's three-level form. <paramref name="optional"/>: the list itself may be null;
    /// <paramref name="elementOptional"/>: elements may be null.
    /// </summary>
    public ParquetSchemaBuilder List(string name, ParquetElementType elementType, bool optional = false, bool elementOptional = false)
    {
        if (elementType == ParquetElementType.FixedLenByteArray)
        {
            throw new ArgumentException("Use ListOfFixedLenByteArray for fixed-length elements: they need a length.", nameof(elementType));
        }

        return Add(new ParquetField(name, elementType, optional) { IsList = true, IsElementOptional = elementOptional });
    }

    /// <summary>A LIST of fixed-length binary values of <paramref name="length"/> bytes.</summary>
    public ParquetSchemaBuilder ListOfFixedLenByteArray(string name, int length, bool optional = false, bool elementOptional = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return Add(new ParquetField(name, ParquetElementType.FixedLenByteArray, optional) { IsList = true, IsElementOptional = elementOptional, Length = length });
    }

    /// <summary>Returns the schema; throws when it has no columns.</summary>
    public ParquetSchema Build()
    {
        if (_fields.Count == 0)
        {
            throw new InvalidOperationException("A Parquet schema needs at least one column.");
        }

        return new ParquetSchema(_fields.ToArray());
    }

    private ParquetSchemaBuilder Add(string name, ParquetElementType type, bool optional)
    {
        if (type == ParquetElementType.FixedLenByteArray)
        {
            throw new ArgumentException("Use FixedLenByteArray(name, length) for fixed-length columns.", nameof(type));
        }

        return Add(new ParquetField(name, type, optional));
    }

    private ParquetSchemaBuilder Add(ParquetField field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field.Name);
        if (field.Type is ParquetElementType.Time or ParquetElementType.Decimal or ParquetElementType.Float16 or ParquetElementType.Uuid or ParquetElementType.Nested)
        {
            throw new NotSupportedException($"Column '{field.Name}': the writer does not write {field.Type} columns (the reader reads them).");
        }

        if (_fields.Exists(f => string.Equals(f.Name, field.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Column '{field.Name}' is defined twice.", nameof(field));
        }

        _fields.Add(field);
        return this;
    }
}
