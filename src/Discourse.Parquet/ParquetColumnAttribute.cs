namespace Discourse.Parquet;

/// <summary>Names the column a property of a record written with <see cref="ParquetFileWriter{T}"/> goes to (default: the property name).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ParquetColumnAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}

/// <summary>Leaves a property out of the columns <see cref="ParquetFileWriter{T}"/> writes.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ParquetIgnoreAttribute : Attribute;
