using System.Text;

namespace Discourse.Ingestion.Extraction;

/// <summary>Whitespace handling shared by the extractors.</summary>
internal static class TextTools
{
    /// <summary>Collapses runs of whitespace (including no-break spaces) into one space and trims.</summary>
    public static string Collapse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        AppendCollapsed(builder, text);
        return builder.ToString().Trim();
    }

    /// <summary>Appends <paramref name="text"/> with whitespace collapsed, not starting a line with a space.</summary>
    public static void AppendCollapsed(StringBuilder builder, string text)
    {
        var pendingSpace = builder.Length > 0 && !IsSpace(builder[^1]) && text.Length > 0 && IsSpace(text[0]);
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (pendingSpace && builder.Length > 0 && builder[^1] != '\n' && builder[^1] != ' ')
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        if (pendingSpace && builder.Length > 0 && builder[^1] != '\n' && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u3000';
}
