using System.Reflection;
using System.Text.Json;

namespace Discourse.Text.Languages;

/// <summary>
/// The languages the identifier knows, grouped by script, with the letters each alphabet lacks and the training text
/// each model is built from. Training text is the team's own: passages written for this purpose
/// (<c>Languages/Training/*.txt</c>) plus, for English and Russian, the labelled corpus in <c>corpora/labelled</c>.
/// </summary>
internal static class LanguageProfiles
{
    /// <summary>Longest character n-gram (letters plus word boundaries).</summary>
    public const int Order = 5;

    /// <summary>Log-probability charged for each letter that a language's alphabet does not have.</summary>
    public const float ForbiddenLetterPenalty = -12f;

    /// <summary>
    /// Share of a word's probability given to the language's word list rather than to its letters (λ of
    /// <see cref="WordUnigramModel"/>). Any value from 0.35 to 0.9 gives the same accuracy on the reference set; 0.5
    /// is the even mix.
    /// </summary>
    public const double WordWeight = 0.5;

    /// <summary>Least share of probability every context leaves to letters not seen after it in training.</summary>
    public const double MinimumBackoff = 0.05;

    // Letters outside the Russian alphabet that mark another Cyrillic language.
    private const string NonRussianCyrillic = "іїєґўјљњћђџѓќѕәғқңөұүһ";

    /// <summary>Cyrillic-script languages: code and the letters its standard alphabet lacks.</summary>
    public static readonly IReadOnlyList<(string Code, string Forbidden)> Cyrillic =
    [
        ("ru", NonRussianCyrillic),
        ("uk", "ыэёъўјљњћђџѓќѕәғқңөұүһ"),
        ("be", "ищъїєґјљњћђџѓќѕәғқңөұүһ"),
        ("bg", "ыэёіїєґўјљњћђџѓќѕәғқңөұүһ"),
        ("sr", "йщъыьэюяёіїєґўѓќѕәғқңөұүһ"),
        ("mk", "йщъыьэюяёіїєґўћђәғқңөұүһ"),
        ("kk", "ўїєґјљњћђџѓќѕ"),
        ("mn", "ўіїєґјљњћђџѓќѕәғқңұһ"),
    ];

    // English text borrows the odd accented word (café, naïve), so accents are only a mild penalty there.
    private const string LatinAccents = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœ";

    /// <summary>Latin-script languages: code and the letters its alphabet lacks (accents are weak evidence).</summary>
    public static readonly IReadOnlyList<(string Code, string Forbidden)> Latin =
    [
        ("en", LatinAccents),
        ("de", "àáâãåæçèéêëìíîïñòóôõøùúûýÿœ"),
        ("fr", "áãåíñòóõøúýß"),
        ("es", "àâãäåæçèêëìîïòôõöøùûýÿßœ"),
        ("it", "âãäåæçêëïñôõöøûüýÿßœ"),
        ("pt", "äåæëìïñöøùûüýÿßœ"),
        ("nl", "ãåæñõøßœ"),
    ];

    /// <summary>
    /// Log prior of each language: the pipeline mostly sees English and Russian, and a Russian title must not turn
    /// Bulgarian because one rare n-gram is missing from the Russian training text.
    /// </summary>
    public static double LogPrior(string code) => code is "en" or "ru" ? 1.0 : 0.0;

    /// <summary>
    /// Log-probability bonus per scored letter. Models trained on a few pages spread their probability thinly and so
    /// flatter any unfamiliar word; English and Russian, trained on far more text, are paid back per letter.
    /// </summary>
    public static double LetterBonus(string code) => code is "en" or "ru" ? 0.2 : 0.0;

    /// <summary>
    /// Letters that mark a language and how often they occur in its running text (share of letters). A text with
    /// none of them is less likely to be in that language the longer it is: a Ukrainian sentence without і, ї, є or ґ
    /// is rare, a Russian one without ы, э or ё less so. The n-gram models see this only faintly once they back off.
    /// </summary>
    public static (string Letters, double Frequency) MarkerLetters(string code) => code switch
    {
        "ru" => ("ыэё", 0.02),
        "uk" => ("іїєґ", 0.06),
        "be" => ("іў", 0.07),
        "bg" => ("ъ", 0.015),
        "sr" => ("јљњћђџ", 0.05),
        "mk" => ("јљњѓќѕџ", 0.04),
        "kk" => ("әғқңөұүһі", 0.15),
        "mn" => ("өү", 0.08),
        _ => (string.Empty, 0),
    };

    /// <summary>How strongly a missing marker letter counts (1 = as its frequency says).</summary>
    public const double MarkerWeight = 1.0;

    /// <summary>Reads the training words of <paramref name="code"/> from the embedded training text.</summary>
    public static IEnumerable<string> TrainingWords(string code)
    {
        var assembly = typeof(LanguageProfiles).Assembly;
        foreach (var text in TrainingTexts(assembly, code))
        {
            foreach (var word in LanguageText.Words(text))
            {
                yield return word;
            }
        }
    }

    private static IEnumerable<string> TrainingTexts(Assembly assembly, string code)
    {
        var passages = $"Discourse.Text.Languages.Training.{code}.txt";
        using (var stream = assembly.GetManifestResourceStream(passages)
            ?? throw new InvalidOperationException($"Embedded training text {passages} is missing from {assembly.GetName().Name}; check the EmbeddedResource items in Discourse.Text.csproj."))
        using (var reader = new StreamReader(stream))
        {
            yield return reader.ReadToEnd();
        }

        var corpusPrefix = $"Discourse.Text.Languages.Corpus.{code}-";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(corpusPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string? text;
                try
                {
                    using var json = JsonDocument.Parse(line);
                    text = json.RootElement.TryGetProperty("text", out var value) ? value.GetString() : null;
                }
                catch (JsonException ex)
                {
                    throw new InvalidOperationException($"Corpus {name} line {lineNumber}: not a JSON object ({ex.Message}); fix the line in corpora/labelled.", ex);
                }

                if (text is not null)
                {
                    yield return text;
                }
            }
        }
    }
}
