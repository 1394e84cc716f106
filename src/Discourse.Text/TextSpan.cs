namespace Discourse.Text;

/// <summary>A range of the original string.</summary>
/// <param name="Start">Offset of the first char.</param>
/// <param name="Length">Length in chars.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the last char.</summary>
    public int End => Start + Length;

    /// <summary>The span's text in <paramref name="text"/>.</summary>
    /// <param name="text">The string the span points into.</param>
    public string Of(string text) => text.Substring(Start, Length);
}
