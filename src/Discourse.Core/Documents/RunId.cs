using System.Globalization;
using System.Text.RegularExpressions;

namespace Discourse.Core.Documents;

/// <summary>
/// Identifies one pipeline run: the UTC start time plus a random suffix, e.g. <c>20261122T074000Z-3f9a</c>.
/// Sorts by start time as a string; safe in file names.
/// </summary>
public readonly partial record struct RunId
{
    private RunId(string value) => Value = value;

    /// <summary>The textual form.</summary>
    public string Value { get; }

    /// <summary>Creates a run id for a run starting now, by <paramref name="clock"/>, with a suffix from <paramref name="random"/>.</summary>
    public static RunId New(TimeProvider clock, Random random)
    {
        var start = clock.GetUtcNow().UtcDateTime;
        var suffix = random.Next(0, 0x10000).ToString("x4", CultureInfo.InvariantCulture);
        return new RunId(start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + suffix);
    }

    /// <summary>Parses the textual form; throws <see cref="FormatException"/> with the expected shape otherwise.</summary>
    public static RunId Parse(string value) =>
        RunIdPattern().IsMatch(value)
            ? new RunId(value)
            : throw new FormatException($"'{value}' is not a run id; expected yyyyMMddTHHmmssZ-xxxx, e.g. 20261122T074000Z-3f9a.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
