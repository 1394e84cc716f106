using System.Collections.Frozen;
using System.Reflection;

namespace Discourse.Text;

/// <summary>
/// Snowball's English and Russian stop-word lists (BSD-licensed, shipped as embedded data files under
/// <c>StopWordLists/</c>). As in Snowball, "us" is not an English stop word: lower-cased it is often "U.S.".
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> English = Load("english");
    private static readonly FrozenSet<string> Russian = Load("russian");
    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    /// <summary>Whether <paramref name="lowerCaseWord"/> is a stop word of <paramref name="lang"/>.</summary>
    /// <param name="lang">"en" or "ru"; other languages have no stop words.</param>
    /// <param name="lowerCaseWord">A lower-case word; ё and curly apostrophes are matched as е and '.</param>
    public static bool Contains(string? lang, string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        return Contains(lang, lowerCaseWord.AsSpan());
    }

    /// <summary>Allocation-free form of <see cref="Contains(string?, string)"/> for a token slice.</summary>
    /// <param name="lang">"en" or "ru"; other languages have no stop words.</param>
    /// <param name="lowerCaseWord">A lower-case word.</param>
    public static bool Contains(string? lang, ReadOnlySpan<char> lowerCaseWord)
    {
        var set = SetFor(lang);
        if (set.Count == 0 || lowerCaseWord.Length > 32)
        {
            return false;
        }

        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(lowerCaseWord))
        {
            return true;
        }

        if (lowerCaseWord.IndexOfAny('ё', '\u2019') < 0)
        {
            return false;
        }

        Span<char> folded = stackalloc char[lowerCaseWord.Length];
        lowerCaseWord.CopyTo(folded);
        folded.Replace('ё', 'е');
        folded.Replace('\u2019', '\'');
        return lookup.Contains(folded);
    }

    /// <summary>The stop-word set of <paramref name="lang"/> ("en", "ru"; empty for any other language).</summary>
    /// <param name="lang">A language code.</param>
    public static IReadOnlySet<string> For(string? lang) => SetFor(lang);

    private static FrozenSet<string> SetFor(string? lang) => LanguageCodes.Parse(lang) switch
    {
        TextLanguage.English => English,
        TextLanguage.Russian => Russian,
        _ => None,
    };

    private static FrozenSet<string> Load(string name)
    {
        var resource = $"Discourse.Text.StopWordLists.{name}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded stop-word list {resource} is missing from Discourse.Text; rebuild the project.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
