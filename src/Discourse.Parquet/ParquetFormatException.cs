namespace Discourse.Parquet;

/// <summary>A Parquet file is malformed or uses a feature this library does not read. The message names the file, the column (when one is involved) and the reason.</summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Creates the exception with a plain message.</summary>
    public ParquetFormatException()
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a plain message and the underlying cause.</summary>
    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from its parts; the message reads "FILE: column COLUMN: REASON".</summary>
    public ParquetFormatException(string file, string? column, string reason, Exception? innerException = null)
        : base(Compose(file, column, reason), innerException)
    {
        File = file;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file (path, or a description of the stream).</summary>
    public string? File { get; }

    /// <summary>The column path, when the problem is in one column.</summary>
    public string? Column { get; }

    /// <summary>What is wrong.</summary>
    public string? Reason { get; }

    private static string Compose(string file, string? column, string reason) =>
        column is null ? $"{file}: {reason}" : $"{file}: column '{column}': {reason}";
}
