namespace Discourse.Text;

/// <summary>The languages the text layer has rules for.</summary>
internal enum TextLanguage
{
    Other,
    English,
    Russian,
}

/// <summary>Maps language codes ("en", "EN", "ru", "en-GB") to <see cref="TextLanguage"/>.</summary>
internal static class LanguageCodes
{
    public static TextLanguage Parse(string? lang)
    {
        if (lang is null || lang.Length < 2 || (lang.Length > 2 && lang[2] is not ('-' or '_')))
        {
            return TextLanguage.Other;
        }

        var first = char.ToLowerInvariant(lang[0]);
        var second = char.ToLowerInvariant(lang[1]);
        return (first, second) switch
        {
            ('e', 'n') => TextLanguage.English,
            ('r', 'u') => TextLanguage.Russian,
            _ => TextLanguage.Other,
        };
    }
}
