using System.Globalization;

namespace Discourse.Classification.Features;

/// <summary>
/// Turns text into hashed feature occurrences: stem unigrams (stop words left out), stem bigrams (stop words kept, so
/// that "не осуществлять" and "war against" survive), and character n-grams inside word boundaries of the lower-cased
/// word (stop words and numbers left out). No strings are built per n-gram: hashes run over spans.
/// </summary>
internal sealed class FeatureExtractor
{
    /// <summary>Words longer than this are cut before character n-grams; nothing useful hides past it.</summary>
    public const int MaxWordLength = 40;

    private const char WordStart = '\u0002';
    private const char WordEnd = '\u0003';

    private readonly FeatureSettings settings;
    private readonly int mask;
    private readonly VocabularyIndex? vocabulary;
    private readonly ThreadLocal<WordCache> caches = new(() => new WordCache());

    /// <summary>Creates an extractor that emits hash buckets, or scoring rows when <paramref name="vocabulary"/> is
    /// given (features outside the vocabulary are then dropped at the source).</summary>
    public FeatureExtractor(FeatureSettings settings, VocabularyIndex? vocabulary = null)
    {
        settings.Validate();
        this.settings = settings;
        this.vocabulary = vocabulary;
        mask = settings.Mask;
    }

    public FeatureSettings Settings => settings;

    /// <summary>Fills <paramref name="buffer"/> with the features of <paramref name="text"/>. Per word, the unigram and
    /// character n-gram ids are memoised per thread, so a word seen before costs one lookup plus its bigram.</summary>
    public void Extract(string text, string lang, FeatureBuffer buffer)
    {
        if (buffer.Names is not null && vocabulary is not null)
        {
            throw new InvalidOperationException("Feature names are only collected by an extractor that emits buckets (names must stay aligned with ids).");
        }

        buffer.Reset();
        var isRussian = lang == "ru";
        var salt = FeatureHash.LanguageSalt(lang, settings.PartitionByLanguage);
        var cache = buffer.Names is null ? caches.Value! : null;
        var wordHashBasis = WordCache.HashBasis(isRussian);
        var sentences = TextAnalysis.SplitSentences(text, lang, buffer.Tokens);
        var tokens = buffer.Tokens;
        var token = 0;
        var paragraph = 0;
        var previousEnd = -1;
        foreach (var (start, length) in sentences)
        {
            if (previousEnd >= 0 && HasBlankLine(text, previousEnd, start))
            {
                paragraph++;
            }

            previousEnd = start + length;
            var featureStart = buffer.Count;
            buffer.Words.Clear();

            // Sentences are whole runs of tokens: skip what lies between them (nothing but white space), then take the
            // sentence's own.
            while (token < tokens.Count && tokens[token].Start < start)
            {
                token++;
            }

            var firstToken = token;
            while (token < tokens.Count && tokens[token].Start < previousEnd)
            {
                token++;
            }

            TextAnalysis.Words(text, tokens, firstToken, token, buffer.Words);
            ulong previousStem = 0;
            var hasPrevious = false;
            foreach (var word in buffer.Words)
            {
                var lowered = Lower(text.AsSpan(word.Start, Math.Min(word.Length, MaxWordLength)), buffer.Lowered, wordHashBasis, out var wordHash);
                ulong stem;
                if (cache is not null)
                {
                    ref readonly var entry = ref cache.Get(isRussian, lowered, wordHash, this, salt, word.IsNumber);
                    stem = entry.StemHash;
                    buffer.AddRange(cache.Ids(entry));
                }
                else
                {
                    stem = AddWordFeatures(buffer, isRussian, lowered, salt, word.IsNumber);
                }

                if (settings.WordBigrams && hasPrevious)
                {
                    Add(buffer, Bucket((previousStem * 0x9E3779B97F4A7C15UL) ^ stem ^ salt ^ FeatureHash.BigramTag));
                    buffer.Names?.Add(BigramName(buffer, isRussian, text, word));
                }

                previousStem = stem;
                hasPrevious = true;
            }

            buffer.Sentences.Add(new SentenceRange(start, length, featureStart, buffer.Count, paragraph));
        }
    }

    /// <summary>Adds a word's own features (stem unigram unless a stop word, character n-grams unless a stop word or a
    /// number) and returns its stem hash. <paramref name="lowered"/> must live in <see cref="FeatureBuffer.Lowered"/> at index 1.</summary>
    internal ulong AddWordFeatures(FeatureBuffer buffer, bool isRussian, ReadOnlySpan<char> lowered, ulong salt, bool isNumber)
    {
        var word = lowered.ToString();
        var stem = Lexicon.Stem(isRussian, word);
        var stemHash = FeatureHash.Of(stem, FeatureHash.Basis);
        if (!Lexicon.IsStopWord(isRussian, word))
        {
            Add(buffer, Bucket(stemHash ^ salt ^ FeatureHash.UnigramTag));
            buffer.Names?.Add("word:" + stem);
            if (!isNumber)
            {
                AddCharGrams(buffer, lowered.Length, salt);
            }
        }

        return stemHash;
    }

    private void Add(FeatureBuffer buffer, int bucket)
    {
        if (vocabulary is null)
        {
            buffer.Add(bucket);
            return;
        }

        var row = vocabulary.RowOf(bucket);
        if (row >= 0)
        {
            buffer.Add(row);
        }
    }

    private int Bucket(ulong hash) => (int)(FeatureHash.Finish(hash) & (ulong)(uint)mask);

    private void AddCharGrams(FeatureBuffer buffer, int wordLength, ulong salt)
    {
        // Lowered holds the word at [1, wordLength]; the boundary marks go around it.
        var chars = buffer.Lowered;
        chars[0] = WordStart;
        chars[wordLength + 1] = WordEnd;
        var total = wordLength + 2;
        var min = settings.CharMin;
        var max = settings.CharMax;
        var basis = FeatureHash.Basis ^ salt ^ FeatureHash.CharTag;
        for (var i = 0; i + min <= total; i++)
        {
            var hash = basis;
            var end = Math.Min(total, i + max);
            for (var j = i; j < end; j++)
            {
                hash = FeatureHash.Step(hash, chars[j]);
                if (j - i + 1 >= min)
                {
                    Add(buffer, Bucket(hash));
                    buffer.Names?.Add("chars:" + new string(chars, i, j - i + 1).Replace(WordStart, '<').Replace(WordEnd, '>'));
                }
            }
        }
    }

    /// <summary>Lower-cases into <paramref name="target"/> from index 1 (index 0 is kept for the word-start mark), folding ё
    /// to е, and hashes the result on the way (FNV-1a steps from <paramref name="hashBasis"/>, for the word cache).</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, char[] target, ulong hashBasis, out ulong hash)
    {
        var length = 0;
        hash = hashBasis;
        foreach (var original in word)
        {
            var c = LowerInvariant(original);

            // Below U+00AD and in the basic Cyrillic small letters no character is dropped or folded.
            switch (c)
            {
                case < '\u00AD' or (>= '\u0430' and <= '\u044F'):
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case 'ё':
                    c = 'е';
                    break;
                case '’':
                    c = '\'';
                    break;
                default:
                    break;
            }

            target[++length] = c;
            hash = FeatureHash.Step(hash, c);
        }

        return target.AsSpan(1, length);
    }

    /// <summary><see cref="char.ToLowerInvariant(char)"/> with the Latin and basic Cyrillic capitals (Ё and the other
    /// U+0400–U+040F capitals included) mapped inline: the
    /// general path calls into ICU per character, which cost more than the rest of the word's featurisation.</summary>
    private static char LowerInvariant(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        < '\u0080' => c,
        >= '\u0410' and <= '\u042F' => (char)(c + 32),
        >= '\u0430' and <= '\u045F' => c,
        >= '\u0400' and <= '\u040F' => (char)(c + 80),
        _ => char.ToLowerInvariant(c),
    };

    private static string BigramName(FeatureBuffer buffer, bool isRussian, string text, WordSpan word)
    {
        var index = buffer.Words.IndexOf(word);
        var previous = buffer.Words[index - 1];
        var first = text.Substring(previous.Start, Math.Min(previous.Length, MaxWordLength)).ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');
        var second = text.Substring(word.Start, Math.Min(word.Length, MaxWordLength)).ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');
        return "bigram:" + Lexicon.Stem(isRussian, first) + " " + Lexicon.Stem(isRussian, second);
    }

    private static bool HasBlankLine(string text, int from, int to)
    {
        var newlines = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                if (++newlines >= 2)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
