namespace Discourse.Text.Stemming;

/// <summary>
/// The current Snowball English stemmer (snowball <c>algorithms/english.sbl</c>, the 2025 revision with the -ing/-eed
/// exceptions and the past/universe/organ/emerg/later/inter prefixes; not the v2.2 "classic" Porter2).
/// Every step works on the end of a char buffer, because every Snowball change in this algorithm is a suffix change.
/// </summary>
internal sealed class EnglishStemmer : IStemmer
{
    /// <summary>Longest word handled on the stack; longer input is returned unchanged (no English word is this long).</summary>
    internal const int MaxWordLength = 256;

    private const int Delete = 0;

    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static readonly SuffixTable Apostrophes = SuffixTable.FromGroups(["'", "'s", "'s'"]);

    // Step 1a groups: 0 sses, 1 ied/ies, 2 s, 3 us/ss (left alone).
    private static readonly SuffixTable Step1aSuffixes = SuffixTable.FromGroups(["sses"], ["ied", "ies"], ["s"], ["us", "ss"]);

    // Step 1b groups: 0 eed/eedly, 1 ed/edly/ingly, 2 ing, 3 none of them.
    private static readonly SuffixTable Step1bSuffixes = SuffixTable.FromGroups(["eed", "eedly"], ["ed", "edly", "ingly"], ["ing"], [""]);

    // Before -ing: 0 "y" (dying -> die), 1 words left whole (inning, outing, canning, herring, earring, evening).
    private static readonly SuffixTable BeforeIng = SuffixTable.FromGroups(["y"], ["inn", "out", "cann", "herr", "earr", "even"]);

    // After removing -ed/-ing: 0 at/bl/iz (add e), 1 doubled consonant, 2 anything else.
    private static readonly SuffixTable AfterEdIng = SuffixTable.FromGroups(["at", "bl", "iz"], ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"], [""]);

    private static readonly string[] Step2Replacements =
        ["", "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "og", "ful", "less", ""];

    private const int Step2Ogi = 14;
    private const int Step2Li = 17;

    private static readonly SuffixTable Step2Suffixes = SuffixTable.FromGroups(
        [],
        ["tional"],
        ["enci"],
        ["anci"],
        ["abli"],
        ["entli"],
        ["izer", "ization"],
        ["ational", "ation", "ator"],
        ["alism", "aliti", "alli"],
        ["fulness"],
        ["ousli", "ousness"],
        ["iveness", "iviti"],
        ["biliti", "bli"],
        ["ogist"],
        ["ogi"],
        ["fulli"],
        ["lessli"],
        ["li"]);

    private static readonly string[] Step3Replacements = ["", "tion", "ate", "al", "ic", "", ""];
    private const int Step3Ative = 6;

    private static readonly SuffixTable Step3Suffixes = SuffixTable.FromGroups(
        [], ["tional"], ["ational"], ["alize"], ["icate", "iciti", "ical"], ["ful", "ness"], ["ative"]);

    // Step 4 groups: 0 delete in R2, 1 -ion after s or t.
    private static readonly SuffixTable Step4Suffixes = SuffixTable.FromGroups(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize"],
        ["ion"]);

    /// <inheritdoc />
    public string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (lowerCaseWord.Length < 3 || lowerCaseWord.Length > MaxWordLength)
        {
            return lowerCaseWord;
        }

        Span<char> buffer = stackalloc char[MaxWordLength + 4];
        var length = Stem(lowerCaseWord, buffer);
        var stem = buffer[..length];
        return stem.SequenceEqual(lowerCaseWord) ? lowerCaseWord : new string(stem);
    }

    /// <summary>Stems <paramref name="word"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="destination">At least <c>word.Length + 1</c> chars (step 1b may add an "e").</param>
    /// <returns>The stem's length in <paramref name="destination"/>.</returns>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        word.CopyTo(destination);
        if (Exception1(word, destination, out var exceptionLength))
        {
            return exceptionLength;
        }

        if (word.Length < 3)
        {
            return word.Length;
        }

        var s = destination;
        var length = word.Length;

        // prelude: drop one leading apostrophe; mark consonant y as Y.
        if (s[0] == '\'')
        {
            s[1..length].CopyTo(s);
            length--;
        }

        var yFound = false;
        if (length > 0 && s[0] == 'y')
        {
            s[0] = 'Y';
            yFound = true;
        }

        for (var i = 1; i < length; i++)
        {
            if (s[i] == 'y' && IsVowel(s[i - 1]))
            {
                s[i] = 'Y';
                yFound = true;
            }
        }

        var (p1, p2) = MarkRegions(s[..length]);

        Step1a(s, ref length);
        Step1b(s, ref length, p1);
        Step1c(s, length);
        Step2(s, ref length, p1);
        Step3(s, ref length, p1, p2);
        Step4(s, ref length, p2);
        Step5(s, ref length, p1, p2);

        if (yFound)
        {
            s[..length].Replace('Y', 'y');
        }

        return length;
    }

    private static bool Exception1(ReadOnlySpan<char> word, Span<char> destination, out int length)
    {
        string? replacement = word switch
        {
            "skis" => "ski",
            "skies" => "sky",
            "idly" => "idl",
            "gently" => "gentl",
            "ugly" => "ugli",
            "early" => "earli",
            "only" => "onli",
            "singly" => "singl",
            "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => string.Empty,
            _ => null,
        };

        if (replacement is null)
        {
            length = 0;
            return false;
        }

        if (replacement.Length == 0)
        {
            length = word.Length;
            return true;
        }

        replacement.CopyTo(destination);
        length = replacement.Length;
        return true;
    }

    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsVowelWxy(char c) => IsVowel(c) || c is 'w' or 'x' or 'Y';

    private static bool IsValidLi(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    private static (int P1, int P2) MarkRegions(ReadOnlySpan<char> s)
    {
        var length = s.Length;
        var p1 = length;
        var p2 = length;
        var cursor = -1;
        var bestPrefix = 0;
        foreach (var prefix in RegionPrefixes)
        {
            if (prefix.Length > bestPrefix && s.StartsWith(prefix, StringComparison.Ordinal))
            {
                bestPrefix = prefix.Length;
            }
        }

        if (bestPrefix > 0)
        {
            cursor = bestPrefix;
        }
        else
        {
            cursor = GoPastVowelThenConsonant(s, 0);
        }

        if (cursor < 0)
        {
            return (p1, p2);
        }

        p1 = cursor;
        cursor = GoPastVowelThenConsonant(s, cursor);
        if (cursor >= 0)
        {
            p2 = cursor;
        }

        return (p1, p2);
    }

    /// <summary>Snowball's <c>gopast v gopast non-v</c> from <paramref name="from"/>; -1 when it runs off the end.</summary>
    private static int GoPastVowelThenConsonant(ReadOnlySpan<char> s, int from)
    {
        var i = from;
        while (i < s.Length && !IsVowel(s[i]))
        {
            i++;
        }

        if (i >= s.Length)
        {
            return -1;
        }

        i++;
        while (i < s.Length && IsVowel(s[i]))
        {
            i++;
        }

        return i >= s.Length ? -1 : i + 1;
    }

    /// <summary>
    /// Snowball <c>shortv</c> tested backwards from <paramref name="cursor"/>: the word part ending there ends in
    /// non-vowel, vowel, non-vowel-or-w-x-Y (hop) or is vowel + non-vowel from the start (ab), or ends in "past".
    /// </summary>
    private static bool IsShortSyllable(ReadOnlySpan<char> s, int cursor)
    {
        if (cursor >= 3 && !IsVowelWxy(s[cursor - 1]) && IsVowel(s[cursor - 2]) && !IsVowel(s[cursor - 3]))
        {
            return true;
        }

        if (cursor == 2 && !IsVowel(s[1]) && IsVowel(s[0]))
        {
            return true;
        }

        return cursor >= 4 && s.Slice(cursor - 4, 4).SequenceEqual("past");
    }

    private static bool HasVowelBefore(ReadOnlySpan<char> s, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Replace(Span<char> s, ref int length, int suffixLength, string replacement)
    {
        var start = length - suffixLength;
        replacement.CopyTo(s[start..]);
        length = start + replacement.Length;
    }

    private static void Step1a(Span<char> s, ref int length)
    {
        var (apostropheGroup, apostropheLength) = Apostrophes.Match(s, length, 0);
        if (apostropheGroup >= 0)
        {
            length -= apostropheLength;
        }

        var (group, suffixLength) = Step1aSuffixes.Match(s, length, 0);
        var bra = length - suffixLength;
        switch (group)
        {
            case 0:
                Replace(s, ref length, suffixLength, "ss");
                break;
            case 1:
                Replace(s, ref length, suffixLength, bra >= 2 ? "i" : "ie");
                break;
            case 2:
                if (bra >= 1 && HasVowelBefore(s, bra - 1))
                {
                    length = bra;
                }

                break;
            default:
                break;
        }
    }

    private static void Step1b(Span<char> s, ref int length, int p1)
    {
        var (group, suffixLength) = Step1bSuffixes.Match(s, length, 0);
        var bra = length - suffixLength;
        switch (group)
        {
            case 0:
                if (bra >= p1)
                {
                    var stemPart = s[..bra];
                    if (!(stemPart.SequenceEqual("proc") || stemPart.SequenceEqual("exc") || stemPart.SequenceEqual("succ")))
                    {
                        Replace(s, ref length, suffixLength, "ee");
                    }
                }

                return;
            case 2:
                var (before, beforeLength) = BeforeIng.Match(s, bra, 0);
                if (before == 0)
                {
                    // dying -> die: a lone consonant then y, nothing before it.
                    var y = bra - 1;
                    if (y == 1 && !IsVowel(s[0]))
                    {
                        s[y] = 'i';
                        s[y + 1] = 'e';
                        length = y + 2;
                        return;
                    }
                }
                else if (before == 1 && bra - beforeLength == 0)
                {
                    return;
                }

                break;
            case 1:
                break;
            default:
                return;
        }

        // -ed, -edly, -ing, -ingly: removed only when a vowel precedes them.
        if (!HasVowelBefore(s, bra))
        {
            return;
        }

        length = bra;
        var (after, afterLength) = AfterEdIng.Match(s, length, 0);
        switch (after)
        {
            case 0:
                s[length++] = 'e';
                return;
            case 1:
                var doubled = length - afterLength;
                if (doubled == 1 && s[0] is 'a' or 'e' or 'o')
                {
                    return;
                }

                length--;
                return;
            default:
                if (length == p1 && IsShortSyllable(s, length))
                {
                    s[length++] = 'e';
                }

                return;
        }
    }

    private static void Step1c(Span<char> s, int length)
    {
        var last = length - 1;
        if (last >= 2 && s[last] is 'y' or 'Y' && !IsVowel(s[last - 1]))
        {
            s[last] = 'i';
        }
    }

    private static void Step2(Span<char> s, ref int length, int p1)
    {
        var (group, suffixLength) = Step2Suffixes.Match(s, length, 0);
        var bra = length - suffixLength;
        if (group < 0 || bra < p1)
        {
            return;
        }

        switch (group)
        {
            case Step2Ogi:
                if (bra >= 1 && s[bra - 1] == 'l')
                {
                    Replace(s, ref length, suffixLength, "og");
                }

                return;
            case Step2Li:
                if (bra >= 1 && IsValidLi(s[bra - 1]))
                {
                    length = bra;
                }

                return;
            default:
                Replace(s, ref length, suffixLength, Step2Replacements[group]);
                return;
        }
    }

    private static void Step3(Span<char> s, ref int length, int p1, int p2)
    {
        var (group, suffixLength) = Step3Suffixes.Match(s, length, 0);
        var bra = length - suffixLength;
        if (group < 0 || bra < p1)
        {
            return;
        }

        if (group == Step3Ative)
        {
            if (bra >= p2)
            {
                length = bra;
            }

            return;
        }

        Replace(s, ref length, suffixLength, Step3Replacements[group]);
    }

    private static void Step4(Span<char> s, ref int length, int p2)
    {
        var (group, suffixLength) = Step4Suffixes.Match(s, length, 0);
        var bra = length - suffixLength;
        if (group < 0 || bra < p2)
        {
            return;
        }

        if (group == Delete || (bra >= 1 && s[bra - 1] is 's' or 't'))
        {
            length = bra;
        }
    }

    private static void Step5(Span<char> s, ref int length, int p1, int p2)
    {
        if (length == 0)
        {
            return;
        }

        var bra = length - 1;
        if (s[bra] == 'e')
        {
            if (bra >= p2 || (bra >= p1 && !IsShortSyllable(s, bra)))
            {
                length = bra;
            }
        }
        else if (s[bra] == 'l' && bra >= p2 && bra >= 1 && s[bra - 1] == 'l')
        {
            length = bra;
        }
    }
}
