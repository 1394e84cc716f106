namespace Discourse.Core.Documents;

/// <summary>What kind of publisher a source is; recorded with every document.</summary>
public enum SourceKind
{
    /// <summary>A ministry, presidential administration or other state body.</summary>
    Official,

    /// <summary>A state-owned or state-controlled news outlet.</summary>
    StateMedia,

    /// <summary>A privately owned or independent news outlet.</summary>
    IndependentMedia,

    /// <summary>A think tank, institute or academic commentary site.</summary>
    ThinkTank,

    /// <summary>Anything else (local dumps of unknown origin, archives).</summary>
    Other,
}
