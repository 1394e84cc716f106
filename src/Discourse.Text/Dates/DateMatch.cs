namespace Discourse.Text.Dates;

/// <summary>A date expression found inside free text.</summary>
/// <param name="Start">Offset of the expression in the original string.</param>
/// <param name="Length">Length of the expression in the original string.</param>
/// <param name="Value">The instant it denotes (see <see cref="DateParser"/> for the time-zone rule).</param>
/// <param name="HasTime">True when the expression gave a time of day, false for a date alone (then 00:00 UTC).</param>
public sealed record DateMatch(int Start, int Length, DateTimeOffset Value, bool HasTime);
