using System.Text;

namespace Discourse.Core.Configuration;

/// <summary>How configuration keys and enum values are spelled: the snake_case form of the CLR names.</summary>
public static class ConfigNames
{
    /// <summary>
    /// The snake_case form of a PascalCase name: <c>MaxConcurrencyPerHost</c> → <c>max_concurrency_per_host</c>,
    /// <c>StateMedia</c> → <c>state_media</c>, <c>HTTPTimeout</c> → <c>http_timeout</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || endsAcronym)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The snake_case name of an enum value, e.g. <c>SourceKind.ThinkTank</c> → <c>think_tank</c>.</summary>
    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum => ToSnakeCase(value.ToString());

    /// <summary>The Levenshtein distance between two strings, for "did you mean" hints.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The closest candidate to <paramref name="given"/> when it is close enough to be a typo, else null.</summary>
    internal static string? Closest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(given.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, given.Length / 3) ? best : null;
    }
}
