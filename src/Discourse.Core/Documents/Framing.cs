namespace Discourse.Core.Documents;

/// <summary>The three framings every text is tagged for, as defined in LABELING.md.</summary>
public enum Framing
{
    /// <summary>State control of the national internet, information space, data or technology.</summary>
    Sovereignty,

    /// <summary>States agreeing or proposing not to attack each other in cyberspace; information-security agreements.</summary>
    NonAggression,

    /// <summary>Western media or platforms framed as propaganda, information war or a threat.</summary>
    AntiWesternMedia,
}

/// <summary>Stable snake_case names of the framings, as used in JSON, the dataset and the CLI.</summary>
public static class FramingNames
{
    /// <summary>All framings in their canonical order.</summary>
    public static IReadOnlyList<Framing> All { get; } = [Framing.Sovereignty, Framing.NonAggression, Framing.AntiWesternMedia];

    /// <summary>The snake_case name of a framing (<c>sovereignty</c>, <c>non_aggression</c>, <c>anti_western_media</c>).</summary>
    public static string Name(this Framing framing) => framing switch
    {
        Framing.Sovereignty => "sovereignty",
        Framing.NonAggression => "non_aggression",
        Framing.AntiWesternMedia => "anti_western_media",
        _ => throw new ArgumentOutOfRangeException(nameof(framing), framing, "Unknown framing."),
    };

    /// <summary>Parses a snake_case framing name; returns false for anything else.</summary>
    public static bool TryParse(string name, out Framing framing)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                framing = candidate;
                return true;
            }
        }

        framing = default;
        return false;
    }
}
