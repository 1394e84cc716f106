namespace Discourse.Text.Languages;

/// <summary>
/// Tells English and Russian apart from each other and from every other language, for titles as well as long texts.
/// </summary>
/// <remarks>
/// The text's dominant script picks a group of character n-gram models (Cyrillic: Russian, Ukrainian, Belarusian,
/// Bulgarian, Serbian, Macedonian, Kazakh, Mongolian; Latin: English, German, French, Spanish, Italian, Portuguese,
/// Dutch); letters of any other script make the text "other". Every word of the dominant script is scored by all
/// models of the group, letters missing from a language's alphabet (і, ў, ј, ә… for Russian; ы, э, ё for Ukrainian
/// and Bulgarian) cost that language dearly, and the posterior over the group is folded into en / ru / other.
/// Thread-safe; the models are built once, on first use, from the embedded training text.
/// </remarks>
public static class LanguageIdentifier
{
    /// <summary>Code for English.</summary>
    public const string English = "en";

    /// <summary>Code for Russian.</summary>
    public const string Russian = "ru";

    /// <summary>Code for any other language.</summary>
    public const string Other = "other";

    // Only the beginning of a long document is read: a few thousand letters decide its language beyond doubt.
    private const int MaxLettersScored = 4000;
    private const int MaxWordLength = 64;

    // How much a capitalised word inside a sentence (usually a name) counts against an ordinary word.
    private const double NameWeight = 0.3;

    private static readonly Lazy<ScriptModels> Models = new(ScriptModels.Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    /// <param name="text">Any text: a title, a sentence, a document.</param>
    /// <returns>"en", "ru" or "other" with its posterior probability; ("other", 0) when the text has no letters.</returns>
    public static LanguageGuess Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Letters of capitalised words (names: "Frank Lloyd Wright" in a Macedonian sentence) count less towards the
        // script, so that foreign names do not outweigh the ordinary words around them.
        double latin = 0, cyrillic = 0, other = 0;
        var weight = 1.0;
        var previous = LetterScript.None;
        foreach (var c in text)
        {
            var script = LanguageText.ScriptOf(c);
            if (script != LetterScript.None && previous == LetterScript.None)
            {
                weight = char.IsUpper(c) ? NameWeight : 1.0;
            }

            previous = script;
            switch (script)
            {
                case LetterScript.Latin: latin += weight; break;
                case LetterScript.Cyrillic: cyrillic += weight; break;
                case LetterScript.Other: other += weight; break;
                default: break;
            }
        }

        var letters = latin + cyrillic + other;
        if (letters == 0)
        {
            return new LanguageGuess(Other, 0);
        }

        if (other > latin && other > cyrillic)
        {
            return new LanguageGuess(Other, other / letters);
        }

        var dominant = cyrillic >= latin ? LetterScript.Cyrillic : LetterScript.Latin;
        var group = dominant == LetterScript.Cyrillic ? Models.Value.Cyrillic : Models.Value.Latin;
        return group.Identify(text, dominant);
    }

    /// <summary>Posterior over the languages of one script group, folded into en / ru / other.</summary>
    internal sealed class ScriptGroup(CharNgramModel model, WordUnigramModel words, double[] logPrior, double[] letterBonus, (string Letters, double Frequency)[] markers, double markerWeight)
    {
        /// <summary>The group's n-gram models.</summary>
        public CharNgramModel Model { get; } = model;

        /// <summary>
        /// Adds the log-likelihoods of every language of the group for the words of <paramref name="script"/>;
        /// returns how many letters (and word ends) were scored, weighted like the words.
        /// </summary>
        /// <remarks>
        /// Capitalised words inside a sentence are mostly names (Отто, Кроуфилд, Geneva), which say little about the
        /// language around them and are often missing from every training text, so they count for a fraction of an
        /// ordinary word — unless most words are capitalised, as in English headline case.
        /// </remarks>
        public double Score(string text, LetterScript script, Span<double> scores)
        {
            var languageCount = scores.Length;
            Span<char> word = stackalloc char[MaxWordLength];
            Span<double> wordScores = stackalloc double[languageCount];
            var headlineCase = IsHeadlineCase(text, script);
            var length = 0;
            var capitalised = false;
            var sentenceStart = true;
            var scored = 0.0;
            for (var i = 0; i <= text.Length && scored < MaxLettersScored; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                var isLetter = LanguageText.ScriptOf(c) == script;
                if (isLetter || (LanguageText.IsApostrophe(c) && length > 0 && i + 1 < text.Length && LanguageText.ScriptOf(text[i + 1]) == script))
                {
                    if (length == 0)
                    {
                        capitalised = char.IsUpper(c);
                    }

                    if (length < MaxWordLength)
                    {
                        word[length++] = isLetter ? LanguageText.Lower(c) : '\'';
                    }

                    continue;
                }

                if (length > 0)
                {
                    var weight = capitalised && !sentenceStart && !headlineCase ? NameWeight : 1.0;
                    wordScores.Clear();
                    Model.ScoreWord(word[..length], wordScores);
                    words.Mix(word[..length], wordScores);
                    for (var lang = 0; lang < languageCount; lang++)
                    {
                        scores[lang] += weight * wordScores[lang];
                    }

                    scored += weight * (length + 1);
                    length = 0;
                    sentenceStart = false;
                }

                if (c is '.' or '!' or '?' or '\u2026' or '\u2014' or '\n' or ':' or '"' or '\u00AB' or '\u201C' or '\u201E')
                {
                    sentenceStart = true;
                }
            }

            return scored;
        }

        /// <summary>
        /// True when capitals in this text do not mark names: most words of the script are in capitals (a shouted
        /// headline) or, in Latin script, start with one (English headline case). Cyrillic-script languages do not
        /// capitalise the words of a headline, so there a capitalised word is a name however many there are
        /// ("Разговор Александра с Отто").
        /// </summary>
        private static bool IsHeadlineCase(string text, LetterScript script)
        {
            int words = 0, capitalised = 0;
            var position = 0;
            var initialUpper = false;
            foreach (var c in text)
            {
                if (LanguageText.ScriptOf(c) != script)
                {
                    position = 0;
                    continue;
                }

                var upper = char.IsUpper(c);
                if (position == 0)
                {
                    words++;
                    initialUpper = upper;
                    capitalised += upper && script == LetterScript.Latin ? 1 : 0;
                }
                else if (position == 1 && script != LetterScript.Latin)
                {
                    capitalised += initialUpper && upper ? 1 : 0;
                }

                position++;
            }

            return capitalised * 2 > words;
        }

        /// <summary>Identifies <paramref name="text"/> within this group.</summary>
        public LanguageGuess Identify(string text, LetterScript script)
        {
            var count = Model.Languages.Count;
            Span<double> scores = stackalloc double[count];
            for (var lang = 0; lang < count; lang++)
            {
                scores[lang] = logPrior[lang];
            }

            var letters = Score(text, script, scores);
            for (var lang = 0; lang < count; lang++)
            {
                scores[lang] += letterBonus[lang] * letters;
                var (markerLetters, frequency) = markers[lang];
                if (markerLetters.Length > 0 && text.AsSpan().IndexOfAny(markerLetters) < 0)
                {
                    scores[lang] += markerWeight * letters * Math.Log(1 - frequency);
                }
            }

            var max = double.NegativeInfinity;
            foreach (var s in scores)
            {
                max = Math.Max(max, s);
            }

            double total = 0, english = 0, russian = 0;
            for (var lang = 0; lang < count; lang++)
            {
                var p = Math.Exp(scores[lang] - max);
                total += p;
                switch (Model.Languages[lang])
                {
                    case English: english += p; break;
                    case Russian: russian += p; break;
                    default: break;
                }
            }

            english /= total;
            russian /= total;
            var others = Math.Max(0, 1 - english - russian);
            if (english >= russian && english >= others)
            {
                return new LanguageGuess(English, english);
            }

            return russian >= others ? new LanguageGuess(Russian, russian) : new LanguageGuess(Other, others);
        }
    }

    /// <summary>The two script groups, built together on first use.</summary>
    internal sealed class ScriptModels
    {
        private ScriptModels(ScriptGroup cyrillic, ScriptGroup latin)
        {
            Cyrillic = cyrillic;
            Latin = latin;
        }

        /// <summary>Russian and the Cyrillic languages it must not be confused with.</summary>
        public ScriptGroup Cyrillic { get; }

        /// <summary>English and the Latin-script languages it must not be confused with.</summary>
        public ScriptGroup Latin { get; }

        /// <summary>Builds both groups from the embedded training text.</summary>
        public static ScriptModels Build() => new(
            BuildGroup(LanguageProfiles.Cyrillic),
            BuildGroup(LanguageProfiles.Latin));

        private static ScriptGroup BuildGroup(IReadOnlyList<(string Code, string Forbidden)> languages)
        {
            var trainingWords = languages.Select(l => LanguageProfiles.TrainingWords(l.Code).ToArray()).ToArray();
            var model = new CharNgramModel(
                languages.Select(l => l.Code).ToArray(),
                trainingWords,
                languages.Select(l => l.Forbidden).ToArray(),
                LanguageProfiles.Order,
                LanguageProfiles.ForbiddenLetterPenalty,
                LanguageProfiles.MinimumBackoff);
            return new ScriptGroup(
                model,
                new WordUnigramModel(trainingWords, LanguageProfiles.WordWeight),
                languages.Select(l => LanguageProfiles.LogPrior(l.Code)).ToArray(),
                languages.Select(l => LanguageProfiles.LetterBonus(l.Code)).ToArray(),
                languages.Select(l => LanguageProfiles.MarkerLetters(l.Code))
                    .Select(m => (m.Letters + m.Letters.ToUpperInvariant(), m.Frequency)).ToArray(),
                LanguageProfiles.MarkerWeight);
        }
    }
}
