namespace Discourse.Text.Tests;

public sealed class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => (text.Substring(t.Start, t.Length), t.Kind)).ToList();

    private static List<string> Texts(string text) => Tokens(text).Select(t => t.Text).ToList();

    [Theory]
    [InlineData("COVID-19")]
    [InlineData("Рунет")]
    [InlineData("интернет-провайдер")]
    [InlineData("O'Brien")]
    [InlineData("don't")]
    [InlineData("don’t")]
    [InlineData("Russia's")]
    [InlineData("19-летний")]
    [InlineData("Санкт-Петербург")]
    [InlineData("5G")]
    public void Keeps_mixed_words_whole(string word)
    {
        Assert.Equal([(word, TokenKind.Word)], Tokens(word));
    }

    [Theory]
    [InlineData("2016")]
    [InlineData("3.14")]
    [InlineData("3,5")]
    [InlineData("1,000,000")]
    [InlineData("21.06.2016")]
    [InlineData("14:05")]
    [InlineData("1\u00A0000")]
    public void Reads_numbers_with_separators(string number)
    {
        Assert.Equal([(number, TokenKind.Number)], Tokens(number));
    }

    [Fact]
    public void Splits_a_year_range_into_two_numbers_and_a_dash()
    {
        Assert.Equal(
            [("2015", TokenKind.Number), ("-", TokenKind.Punctuation), ("2016", TokenKind.Number)],
            Tokens("2015-2016"));
    }

    [Fact]
    public void Finds_urls_emails_hashtags_and_mentions_in_a_sentence()
    {
        var text = "See https://mid.ru/ru/press (статья), mail press@mid.ru, tag #кибербезопасность and @MID_RF.";
        var tokens = Tokens(text);
        Assert.Contains(("https://mid.ru/ru/press", TokenKind.Url), tokens);
        Assert.Contains(("press@mid.ru", TokenKind.Email), tokens);
        Assert.Contains(("#кибербезопасность", TokenKind.Hashtag), tokens);
        Assert.Contains(("@MID_RF", TokenKind.Mention), tokens);
        Assert.Equal(("(", TokenKind.Punctuation), tokens[2]);
        Assert.Equal((".", TokenKind.Punctuation), tokens[^1]);
    }

    [Theory]
    [InlineData("(see http://example.com/a_(b)).", "http://example.com/a_(b)")]
    [InlineData("at www.kremlin.ru.", "www.kremlin.ru")]
    [InlineData("on kremlin.ru/events/president, today", "kremlin.ru/events/president")]
    public void Leaves_trailing_punctuation_out_of_urls(string text, string url)
    {
        Assert.Contains((url, TokenKind.Url), Tokens(text));
    }

    [Fact]
    public void Keeps_initialisms_together_with_their_dots()
    {
        Assert.Equal(["the", "U.S.", "and", "т.е.", "В.В.", "Путин"], Texts("the U.S. and т.е. В.В. Путин"));
    }

    [Fact]
    public void Ends_a_word_at_a_full_stop()
    {
        Assert.Equal(["Moscow", ".", "Then"], Texts("Moscow. Then"));
    }

    [Fact]
    public void Keeps_soft_hyphens_inside_the_word_and_offsets_on_the_original()
    {
        var text = "  интер\u00ADнет\u200B  ";
        var token = Assert.Single(Tokenizer.Tokenize(text));
        Assert.Equal(2, token.Start);
        Assert.Equal("интер\u00ADнет", text.Substring(token.Start, token.Length));
        Assert.Equal("интернет", TextNormalizer.Normalize(text.Substring(token.Start, token.Length)));
    }

    [Fact]
    public void Treats_other_symbols_and_emoji_as_single_punctuation_tokens()
    {
        Assert.Equal(
            [("«", TokenKind.Punctuation), ("Да", TokenKind.Word), ("»", TokenKind.Punctuation), ("—", TokenKind.Punctuation), ("😀", TokenKind.Punctuation)],
            Tokens("«Да» — 😀"));
    }

    [Fact]
    public void Does_not_take_a_trailing_hyphen_or_apostrophe()
    {
        Assert.Equal(["pre", "-", "and", "states", "'"], Texts("pre- and states'"));
    }

    [Fact]
    public void Span_overload_appends_to_the_callers_list()
    {
        var tokens = new List<Token> { new(0, 1, TokenKind.Word) };
        Tokenizer.Tokenize("a b".AsSpan(), tokens);
        Assert.Equal([new(0, 1, TokenKind.Word), new(0, 1, TokenKind.Word), new(2, 1, TokenKind.Word)], tokens);
    }

    [Fact]
    public void Returns_nothing_for_white_space()
    {
        Assert.Empty(Tokenizer.Tokenize(" \t\n\u00A0"));
    }
}
