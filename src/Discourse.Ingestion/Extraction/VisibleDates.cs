using Discourse.Text.Dates;

namespace Discourse.Ingestion.Extraction;

/// <summary>Dates written for readers ("23.09.2020", "June 21, 2016", "18 февраля 2020") in short texts such as datelines.</summary>
internal static class VisibleDates
{
    /// <summary>The first full date in <paramref name="text"/>, by the text layer's parser.</summary>
    public static DateTimeOffset? Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var match in DateParser.FindAll(text))
        {
            if (match.Value.Year is >= 1990 and <= 2100)
            {
                return match.Value;
            }
        }

        return null;
    }

    /// <summary>The last full date in <paramref name="text"/>: the one nearest to what follows it.</summary>
    public static DateTimeOffset? FindLast(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        DateTimeOffset? last = null;
        foreach (var match in DateParser.FindAll(text))
        {
            if (match.Value.Year is >= 1990 and <= 2100)
            {
                last = match.Value;
            }
        }

        return last;
    }
}
