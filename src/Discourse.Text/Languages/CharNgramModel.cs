namespace Discourse.Text.Languages;

/// <summary>
/// Character n-gram language models for a group of languages that share a script, scored jointly.
/// Each language gets an interpolated Witten-Bell model over the letters of a word framed by boundary symbols;
/// the interpolated log-probabilities of every n-gram seen in any language of the group are precomputed into one
/// table (one float per language), so scoring a character costs one or two hash look-ups for the whole group.
/// </summary>
internal sealed class CharNgramModel
{
    private const byte Boundary = 1;
    private const byte UnknownLetter = 2;

    private readonly byte[] symbolOf = new byte[char.MaxValue + 1];
    private readonly Dictionary<ulong, int> ngrams;
    private readonly Dictionary<ulong, int> contexts;
    private readonly float[] ngramLogProb;
    private readonly float[] contextLogWeight;
    private readonly float[] unseenLetterLogProb;
    private readonly float[] letterPenalty;

    /// <summary>Builds the model from per-language training words (lower case, letters and apostrophes only).</summary>
    /// <param name="languages">Language codes, in the order scores are reported.</param>
    /// <param name="trainingWords">For each language (same order), its training words.</param>
    /// <param name="forbiddenLetters">For each language (same order), letters its alphabet lacks.</param>
    /// <param name="order">Longest n-gram, including the predicted letter (at most 7).</param>
    /// <param name="forbiddenLetterPenalty">Log-probability added per occurrence of a forbidden letter.</param>
    /// <param name="minimumBackoff">
    /// Least share of probability a context leaves to unseen continuations. Witten-Bell alone lets a frequent
    /// context of a large training text all but forbid anything new after it, so a common word missing from the
    /// training text would count as strong evidence against its own language.
    /// </param>
    public CharNgramModel(
        IReadOnlyList<string> languages,
        IReadOnlyList<IEnumerable<string>> trainingWords,
        IReadOnlyList<string> forbiddenLetters,
        int order,
        float forbiddenLetterPenalty,
        double minimumBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, 7);
        Languages = languages;
        Order = order;
        var languageCount = languages.Count;
        symbolOf[' '] = Boundary;
        byte nextSymbol = UnknownLetter + 1;

        var counts = new Dictionary<ulong, int>[languageCount];
        var symbols = new List<byte>(64);
        for (var lang = 0; lang < languageCount; lang++)
        {
            var table = counts[lang] = [];
            foreach (var word in trainingWords[lang])
            {
                symbols.Clear();
                symbols.Add(Boundary);
                foreach (var c in word)
                {
                    if (symbolOf[c] == 0)
                    {
                        symbolOf[c] = nextSymbol == byte.MaxValue ? UnknownLetter : nextSymbol++;
                    }

                    symbols.Add(symbolOf[c]);
                }

                symbols.Add(Boundary);
                for (var i = 1; i < symbols.Count; i++)
                {
                    ulong key = 0;
                    for (var n = 1; n <= order && i - n + 1 >= 0; n++)
                    {
                        key |= (ulong)symbols[i - n + 1] << (8 * (n - 1));
                        table[key] = table.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        // Per language: context totals C(h) and distinct followers T(h); the empty context is key 0.
        var contextStats = new Dictionary<ulong, (int Total, int Distinct)>[languageCount];
        for (var lang = 0; lang < languageCount; lang++)
        {
            var stats = contextStats[lang] = [];
            foreach (var (key, count) in counts[lang])
            {
                var context = key >> 8;
                var (total, distinct) = stats.GetValueOrDefault(context);
                stats[context] = (total + count, distinct + 1);
            }
        }

        var alphabetSize = nextSymbol + 1.0;
        var allKeys = counts.SelectMany(c => c.Keys).Distinct().OrderBy(OrderOf).ThenBy(k => k).ToArray();
        ngrams = new Dictionary<ulong, int>(allKeys.Length);
        ngramLogProb = new float[allKeys.Length * languageCount];
        var probability = new double[allKeys.Length * languageCount];
        for (var index = 0; index < allKeys.Length; index++)
        {
            var key = allKeys[index];
            var offset = index * languageCount;
            ngrams[key] = offset;
            var n = OrderOf(key);
            var context = key >> 8;
            var lowerOffset = n > 1 ? ngrams[LowerOrder(key, n)] : -1;
            for (var lang = 0; lang < languageCount; lang++)
            {
                var count = counts[lang].GetValueOrDefault(key);
                var lower = n > 1 ? probability[lowerOffset + lang] : 1.0 / alphabetSize;
                double p;
                if (contextStats[lang].TryGetValue(context, out var stats))
                {
                    var weight = BackoffWeight(stats.Total, stats.Distinct, minimumBackoff);
                    p = ((1 - weight) * count / stats.Total) + (weight * lower);
                }
                else
                {
                    p = lower;
                }

                probability[offset + lang] = p;
                ngramLogProb[offset + lang] = (float)Math.Log(p);
            }
        }

        var allContexts = contextStats.SelectMany(c => c.Keys).Where(k => k != 0).Distinct().OrderBy(k => k).ToArray();
        contexts = new Dictionary<ulong, int>(allContexts.Length);
        contextLogWeight = new float[allContexts.Length * languageCount];
        for (var index = 0; index < allContexts.Length; index++)
        {
            var offset = index * languageCount;
            contexts[allContexts[index]] = offset;
            for (var lang = 0; lang < languageCount; lang++)
            {
                contextLogWeight[offset + lang] = contextStats[lang].TryGetValue(allContexts[index], out var stats)
                    ? (float)Math.Log(BackoffWeight(stats.Total, stats.Distinct, minimumBackoff))
                    : 0f;
            }
        }

        unseenLetterLogProb = new float[languageCount];
        for (var lang = 0; lang < languageCount; lang++)
        {
            var (total, distinct) = contextStats[lang].GetValueOrDefault(0UL);
            unseenLetterLogProb[lang] = (float)Math.Log(distinct / alphabetSize / Math.Max(1, total + distinct));
        }

        letterPenalty = new float[256 * languageCount];
        for (var lang = 0; lang < languageCount; lang++)
        {
            foreach (var letter in forbiddenLetters[lang])
            {
                var symbol = symbolOf[letter];
                if (symbol > UnknownLetter)
                {
                    letterPenalty[(symbol * languageCount) + lang] = forbiddenLetterPenalty;
                }
            }
        }
    }

    /// <summary>Language codes in score order.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Longest n-gram length.</summary>
    public int Order { get; }

    /// <summary>
    /// Adds log P(word | language) for every language to <paramref name="scores"/>; <paramref name="word"/> holds
    /// lower-case letters (and apostrophes) only.
    /// </summary>
    public void ScoreWord(ReadOnlySpan<char> word, Span<double> scores)
    {
        var languageCount = scores.Length;
        ulong history = Boundary;
        var historyLength = 1;
        for (var i = 0; i <= word.Length; i++)
        {
            byte symbol;
            if (i < word.Length)
            {
                symbol = symbolOf[word[i]];
                if (symbol <= Boundary)
                {
                    symbol = UnknownLetter;
                }

                var penalty = letterPenalty.AsSpan(symbol * languageCount, languageCount);
                for (var lang = 0; lang < languageCount; lang++)
                {
                    scores[lang] += penalty[lang];
                }
            }
            else
            {
                symbol = Boundary;
            }

            var n = Math.Min(Order, historyLength + 1);
            var key = ((history << 8) | symbol) & Mask(n);
            AddLogProbability(key, n, scores);
            history = (history << 8) | symbol;
            historyLength++;
        }
    }

    private void AddLogProbability(ulong key, int n, Span<double> scores)
    {
        var languageCount = scores.Length;
        while (true)
        {
            if (ngrams.TryGetValue(key, out var offset))
            {
                var values = ngramLogProb.AsSpan(offset, languageCount);
                for (var lang = 0; lang < languageCount; lang++)
                {
                    scores[lang] += values[lang];
                }

                return;
            }

            if (n == 1)
            {
                for (var lang = 0; lang < languageCount; lang++)
                {
                    scores[lang] += unseenLetterLogProb[lang];
                }

                return;
            }

            if (contexts.TryGetValue(key >> 8, out var contextOffset))
            {
                var weights = contextLogWeight.AsSpan(contextOffset, languageCount);
                for (var lang = 0; lang < languageCount; lang++)
                {
                    scores[lang] += weights[lang];
                }
            }

            key = LowerOrder(key, n);
            n--;
        }
    }

    /// <summary>Witten-Bell backoff weight T/(C+T), but never below <paramref name="minimum"/>.</summary>
    private static double BackoffWeight(int total, int distinct, double minimum) =>
        Math.Max(minimum, (double)distinct / (total + distinct));

    private static ulong Mask(int symbols) => symbols >= 8 ? ulong.MaxValue : (1UL << (8 * symbols)) - 1;

    private static ulong LowerOrder(ulong key, int n) => key & Mask(n - 1);

    private static int OrderOf(ulong key)
    {
        var n = 0;
        while (key != 0)
        {
            n++;
            key >>= 8;
        }

        return n;
    }
}
