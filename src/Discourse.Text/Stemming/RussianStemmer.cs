namespace Discourse.Text.Stemming;

/// <summary>
/// The Snowball Russian stemmer (snowball <c>algorithms/russian.sbl</c>), working on Cyrillic directly.
/// It maps ё to е first, as the current algorithm does. Every change is a suffix deletion, so the stem is a prefix.
/// </summary>
internal sealed class RussianStemmer : IStemmer
{
    /// <summary>Longest word handled on the stack; longer input is returned unchanged.</summary>
    internal const int MaxWordLength = 256;

    private const int NeedsAOrYa = 0;

    private static readonly SuffixTable PerfectiveGerunds = SuffixTable.FromGroups(
        ["в", "вши", "вшись"],
        ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]);

    private static readonly SuffixTable Adjectives = SuffixTable.FromGroups(
        [],
        ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
         "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]);

    private static readonly SuffixTable Participles = SuffixTable.FromGroups(
        ["ем", "нн", "вш", "ющ", "щ"],
        ["ивш", "ывш", "ующ"]);

    private static readonly SuffixTable Reflexives = SuffixTable.FromGroups([], ["ся", "сь"]);

    private static readonly SuffixTable Verbs = SuffixTable.FromGroups(
        ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"],
        ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло",
         "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"]);

    private static readonly SuffixTable Nouns = SuffixTable.FromGroups(
        [],
        ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям",
         "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"]);

    private static readonly SuffixTable Derivationals = SuffixTable.FromGroups(["ост", "ость"]);

    // tidy_up groups: 0 superlative ейш/ейше, 1 н (of нн), 2 soft sign.
    private static readonly SuffixTable TidyUps = SuffixTable.FromGroups(["ейш", "ейше"], ["н"], ["ь"]);

    /// <inheritdoc />
    public string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (lowerCaseWord.Length == 0 || lowerCaseWord.Length > MaxWordLength)
        {
            return lowerCaseWord;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        var length = Stem(lowerCaseWord, buffer);
        var stem = buffer[..length];
        return stem.SequenceEqual(lowerCaseWord) ? lowerCaseWord : new string(stem);
    }

    /// <summary>Stems <paramref name="word"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="destination">At least <c>word.Length</c> chars.</param>
    /// <returns>The stem's length in <paramref name="destination"/>.</returns>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        word.CopyTo(destination);
        var s = destination[..word.Length];
        s.Replace('ё', 'е');
        var length = s.Length;

        var (pV, p2) = MarkRegions(s);
        var limit = pV;

        if (!RemoveSuffix(PerfectiveGerunds, s, ref length, limit))
        {
            RemoveSuffix(Reflexives, s, ref length, limit);
            if (!Adjectival(s, ref length, limit) && !RemoveSuffix(Verbs, s, ref length, limit))
            {
                RemoveSuffix(Nouns, s, ref length, limit);
            }
        }

        if (length - 1 >= limit && s[length - 1] == 'и')
        {
            length--;
        }

        var (derivational, derivationalLength) = Derivationals.Match(s, length, limit);
        if (derivational >= 0 && length - derivationalLength >= p2)
        {
            length -= derivationalLength;
        }

        TidyUp(s, ref length, limit);
        return length;
    }

    internal static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';

    private static (int PV, int P2) MarkRegions(ReadOnlySpan<char> s)
    {
        var length = s.Length;
        var i = 0;
        while (i < length && !IsVowel(s[i]))
        {
            i++;
        }

        if (i >= length)
        {
            return (length, length);
        }

        var pV = i + 1;

        // gopast non-v, gopast v, gopast non-v, then p2.
        i = pV;
        while (i < length && IsVowel(s[i]))
        {
            i++;
        }

        i++;
        while (i < length && !IsVowel(s[i]))
        {
            i++;
        }

        i++;
        while (i < length && IsVowel(s[i]))
        {
            i++;
        }

        return i >= length ? (pV, length) : (pV, i + 1);
    }

    /// <summary>
    /// Matches <paramref name="table"/> at the end; group 0 entries must follow а or я (which stays), group 1 entries
    /// go unconditionally. Returns whether a suffix was removed.
    /// </summary>
    private static bool RemoveSuffix(SuffixTable table, Span<char> s, ref int length, int limit)
    {
        var (group, suffixLength) = table.Match(s, length, limit);
        if (group < 0)
        {
            return false;
        }

        var bra = length - suffixLength;
        if (group == NeedsAOrYa)
        {
            if (bra - 1 < limit || s[bra - 1] is not ('а' or 'я'))
            {
                return false;
            }
        }

        length = bra;
        return true;
    }

    private static bool Adjectival(Span<char> s, ref int length, int limit)
    {
        if (!RemoveSuffix(Adjectives, s, ref length, limit))
        {
            return false;
        }

        RemoveSuffix(Participles, s, ref length, limit);
        return true;
    }

    private static void TidyUp(Span<char> s, ref int length, int limit)
    {
        var (group, suffixLength) = TidyUps.Match(s, length, limit);
        switch (group)
        {
            case 0:
                length -= suffixLength;
                if (length - 2 >= limit && s[length - 1] == 'н' && s[length - 2] == 'н')
                {
                    length--;
                }

                break;
            case 1:
                if (length - 2 >= limit && s[length - 2] == 'н')
                {
                    length--;
                }

                break;
            case 2:
                length--;
                break;
            default:
                break;
        }
    }
}
