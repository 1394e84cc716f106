namespace Discourse.Text.Tests;

public sealed class StemmersTests
{
    [Theory]
    [InlineData("en", "nations", "nation")]
    [InlineData("EN", "nations", "nation")]
    [InlineData("en-GB", "nations", "nation")]
    [InlineData("ru", "государства", "государств")]
    [InlineData("ru_RU", "государства", "государств")]
    [InlineData("uk", "держави", "держави")]
    [InlineData("", "nations", "nations")]
    public void Picks_the_stemmer_by_language_code(string lang, string word, string expected)
    {
        Assert.Equal(expected, Stemmers.For(lang).Stem(word));
    }

    [Fact]
    public void Span_stem_reports_a_destination_that_is_too_small()
    {
        Span<char> destination = stackalloc char[3];
        Assert.Equal(-1, Stemmers.Stem("en", "nations", destination));
    }

    [Fact]
    public void Span_stem_copies_words_of_other_languages()
    {
        Span<char> destination = stackalloc char[16];
        var length = Stemmers.Stem("de", "staaten", destination);
        Assert.Equal("staaten", new string(destination[..length]));
    }
}
