using System.Linq.Expressions;
using System.Reflection;

namespace Discourse.Parquet.Writing;

/// <summary>Writes one property of a record into its column, through a compiled getter: no boxing, no reflection per row.</summary>
internal abstract class PropertyWriter<T>
{
    protected PropertyWriter(ParquetField field) => Field = field;

    public ParquetField Field { get; }

    /// <summary>Throws ArgumentException when the row's value does not fit the column (checked before any column is written).</summary>
    public abstract void Check(T row);

    public abstract void Write(T row, ColumnWriter column);
}

/// <summary>How one CLR type is stored: its Parquet type, null test and typed append.</summary>
internal sealed class ValueStore<TValue>(ParquetElementType type, Func<TValue, bool> isNull, Action<ColumnWriter, TValue> add, Func<TValue, string?>? problem = null)
{
    public ParquetElementType Type { get; } = type;

    public Func<TValue, bool> IsNull { get; } = isNull;

    public Action<ColumnWriter, TValue> Add { get; } = add;

    /// <summary>Returns a description of what is wrong with a non-null value, or null.</summary>
    public Func<TValue, string?>? Problem { get; } = problem;
}

internal sealed class ScalarPropertyWriter<T, TValue>(ParquetField field, Func<T, TValue> getter, ValueStore<TValue> store) : PropertyWriter<T>(field)
{
    public override void Check(T row)
    {
        var value = getter(row);
        if (store.IsNull(value))
        {
            if (!Field.IsOptional)
            {
                throw new ArgumentException($"Column '{Field.Name}' is required but the value is null.");
            }

            return;
        }

        if (store.Problem?.Invoke(value) is { } problem)
        {
            throw new ArgumentException($"Column '{Field.Name}': {problem}");
        }
    }

    public override void Write(T row, ColumnWriter column)
    {
        var value = getter(row);
        if (store.IsNull(value))
        {
            column.AddLevels(0, 0);
            return;
        }

        column.AddLevels(column.Spec.MaxDefinitionLevel, 0);
        store.Add(column, value);
    }
}

internal sealed class ListPropertyWriter<T, TElement>(ParquetField field, Func<T, IEnumerable<TElement>?> getter, ValueStore<TElement> store) : PropertyWriter<T>(field)
{
    public override void Check(T row)
    {
        var list = getter(row);
        if (list is null)
        {
            if (!Field.IsOptional)
            {
                throw new ArgumentException($"Column '{Field.Name}' is required but the list is null.");
            }

            return;
        }

        var index = 0;
        foreach (var element in list)
        {
            if (store.IsNull(element))
            {
                if (!Field.IsElementOptional)
                {
                    throw new ArgumentException($"Column '{Field.Name}': element {index} is null but the list's elements are required.");
                }
            }
            else if (store.Problem?.Invoke(element) is { } problem)
            {
                throw new ArgumentException($"Column '{Field.Name}' element {index}: {problem}");
            }

            index++;
        }
    }

    public override void Write(T row, ColumnWriter column)
    {
        var list = getter(row);
        var spec = column.Spec;
        if (list is null)
        {
            column.AddLevels(0, 0);
            return;
        }

        var first = true;
        foreach (var element in list)
        {
            var repetition = first ? 0 : 1;
            first = false;
            if (store.IsNull(element))
            {
                column.AddLevels(spec.MaxDefinitionLevel - 1, repetition);
            }
            else
            {
                column.AddLevels(spec.MaxDefinitionLevel, repetition);
                store.Add(column, element);
            }
        }

        if (first)
        {
            column.AddLevels(spec.ListDefinedLevel, 0);
        }
    }
}

/// <summary>Builds the schema and property writers of a record type from its public readable properties.</summary>
internal static class RecordLayout<T>
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static (ParquetSchema Schema, PropertyWriter<T>[] Writers) Build()
    {
        var writers = new List<PropertyWriter<T>>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<ParquetIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = property.GetCustomAttribute<ParquetColumnAttribute>()?.Name ?? property.Name;
            writers.Add(Create(property, name));
        }

        if (writers.Count == 0)
        {
            throw new NotSupportedException($"{typeof(T).Name} has no public readable properties to write as columns.");
        }

        var duplicate = writers.GroupBy(w => w.Field.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new NotSupportedException($"{typeof(T).Name} maps two properties to column '{duplicate.Key}'.");
        }

        return (new ParquetSchema(writers.Select(w => w.Field).ToArray()), writers.ToArray());
    }

    private static PropertyWriter<T> Create(PropertyInfo property, string name)
    {
        var nullability = Nullability.Create(property);
        var type = property.PropertyType;
        if (type != typeof(string) && type != typeof(byte[]) && ElementTypeOf(type) is { } elementType)
        {
            var elementNullability = type.IsArray ? nullability.ElementType : nullability.GenericTypeArguments.FirstOrDefault();
            var elementOptional = Nullable.GetUnderlyingType(elementType) is not null || (!elementType.IsValueType && elementNullability?.ReadState != NullabilityState.NotNull);
            var method = typeof(RecordLayout<T>).GetMethod(nameof(CreateList), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(elementType);
            return (PropertyWriter<T>)method.Invoke(null, [property, name, nullability.ReadState != NullabilityState.NotNull, elementOptional])!;
        }

        var optional = Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && nullability.ReadState != NullabilityState.NotNull);
        var scalar = typeof(RecordLayout<T>).GetMethod(nameof(CreateScalar), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        return (PropertyWriter<T>)scalar.Invoke(null, [property, name, optional])!;
    }

    private static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static PropertyWriter<T> CreateScalar<TValue>(PropertyInfo property, string name, bool optional)
    {
        var store = ValueStores.For<TValue>() ?? throw Unsupported(property);
        var field = new ParquetField(name, store.Type, optional);
        return new ScalarPropertyWriter<T, TValue>(field, Getter<TValue>(property), store);
    }

    private static PropertyWriter<T> CreateList<TElement>(PropertyInfo property, string name, bool optional, bool elementOptional)
    {
        var store = ValueStores.For<TElement>() ?? throw Unsupported(property);
        var field = new ParquetField(name, store.Type, optional) { IsList = true, IsElementOptional = elementOptional };
        return new ListPropertyWriter<T, TElement>(field, Getter<IEnumerable<TElement>?>(property), store);
    }

    private static NotSupportedException Unsupported(PropertyInfo property) =>
        new($"{typeof(T).Name}.{property.Name}: {property.PropertyType.Name} has no Parquet column type (use string, bool, integers, float, double, byte[], DateOnly, DateTimeOffset, their nullable forms, or a collection of them).");

    private static Func<T, TValue> Getter<TValue>(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression body = Expression.Property(row, property);
        if (body.Type != typeof(TValue))
        {
            body = Expression.Convert(body, typeof(TValue));
        }

        return Expression.Lambda<Func<T, TValue>>(body, row).Compile();
    }
}

/// <summary>The typed stores for each supported CLR type (and its nullable form).</summary>
internal static class ValueStores
{
    public static ValueStore<TValue>? For<TValue>()
    {
        object? store = typeof(TValue) switch
        {
            var t when t == typeof(string) => new ValueStore<string?>(ParquetElementType.String, v => v is null, (c, v) => c.AddString(v!),
                v => RowValueChecker.IsWellFormedUtf16(v!) ? null : "the string holds an unpaired surrogate, which has no UTF-8 form"),
            var t when t == typeof(byte[]) => new ValueStore<byte[]?>(ParquetElementType.Binary, v => v is null, (c, v) => c.AddBytes(v!)),
            var t when t == typeof(bool) => Value<bool>(ParquetElementType.Boolean, (c, v) => c.AddBoolean(v)),
            var t when t == typeof(sbyte) => Value<sbyte>(ParquetElementType.Int8, (c, v) => c.AddInt32(v)),
            var t when t == typeof(short) => Value<short>(ParquetElementType.Int16, (c, v) => c.AddInt32(v)),
            var t when t == typeof(int) => Value<int>(ParquetElementType.Int32, (c, v) => c.AddInt32(v)),
            var t when t == typeof(long) => Value<long>(ParquetElementType.Int64, (c, v) => c.AddInt64(v)),
            var t when t == typeof(byte) => Value<byte>(ParquetElementType.UInt8, (c, v) => c.AddInt32(v)),
            var t when t == typeof(ushort) => Value<ushort>(ParquetElementType.UInt16, (c, v) => c.AddInt32(v)),
            var t when t == typeof(uint) => Value<uint>(ParquetElementType.UInt32, (c, v) => c.AddInt32(unchecked((int)v))),
            var t when t == typeof(ulong) => Value<ulong>(ParquetElementType.UInt64, (c, v) => c.AddInt64(unchecked((long)v))),
            var t when t == typeof(float) => Value<float>(ParquetElementType.Float, (c, v) => c.AddFloat(v)),
            var t when t == typeof(double) => Value<double>(ParquetElementType.Double, (c, v) => c.AddDouble(v)),
            var t when t == typeof(DateOnly) => Value<DateOnly>(ParquetElementType.Date, (c, v) => c.AddInt32(v.DayNumber - ValueConversions.UnixEpochDayNumber)),
            var t when t == typeof(DateTimeOffset) => Value<DateTimeOffset>(ParquetElementType.Timestamp, (c, v) => c.AddInt64(ValueConversions.ToUnixMicroseconds(v))),
            var t when t == typeof(bool?) => Nullable<bool>(ParquetElementType.Boolean, (c, v) => c.AddBoolean(v)),
            var t when t == typeof(sbyte?) => Nullable<sbyte>(ParquetElementType.Int8, (c, v) => c.AddInt32(v)),
            var t when t == typeof(short?) => Nullable<short>(ParquetElementType.Int16, (c, v) => c.AddInt32(v)),
            var t when t == typeof(int?) => Nullable<int>(ParquetElementType.Int32, (c, v) => c.AddInt32(v)),
            var t when t == typeof(long?) => Nullable<long>(ParquetElementType.Int64, (c, v) => c.AddInt64(v)),
            var t when t == typeof(byte?) => Nullable<byte>(ParquetElementType.UInt8, (c, v) => c.AddInt32(v)),
            var t when t == typeof(ushort?) => Nullable<ushort>(ParquetElementType.UInt16, (c, v) => c.AddInt32(v)),
            var t when t == typeof(uint?) => Nullable<uint>(ParquetElementType.UInt32, (c, v) => c.AddInt32(unchecked((int)v))),
            var t when t == typeof(ulong?) => Nullable<ulong>(ParquetElementType.UInt64, (c, v) => c.AddInt64(unchecked((long)v))),
            var t when t == typeof(float?) => Nullable<float>(ParquetElementType.Float, (c, v) => c.AddFloat(v)),
            var t when t == typeof(double?) => Nullable<double>(ParquetElementType.Double, (c, v) => c.AddDouble(v)),
            var t when t == typeof(DateOnly?) => Nullable<DateOnly>(ParquetElementType.Date, (c, v) => c.AddInt32(v.DayNumber - ValueConversions.UnixEpochDayNumber)),
            var t when t == typeof(DateTimeOffset?) => Nullable<DateTimeOffset>(ParquetElementType.Timestamp, (c, v) => c.AddInt64(ValueConversions.ToUnixMicroseconds(v))),
            _ => null,
        };
        return store as ValueStore<TValue>;
    }

    private static ValueStore<TValue> Value<TValue>(ParquetElementType type, Action<ColumnWriter, TValue> add)
        where TValue : struct => new(type, static _ => false, add);

    private static ValueStore<TValue?> Nullable<TValue>(ParquetElementType type, Action<ColumnWriter, TValue> add)
        where TValue : struct => new(type, static v => !v.HasValue, (c, v) => add(c, v!.Value));
}
