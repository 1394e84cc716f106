namespace Discourse.Text;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with digits, hyphens or apostrophes inside ("COVID-19", "O'Brien", "интернет-провайдер").</summary>
    Word,

    /// <summary>Digits with decimal or group separators ("2016", "3.14", "1,000", "21.06.2016", "14:05").</summary>
    Number,

    /// <summary>A web address starting with a scheme or "www.", or a bare domain followed by a path.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>"#" followed by a word ("#cybersecurity").</summary>
    Hashtag,

    /// <summary>"@" followed by a user name ("@mfa_russia").</summary>
    Mention,

    /// <summary>Any other visible character: punctuation, symbols, emoji (one token each).</summary>
    Punctuation,
}

/// <summary>A token: where it is in the original string and what it is.</summary>
/// <param name="Start">Offset of the first char in the original string.</param>
/// <param name="Length">Length in chars (UTF-16 code units) in the original string.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset just past the last char.</summary>
    public int End => Start + Length;

    /// <summary>The token's text in <paramref name="text"/> (the string it was found in).</summary>
    /// <param name="text">The tokenised string.</param>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
