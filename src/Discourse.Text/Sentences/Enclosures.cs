namespace Discourse.Text.Sentences;

/// <summary>
/// Finds matched quotations and brackets, so that "!" or "." inside «…», "…", '…', (…) or […] does not end the
/// surrounding sentence. Unmatched marks (inch signs, apostrophes, a quote that never closes) are ignored, and no
/// enclosure crosses a blank line.
/// </summary>
internal static class Enclosures
{
    /// <summary>For each token, how many matched enclosures are still open just after it.</summary>
    public static int[] DepthAfterEachToken(string text, List<Token> tokens, int maxLength)
    {
        var delta = new int[tokens.Count + 1];
        var open = new List<(int Token, char Closer)>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (k > 0 && IsParagraphBreak(text.AsSpan(tokens[k - 1].End, token.Start - tokens[k - 1].End)))
            {
                open.Clear();
            }

            if (token.Kind != TokenKind.Punctuation || token.Length != 1)
            {
                continue;
            }

            var c = text[token.Start];
            var spaceBefore = k == 0 || tokens[k - 1].End < token.Start || IsOpeningContext(text, tokens, k);
            switch (Classify(c, spaceBefore))
            {
                case Role.Opener:
                    open.Add((k, ExpectedCloser(c)));
                    break;
                case Role.Closer:
                    Close(open, k, c, tokens, delta, maxLength);
                    break;
                default:
                    break;
            }
        }

        var depth = new int[tokens.Count];
        var running = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            running += delta[k];
            depth[k] = Math.Max(running, 0);
        }

        return depth;
    }

    private enum Role
    {
        None,
        Opener,
        Closer,
    }

    private static Role Classify(char c, bool spaceBefore) => c switch
    {
        '(' or '[' or '{' or '«' or '‹' or '„' or '‘' => Role.Opener,
        ')' or ']' or '}' or '»' or '›' => Role.Closer,
        '"' or '\'' or '“' or '”' => spaceBefore ? Role.Opener : Role.Closer,
        '’' => spaceBefore ? Role.None : Role.Closer,
        _ => Role.None,
    };

    private static char ExpectedCloser(char opener) => opener switch
    {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '«' => '»',
        '‹' => '›',
        '„' => '“',
        '‘' => '’',
        '“' => '”',
        _ => opener,
    };

    private static bool Matches(char expected, char closer) =>
        expected == closer || (expected == '“' && closer == '”') || (expected == '”' && closer == '“');

    private static void Close(List<(int Token, char Closer)> open, int k, char closer, List<Token> tokens, int[] delta, int maxLength)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (!Matches(open[i].Closer, closer))
            {
                continue;
            }

            var opener = open[i].Token;
            open.RemoveRange(i, open.Count - i);
            if (tokens[k].End - tokens[opener].Start <= maxLength)
            {
                delta[opener]++;
                delta[k]--;
            }

            return;
        }
    }

    /// <summary>
    /// A quote right after an opening bracket or quote opens; after a dash it opens only when a word follows at once
    /// ("—\"Yes" opens, "to--\" At" closes).
    /// </summary>
    private static bool IsOpeningContext(string text, List<Token> tokens, int k)
    {
        var previous = text[tokens[k - 1].Start];
        if (previous is '(' or '[' or '{' or '«' or '„' or '“' or '‘')
        {
            return true;
        }

        return previous is '-' or '–' or '—' && k + 1 < tokens.Count && tokens[k].End == tokens[k + 1].Start;
    }

    private static bool IsParagraphBreak(ReadOnlySpan<char> gap)
    {
        var first = gap.IndexOf('\n');
        return first >= 0 && gap[(first + 1)..].Contains('\n');
    }
}
