using System.Text;

namespace Discourse.Benchmarks.Parquet;

/// <summary>One synthetic "document" row: the columns and order of parquet-check/peer-write.mjs.</summary>
internal sealed record SyntheticDocument(
    string DocId,
    string Source,
    string Url,
    string Lang,
    DateTimeOffset PublishedAt,
    string Title,
    string Text,
    double ScoreQuality,
    double ScoreToxicity,
    double ScoreRelevance,
    bool IsSpam,
    bool IsAdult,
    bool IsDuplicate,
    string ModelVersion);

/// <summary>
/// A port of the deterministic generator specified in the header of ../shared/tools/parquet-check/peer-write.mjs
/// (mulberry32 streams, a Latin and a Cyrillic vocabulary, one stream per row), so our writer and DuckDB's write the
/// same values and validate.mjs prints the same checksum for both files.
/// </summary>
internal sealed class SyntheticDocuments
{
    private const int VocabularySize = 4096;
    private const long BaseMicros = 1577836800000000L; // 2020-01-01T00:00:00Z
    private static readonly string[] LatinSyllables = ["ka", "lo", "mi", "ne", "ta", "ri", "su", "ve", "do", "pa", "ex", "or", "an", "is", "um", "el", "tra", "con", "qu", "ber"];
    private static readonly string[] CyrillicSyllables = ["ка", "ло", "ми", "не", "та", "ри", "су", "ве", "до", "па", "ст", "ор", "ан", "ис", "ум", "ель", "жи", "щу", "ры", "ю"];
    private static readonly string[] Sources =
    [
        "lenta.ru", "ria.ru", "tass.ru", "rbc.ru", "kommersant.ru", "vedomosti.ru", "meduza.ru", "interfax.ru", "gazeta.ru", "izvestia.ru",
        "bbc.com", "reuters.com", "apnews.com", "guardian.com", "nytimes.com", "bloomberg.com", "cnn.com", "aljazeera.com", "dw.com", "euronews.com",
    ];

    private static readonly string[] ModelVersions = ["clf-2024.01.0", "clf-2024.06.2", "clf-2025.02.1"];

    private readonly uint _seed;
    private readonly string[] _latin;
    private readonly string[] _cyrillic;
    private readonly StringBuilder _builder = new(4096);
    private readonly StringBuilder _sentence = new(256);

    public SyntheticDocuments(uint seed)
    {
        _seed = seed;
        var vocabulary = new Mulberry32(seed ^ 0x5EED5EEDu);
        _latin = BuildWords(ref vocabulary, LatinSyllables);
        _cyrillic = BuildWords(ref vocabulary, CyrillicSyllables);
    }

    private static string[] BuildWords(ref Mulberry32 next, string[] syllables)
    {
        var words = new string[VocabularySize];
        var word = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            word.Clear();
            var count = 1 + (next.Next() % 3);
            for (var k = 0; k < count; k++)
            {
                word.Append(syllables[next.Next() % (uint)syllables.Length]);
            }

            words[i] = word.ToString();
        }

        return words;
    }

    public SyntheticDocument Row(int index)
    {
        var next = new Mulberry32(unchecked(_seed + ((uint)index * 0x9E3779B1u)));
        var docId = next.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + next.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var source = Sources[next.Next() % 20];
        var russian = (next.Next() & 1) == 1;
        var lang = russian ? "ru" : "en";
        var seconds = next.Next() % 157766400u;
        var micros = next.Next() % 1000000u;
        var publishedMicros = BaseMicros + (seconds * 1_000_000L) + micros;
        var cyrillicShare = russian ? 0.85 : 0.1;

        _builder.Clear();
        while (_builder.Length < 60)
        {
            if (_builder.Length > 0)
            {
                _builder.Append(' ');
            }

            _builder.Append(Word(ref next, cyrillicShare));
        }

        var title = Capitalised(_builder);
        var published = DateTimeOffset.UnixEpoch.AddTicks(publishedMicros * 10);

        _builder.Clear();
        _builder.Append("https://").Append(source).Append('/').Append(published.Year).Append('/').Append(docId).Append('/');
        var first = true;
        while (_builder.Length < 80)
        {
            if (!first)
            {
                _builder.Append('-');
            }

            _builder.Append(_latin[next.Next() % VocabularySize]);
            first = false;
        }

        var url = _builder.ToString(0, Math.Min(80, _builder.Length));

        var target = 2500 + (int)(next.Next() % 1001);
        _builder.Clear();
        while (_builder.Length < target)
        {
            var words = 6 + (int)(next.Next() % 10);
            _sentence.Clear();
            for (var k = 0; k < words; k++)
            {
                if (k > 0)
                {
                    _sentence.Append(' ');
                }

                _sentence.Append(Word(ref next, cyrillicShare));
            }

            _sentence[0] = char.ToUpperInvariant(_sentence[0]);
            _builder.Append(_sentence).Append(". ");
        }

        _builder.Length = Math.Min(_builder.Length, target);
        while (_builder.Length > 0 && char.IsWhiteSpace(_builder[^1]))
        {
            _builder.Length--;
        }

        var text = _builder.ToString();
        var quality = next.Next() / 4294967296.0;
        var toxicity = next.Next() / 4294967296.0;
        var relevance = next.Next() / 4294967296.0;
        var spam = next.Next() % 100 < 5;
        var adult = next.Next() % 100 < 2;
        var duplicate = next.Next() % 100 < 10;
        var model = ModelVersions[next.Next() % 3];
        return new SyntheticDocument(docId, source, url, lang, published, title, text, quality, toxicity, relevance, spam, adult, duplicate, model);
    }

    private string Word(ref Mulberry32 next, double cyrillicShare)
    {
        var cyrillic = next.Next() / 4294967296.0 < cyrillicShare;
        var u = next.Next() / 4294967296.0;
        var index = (int)Math.Floor(VocabularySize * u * u * u);
        return (cyrillic ? _cyrillic : _latin)[index];
    }

    private static string Capitalised(StringBuilder text)
    {
        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }

    /// <summary>mulberry32 over uint, exactly as the JavaScript reference computes it.</summary>
    private struct Mulberry32(uint state)
    {
        private uint _state = state;

        public uint Next()
        {
            unchecked
            {
                _state += 0x6D2B79F5u;
                var t = _state;
                t = (t ^ (t >> 15)) * (t | 1u);
                t ^= t + ((t ^ (t >> 7)) * (t | 61u));
                return t ^ (t >> 14);
            }
        }
    }
}
