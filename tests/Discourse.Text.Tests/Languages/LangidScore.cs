using System.Globalization;
using Discourse.Text.Languages;

namespace Discourse.Text.Tests.Languages;

/// <summary>
/// Accuracy of a language identifier on a langid reference file (lang, text, expected, kind, length):
/// English and Russian sentences correct; other-language sentences not called en/ru; short texts (under 40
/// characters, single words excluded) correct; single words correct (reported only).
/// </summary>
internal sealed record LangidScore(double EnglishRussianSentences, double OtherSentences, double ShortTexts, double SingleWords)
{
    public static LangidScore Evaluate(string path, Func<string, LanguageGuess> identify)
    {
        int enRu = 0, enRuOk = 0, other = 0, otherOk = 0, shortTexts = 0, shortOk = 0, single = 0, singleOk = 0;
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            var (text, expected, kind, length) = (fields[1], fields[2], fields[3], fields[4]);
            var ok = identify(text).Code == expected;
            if (kind == "sentence" && expected is "en" or "ru")
            {
                enRu++;
                enRuOk += ok ? 1 : 0;
            }
            else if (kind == "sentence")
            {
                other++;
                otherOk += ok ? 1 : 0;
            }

            if (kind == "single-word")
            {
                single++;
                singleOk += ok ? 1 : 0;
            }
            else if (length == "short")
            {
                shortTexts++;
                shortOk += ok ? 1 : 0;
            }
        }

        return new LangidScore(Ratio(enRuOk, enRu), Ratio(otherOk, other), Ratio(shortOk, shortTexts), Ratio(singleOk, single));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"en/ru sentences {EnglishRussianSentences:P2}, other sentences {OtherSentences:P2}, short texts {ShortTexts:P2}, single words {SingleWords:P2}");

    private static double Ratio(int ok, int total) => total == 0 ? 0 : (double)ok / total;
}
