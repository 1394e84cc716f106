namespace Discourse.Text.Sentences;

/// <summary>How a list item is numbered.</summary>
internal enum ListMarkerStyle
{
    /// <summary>"1." or "a."</summary>
    Dot,

    /// <summary>"1.)" or "a.)"</summary>
    DotParen,

    /// <summary>"1)" or "a)"</summary>
    Paren,

    /// <summary>"(1)", "(a)", "(iv)"</summary>
    Enclosed,
}

/// <summary>A list item marker at the start of a sentence: an optional bullet, then a number, letter or roman numeral.</summary>
/// <param name="Style">How the marker is written.</param>
/// <param name="Value">The number, letter or roman numeral.</param>
/// <param name="NextToken">Index of the first token after the marker.</param>
internal sealed record ListMarker(ListMarkerStyle Style, string Value, int NextToken)
{
    private static readonly string[] Romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"];

    /// <summary>The first item of a list: 1, a, A, i or I.</summary>
    public bool IsFirst => Value is "1" or "a" or "A" or "i" or "I";

    /// <summary>"A." could as well be an initial ("A. Smith"): never taken for a list item without a list before it.</summary>
    public bool IsInitialLike => Style == ListMarkerStyle.Dot && Value.Length == 1 && char.IsUpper(Value[0]);

    /// <summary>Whether this marker is the item after <paramref name="previous"/> in the same style (2 after 1, b after a, iv after iii).</summary>
    public bool Follows(ListMarker previous) => Style == previous.Style && IsSuccessor(previous.Value, Value);

    /// <summary>Matches a marker starting at token <paramref name="k"/> and followed by white space.</summary>
    public static ListMarker? Match(string text, List<Token> tokens, int k)
    {
        var i = k;
        if (i < tokens.Count && IsBulletToken(text, tokens[i]))
        {
            i++;
        }

        if (i >= tokens.Count)
        {
            return null;
        }

        bool Adjacent(int a) => a + 1 < tokens.Count && tokens[a].End == tokens[a + 1].Start;
        bool Is(int a, char c) => a < tokens.Count && tokens[a].Kind == TokenKind.Punctuation && tokens[a].Length == 1 && text[tokens[a].Start] == c;
        bool SpaceAfter(int a) => a + 1 < tokens.Count && tokens[a].End < tokens[a + 1].Start;

        if (Is(i, '(') && Adjacent(i) && IsValue(text, tokens[i + 1]) && Adjacent(i + 1) && Is(i + 2, ')') && SpaceAfter(i + 2))
        {
            return new ListMarker(ListMarkerStyle.Enclosed, ValueOf(text, tokens[i + 1]), i + 3);
        }

        if (!IsValue(text, tokens[i]) || !Adjacent(i))
        {
            return null;
        }

        var value = ValueOf(text, tokens[i]);
        if (Is(i + 1, '.') && Adjacent(i + 1) && Is(i + 2, ')') && SpaceAfter(i + 2))
        {
            return new ListMarker(ListMarkerStyle.DotParen, value, i + 3);
        }

        if (Is(i + 1, ')') && SpaceAfter(i + 1))
        {
            return new ListMarker(ListMarkerStyle.Paren, value, i + 2);
        }

        if (Is(i + 1, '.') && SpaceAfter(i + 1))
        {
            return new ListMarker(ListMarkerStyle.Dot, value, i + 2);
        }

        return null;
    }

    private static bool IsBulletToken(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && token.Length == 1
        && text[token.Start] is '•' or '◦' or '▪' or '‣' or '⁃' or '●' or '▸' or '►' or '■' or '·';

    private static string ValueOf(string text, Token token) => text.Substring(token.Start, token.Length);

    private static bool IsValue(string text, Token token)
    {
        if (token.Kind == TokenKind.Number)
        {
            return token.Length <= 3 && text.AsSpan(token.Start, token.Length).IndexOfAnyExceptInRange('0', '9') < 0;
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var value = text.AsSpan(token.Start, token.Length);
        return (value.Length == 1 && char.IsLetter(value[0])) || RomanValue(value) > 0;
    }

    private static int RomanValue(ReadOnlySpan<char> value)
    {
        Span<char> lower = stackalloc char[Math.Min(value.Length, 8)];
        if (value.Length > 8)
        {
            return 0;
        }

        value.ToLowerInvariant(lower);
        for (var i = 0; i < Romans.Length; i++)
        {
            if (lower.SequenceEqual(Romans[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool IsSuccessor(string previous, string next)
    {
        if (int.TryParse(previous, out var a) && int.TryParse(next, out var b))
        {
            return b == a + 1;
        }

        if (previous.Length == 1 && next.Length == 1 && next[0] == previous[0] + 1)
        {
            return true;
        }

        var romanPrevious = RomanValue(previous);
        return romanPrevious > 0 && RomanValue(next) == romanPrevious + 1;
    }
}
