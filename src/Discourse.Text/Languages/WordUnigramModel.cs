namespace Discourse.Text.Languages;

/// <summary>
/// Whole-word evidence for a group of languages: each language's word frequencies in its training text, mixed with
/// the character n-gram probability of the word. A word the training text of a language has seen ("това", "было",
/// "unser") is far likelier in that language than its letters alone say, which matters most for titles of two or
/// three words, where the character models have little to go on.
/// </summary>
/// <remarks>
/// P(word | language) = λ·count(word)/N + (1 − λ)·P_char(word | language), with λ the share of probability given to
/// the word list. Seen words cost one look-up for the whole group; the per-language values are precomputed logs.
/// </remarks>
internal sealed class WordUnigramModel
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> offsets;
    private readonly float[] seenLogProb;
    private readonly double charLogWeight;

    /// <summary>Counts the training words of every language of the group.</summary>
    /// <param name="trainingWords">For each language, its training words (lower case, as the n-gram model sees them).</param>
    /// <param name="wordWeight">λ: share of probability given to the word list rather than to the letters.</param>
    public WordUnigramModel(IReadOnlyList<IEnumerable<string>> trainingWords, double wordWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(wordWeight, 1.0);
        var languageCount = trainingWords.Count;
        var counts = new Dictionary<string, int>[languageCount];
        var totals = new long[languageCount];
        for (var lang = 0; lang < languageCount; lang++)
        {
            var table = counts[lang] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in trainingWords[lang])
            {
                table[word] = table.GetValueOrDefault(word) + 1;
                totals[lang]++;
            }
        }

        var vocabulary = counts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var dictionary = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        seenLogProb = new float[vocabulary.Length * languageCount];
        for (var index = 0; index < vocabulary.Length; index++)
        {
            var offset = index * languageCount;
            dictionary[vocabulary[index]] = offset;
            for (var lang = 0; lang < languageCount; lang++)
            {
                var count = counts[lang].GetValueOrDefault(vocabulary[index]);
                seenLogProb[offset + lang] = count == 0
                    ? float.NegativeInfinity
                    : (float)Math.Log(wordWeight * count / totals[lang]);
            }
        }

        offsets = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        charLogWeight = Math.Log(1 - wordWeight);
    }

    /// <summary>
    /// Turns the character-model log-probabilities of <paramref name="word"/> in <paramref name="scores"/> into the
    /// mixture's log-probabilities, in place.
    /// </summary>
    public void Mix(ReadOnlySpan<char> word, Span<double> scores)
    {
        var languageCount = scores.Length;
        if (!offsets.TryGetValue(word, out var offset))
        {
            for (var lang = 0; lang < languageCount; lang++)
            {
                scores[lang] += charLogWeight;
            }

            return;
        }

        var seen = seenLogProb.AsSpan(offset, languageCount);
        for (var lang = 0; lang < languageCount; lang++)
        {
            var fromLetters = scores[lang] + charLogWeight;
            var gap = seen[lang] - fromLetters;
            scores[lang] = gap switch
            {
                // log(e^a + e^b) with the smaller term dropped when it cannot change a double noticeably (e^-20).
                < -20 => fromLetters,
                > 20 => fromLetters + gap,
                >= 0 => fromLetters + gap + Math.Log(1 + Math.Exp(-gap)),
                _ => fromLetters + Math.Log(1 + Math.Exp(gap)),
            };
        }
    }
}
