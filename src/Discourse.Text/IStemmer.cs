namespace Discourse.Text;

/// <summary>Reduces a lower-case word to its stem. Implementations are thread-safe and keep no per-call state.</summary>
public interface IStemmer
{
    /// <summary>Returns the stem of <paramref name="lowerCaseWord"/> (the same instance when nothing changes).</summary>
    /// <param name="lowerCaseWord">One word, already lower-cased (see <see cref="TextNormalizer.Normalize(string)"/>).</param>
    string Stem(string lowerCaseWord);
}
