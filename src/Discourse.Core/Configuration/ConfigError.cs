namespace Discourse.Core.Configuration;

/// <summary>One problem found in a configuration file: where it is, what was expected, and how to fix it.</summary>
/// <param name="File">The configuration file (as given by the user).</param>
/// <param name="Line">1-based line of the offending node (1 when the problem concerns the whole file).</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ConfigError(string File, int Line, int Column, string Message, string Fix)
{
    /// <summary>The compiler-style form <c>file:line:column: error: message (fix: ...)</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message} Fix: {Fix}";
}

/// <summary>Thrown when a configuration file cannot be read or is invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class PipelineConfigException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public PipelineConfigException(IReadOnlyList<ConfigError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception for one problem, keeping its cause.</summary>
    public PipelineConfigException(ConfigError error, Exception? innerException)
        : base(Describe([error]), innerException) => Errors = [error];

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var header = errors.Count == 1 ? "The configuration has 1 error:" : $"The configuration has {errors.Count} errors:";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}
