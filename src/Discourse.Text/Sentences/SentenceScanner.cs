namespace Discourse.Text.Sentences;

/// <summary>One pass over the tokens of a text, deciding after each candidate where a sentence ends.</summary>
internal sealed class SentenceScanner
{
    /// <summary>Quotations or brackets longer than this are taken for stray marks, not enclosures.</summary>
    private const int MaxEnclosureLength = 1000;

    private readonly string text;
    private readonly List<Token> tokens;
    private readonly int[] depthAfter;
    private readonly List<TextSpan> sentences = [];

    public SentenceScanner(string text, List<Token> tokens)
    {
        this.text = text;
        this.tokens = tokens;
        depthAfter = Enclosures.DepthAfterEachToken(text, tokens, MaxEnclosureLength);
    }

    public List<TextSpan> Scan()
    {
        var start = -1;
        ListMarker? marker = null;
        var k = 0;
        while (k < tokens.Count)
        {
            if (start < 0)
            {
                start = k;
                var found = ListMarker.Match(text, tokens, k);
                marker = found;
                if (found is not null)
                {
                    k = found.NextToken;
                    continue;
                }
            }
            else if (StartsNewSentence(k, marker))
            {
                Close(start, k - 1);
                start = -1;
                continue;
            }

            if (k > start && IsPunctuation(k - 1, ':') && ListMarker.Match(text, tokens, k) is { IsFirst: true } listStart)
            {
                // "Steps: 1. Read the law. 2. Apply it.": a list opened inside a sentence.
                marker = listStart;
                k = listStart.NextToken;
                continue;
            }

            if (IsSpacedDot(k))
            {
                // ". . ." inside a sentence, or ". . . ." (omission plus full stop) ending one.
                var endsSentence = EndsSpacedEllipsis(k, out var last);
                if (endsSentence && depthAfter[last] == 0)
                {
                    Close(start, last);
                    start = -1;
                }

                k = last + 1;
                continue;
            }

            if (IsTerminal(k))
            {
                var end = AbsorbAfterTerminal(k);
                if (depthAfter[end] == 0 && EndsSentence(k, end))
                {
                    Close(start, end);
                    start = -1;
                }

                k = end + 1;
                continue;
            }

            k++;
        }

        if (start >= 0 && start < tokens.Count)
        {
            Close(start, tokens.Count - 1);
        }

        return sentences;
    }

    private void Close(int first, int last)
    {
        var begin = tokens[first].Start;
        sentences.Add(new TextSpan(begin, tokens[last].End - begin));
    }

    private string TokenText(int k) => text.Substring(tokens[k].Start, tokens[k].Length);

    private char FirstChar(int k) => text[tokens[k].Start];

    private bool IsAdjacent(int left, int right) => tokens[left].End == tokens[right].Start;

    private ReadOnlySpan<char> Gap(int left, int right) => text.AsSpan(tokens[left].End, tokens[right].Start - tokens[left].End);

    private bool IsPunctuation(int k, char c) =>
        tokens[k].Kind == TokenKind.Punctuation && tokens[k].Length == 1 && FirstChar(k) == c;

    private static bool IsTerminalChar(char c) => c is '.' or '!' or '?' or '…' or '．' or '。' or '！' or '？';

    private static bool IsDot(char c) => c is '.' or '．' or '。';

    /// <summary>A full stop after white space: the start of a spaced ellipsis (". . .") or a stray dot (".jpeg").</summary>
    private bool IsSpacedDot(int k) => IsPunctuation(k, '.') && k > 0 && !IsAdjacent(k - 1, k);

    private bool IsTerminal(int k)
    {
        var token = tokens[k];
        if (token.Kind == TokenKind.Punctuation)
        {
            if (token.Length != 1 || !IsTerminalChar(FirstChar(k)))
            {
                return false;
            }

            // "[...]" and "(...)" mark omissions, not sentence ends.
            var first = k;
            while (first > 0 && IsAdjacent(first - 1, first) && tokens[first - 1].Kind == TokenKind.Punctuation && IsTerminalChar(FirstChar(first - 1)))
            {
                first--;
            }

            return !(first > 0 && IsAdjacent(first - 1, first) && tokens[first - 1].Kind == TokenKind.Punctuation && FirstChar(first - 1) is '[' or '(');
        }

        // Initialisms carry their final dot: "U.S.", "a.m.", "т.д.".
        return token.Kind == TokenKind.Word && token.Length > 2 && text[token.End - 1] == '.';
    }

    private static bool IsCloser(char c) =>
        c is ')' or ']' or '}' or '"' or '\'' or '»' or '”' or '’' or '“' or '›';

    private static bool IsOpener(char c) => c is '(' or '[' or '{' or '"' or '\'' or '«' or '“' or '„' or '‘' or '‹';

    private static bool IsDash(char c) => c is '-' or '–' or '—' or '―';

    private static bool IsBullet(char c) => c is '•' or '◦' or '▪' or '‣' or '⁃' or '●' or '▸' or '►' or '■' or '·';

    /// <summary>
    /// Takes in what belongs to the end of a sentence: more terminal marks ("?!", "..."), closing quotes and
    /// brackets, and citation marks ("[1]", ".11 12") written right after it. Returns the last token taken.
    /// </summary>
    private int AbsorbAfterTerminal(int k)
    {
        var end = k;
        var afterDot = tokens[k].Kind == TokenKind.Punctuation && IsDot(FirstChar(k));
        while (end + 1 < tokens.Count && IsAdjacent(end, end + 1))
        {
            var next = end + 1;
            var token = tokens[next];
            if (token.Kind == TokenKind.Punctuation && token.Length == 1 && (IsTerminalChar(FirstChar(next)) || IsCloser(FirstChar(next))))
            {
                end = next;
            }
            else if (IsCitationBracket(next, out var bracketEnd))
            {
                end = bracketEnd;
            }
            else if (afterDot && token.Kind == TokenKind.Number && token.Length <= 3 && IsCitationFollowedBySentence(next, out var citationEnd))
            {
                end = citationEnd;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>"[12]" or "[7–9]" glued to the end of a sentence.</summary>
    private bool IsCitationBracket(int k, out int end)
    {
        end = k;
        if (!IsPunctuation(k, '['))
        {
            return false;
        }

        var i = k + 1;
        while (i < tokens.Count && IsAdjacent(i - 1, i) && (tokens[i].Kind == TokenKind.Number || (tokens[i].Kind == TokenKind.Punctuation && FirstChar(i) is ',' or '-' or '–')))
        {
            i++;
        }

        if (i > k + 1 && i < tokens.Count && IsAdjacent(i - 1, i) && IsPunctuation(i, ']'))
        {
            end = i;
            return true;
        }

        return false;
    }

    /// <summary>Footnote numbers after a full stop ("consultation.11 12 Take"): taken only when a sentence follows.</summary>
    private bool IsCitationFollowedBySentence(int k, out int end)
    {
        end = k;
        while (end + 1 < tokens.Count && tokens[end + 1].Kind == TokenKind.Number && tokens[end + 1].Length <= 3 && Gap(end, end + 1) is " ")
        {
            end++;
        }

        return end + 1 < tokens.Count && !IsAdjacent(end, end + 1) && StartsUpper(end + 1);
    }

    private bool StartsUpper(int k) => char.IsUpper(FirstChar(k));

    private bool StartsLower(int k) => char.IsLower(FirstChar(k));

    /// <summary>Whether a sentence ends after token <paramref name="end"/>, whose terminal mark is token <paramref name="k"/>.</summary>
    private bool EndsSentence(int k, int end)
    {
        if (end + 1 >= tokens.Count)
        {
            return true;
        }

        var next = end + 1;
        var gap = Gap(end, next);
        var initialism = tokens[k].Kind == TokenKind.Word;
        var mark = FirstChar(k);
        var precededBySpace = !initialism && (k == 0 || !IsAdjacent(k - 1, k));

        if (precededBySpace)
        {
            // "He speaks !Xũ": a mark after white space does not end anything.
            return false;
        }

        if (gap.Length == 0)
        {
            // "world.Today": only a full stop after a plain word or number, before a capitalised word.
            return !initialism && end == k && IsDot(mark) && IsPlainWordOrNumber(k - 1) && IsCapitalisedWord(next);
        }

        if (CountLineBreaks(gap) >= 2)
        {
            return true;
        }

        var content = SkipDashesAndOpeners(next);
        if (content < 0)
        {
            return true;
        }

        if (IsClosingParenthetical(next))
        {
            // "…the top of the house!' (Which was very likely true.)": a closing remark stays with its sentence.
            return false;
        }

        if (initialism)
        {
            return InitialismEndsSentence(k, content);
        }

        if (!IsDot(mark) || (end > k && tokens[k + 1].Kind == TokenKind.Punctuation && IsDot(FirstChar(k + 1))) || mark == '…')
        {
            // "!", "?", "?!", "...": the next sentence starts with a capital letter or a digit.
            return StartsUpper(content) || tokens[content].Kind == TokenKind.Number || IsListMarkerStart(next);
        }

        return FullStopEndsSentence(k, next, content);
    }

    private bool FullStopEndsSentence(int k, int next, int content)
    {
        // "compounds. . . . The": a spaced ellipsis opening the next sentence.
        if (IsPunctuation(next, '.'))
        {
            return EndsSpacedEllipsis(next, out var last, minimumDots: 3) && last + 1 < tokens.Count;
        }

        var previous = k - 1;
        var nextIsUpper = StartsUpper(content);
        var nextIsNumber = tokens[content].Kind == TokenKind.Number;
        if (IsListMarkerStart(next))
        {
            return true;
        }

        if (!nextIsUpper && !nextIsNumber)
        {
            return false;
        }

        var prevToken = tokens[previous];
        if (prevToken.Kind == TokenKind.Number)
        {
            return nextIsUpper;
        }

        if (prevToken.Kind is TokenKind.Url or TokenKind.Email or TokenKind.Hashtag or TokenKind.Mention)
        {
            return true;
        }

        if (prevToken.Kind == TokenKind.Punctuation)
        {
            // After a closing bracket or quote it is an ordinary sentence end; after "°" or "$" it is not one.
            return IsCloser(FirstChar(previous)) ? true : nextIsUpper;
        }

        var word = TokenText(previous);
        var key = AbbreviationKey(word);
        if (SentenceLexicon.Prepositive.Contains(key))
        {
            return false;
        }

        if (word.Length == 1)
        {
            // Initials ("E. Smith") never end a sentence; "I." does before a sentence opener.
            if (char.IsUpper(word[0]))
            {
                return word == "I" && IsStarter(content);
            }

            return nextIsUpper;
        }

        if (SentenceLexicon.Enders.Contains(key))
        {
            return nextIsUpper;
        }

        if (SentenceLexicon.Abbreviations.Contains(key))
        {
            return nextIsUpper && IsStarter(content);
        }

        return true;
    }

    private bool InitialismEndsSentence(int k, int content)
    {
        var key = AbbreviationKey(TokenText(k));
        if (!StartsUpper(content))
        {
            return false;
        }

        return SentenceLexicon.Enders.Contains(key) || IsStarter(content);
    }

    /// <summary>Lower case, ё as е, without the final dot: "U.S." → "u.s", "Т.Д." → "т.д".</summary>
    private static string AbbreviationKey(string word) =>
        word.TrimEnd('.').ToLowerInvariant().Replace('ё', 'е');

    private bool IsStarter(int k)
    {
        if (tokens[k].Length == 1 && k + 1 < tokens.Count && IsAdjacent(k, k + 1) && IsPunctuation(k + 1, '.'))
        {
            // "В." or "A." here is an initial ("гг. В. В. Путин"), not the preposition or article.
            return false;
        }

        var word = TokenText(k);
        var apostrophe = word.IndexOfAny(['\'', '’']);
        return SentenceLexicon.Starters.Contains(apostrophe > 0 ? word[..apostrophe] : word);
    }

    private bool IsPlainWordOrNumber(int k)
    {
        if (k < 0)
        {
            return false;
        }

        var token = tokens[k];
        if (token.Kind == TokenKind.Number)
        {
            return true;
        }

        if (token.Kind != TokenKind.Word || token.Length < 2 || !char.IsLower(text[token.End - 1]))
        {
            return false;
        }

        var key = AbbreviationKey(TokenText(k));
        return !SentenceLexicon.Prepositive.Contains(key) && !SentenceLexicon.Abbreviations.Contains(key);
    }

    private bool IsCapitalisedWord(int k) =>
        tokens[k].Kind == TokenKind.Word && tokens[k].Length >= 2 && StartsUpper(k) && char.IsLower(text[tokens[k].Start + 1]);

    /// <summary>A bracketed remark starting at <paramref name="k"/> that runs to the end of the text or paragraph.</summary>
    private bool IsClosingParenthetical(int k)
    {
        if (!IsPunctuation(k, '('))
        {
            return false;
        }

        var depth = depthAfter[k];
        for (var i = k + 1; i < tokens.Count; i++)
        {
            if (CountLineBreaks(Gap(i - 1, i)) >= 2)
            {
                return false;
            }

            if (depthAfter[i] < depth)
            {
                return IsPunctuation(i, ')') && (i + 1 == tokens.Count || CountLineBreaks(Gap(i, i + 1)) >= 2);
            }
        }

        return false;
    }

    /// <summary>Skips dashes and opening quotes/brackets before the next sentence's first word ("? - Posted", "! 'I").</summary>
    private int SkipDashesAndOpeners(int k)
    {
        while (k < tokens.Count && tokens[k].Kind == TokenKind.Punctuation && tokens[k].Length == 1
            && (IsDash(FirstChar(k)) || IsOpener(FirstChar(k))))
        {
            k++;
        }

        return k < tokens.Count ? k : -1;
    }

    /// <summary>
    /// ". . . ." (spaced dots from <paramref name="k"/>): a sentence ends after four of them (ellipsis plus full stop)
    /// before a capitalised word; three spaced dots mark an omission inside the sentence.
    /// </summary>
    private bool EndsSpacedEllipsis(int k, out int last, int minimumDots = 4)
    {
        last = k;
        var dots = 1;
        while (last + 1 < tokens.Count && IsPunctuation(last + 1, '.') && Gap(last, last + 1) is " ")
        {
            last++;
            dots++;
        }

        if (dots < minimumDots)
        {
            return false;
        }

        var next = last + 1;
        return next >= tokens.Count || (!IsAdjacent(last, next) && StartsUpper(next));
    }

    private static int CountLineBreaks(ReadOnlySpan<char> gap)
    {
        var count = 0;
        for (var i = 0; i < gap.Length; i++)
        {
            var c = gap[i];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= gap.Length || gap[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether token <paramref name="k"/> starts a new sentence although no terminal mark came before it.</summary>
    private bool StartsNewSentence(int k, ListMarker? current)
    {
        var previous = k - 1;
        var gap = Gap(previous, k);
        if (gap.Length == 0)
        {
            return false;
        }

        var lineBreaks = CountLineBreaks(gap);
        if (lineBreaks >= 2 || (lineBreaks == 1 && !ContinuesAfterLineBreak(previous, k, gap)))
        {
            return true;
        }

        if (tokens[k].Kind == TokenKind.Punctuation && IsBullet(FirstChar(k)))
        {
            return true;
        }

        if (IsInterruptedSpeechEnd(previous) && depthAfter[previous] == 0 && StartsUpper(k))
        {
            // "…afore she comes, to--" At this moment": speech broken off by a dash ends the sentence with its quote.
            return true;
        }

        // The next item of the list this sentence started ("1. The first item 2. The second item").
        return current is not null && depthAfter[previous] == 0
            && ListMarker.Match(text, tokens, k) is { } candidate && candidate.Follows(current);
    }

    private bool IsInterruptedSpeechEnd(int k) =>
        k >= 1 && tokens[k].Kind == TokenKind.Punctuation && FirstChar(k) is '"' or '”' or '»'
        && IsAdjacent(k - 1, k) && tokens[k - 1].Kind == TokenKind.Punctuation && IsDash(FirstChar(k - 1));

    /// <summary>
    /// A single line break inside a sentence (hard-wrapped text): the next line starts in lower case and the line
    /// before ends with a space or already holds three or more words ("features\ncontact manager" stays a list).
    /// </summary>
    private bool ContinuesAfterLineBreak(int previous, int k, ReadOnlySpan<char> gap)
    {
        if (!StartsLower(k) || ListMarker.Match(text, tokens, k) is not null)
        {
            return false;
        }

        if (gap[0] is ' ' or '\t')
        {
            return true;
        }

        var words = 0;
        for (var i = previous; i >= 0 && words < 3; i--)
        {
            if (tokens[i].Kind == TokenKind.Word)
            {
                words++;
            }

            if (i > 0 && CountLineBreaks(Gap(i - 1, i)) > 0)
            {
                break;
            }
        }

        return words >= 3;
    }

    /// <summary>A list item marker right after a sentence end ("Smith. a. here", "store. w) hello").</summary>
    private bool IsListMarkerStart(int k)
    {
        var marker = ListMarker.Match(text, tokens, k);
        return marker is not null && !marker.IsInitialLike && (marker.IsFirst || marker.Style != ListMarkerStyle.Dot);
    }
}
