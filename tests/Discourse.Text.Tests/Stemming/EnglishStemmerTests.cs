namespace Discourse.Text.Tests.Stemming;

public sealed class EnglishStemmerTests
{
    [SkippableFact]
    public void Stems_every_snowball_english_vocabulary_word_like_the_reference_output()
    {
        SnowballVectors.AssertAll("en", SnowballVectors.Load("english"));
    }

    [Theory]
    [InlineData("sovereignty", "sovereignti")]
    [InlineData("aggression", "aggress")]
    [InlineData("international", "internat")]
    [InlineData("interference", "interfer")]
    [InlineData("dying", "die")]
    [InlineData("evening", "evening")]
    [InlineData("emergency", "emergenc")]
    [InlineData("proceeded", "proceed")]
    [InlineData("news", "news")]
    [InlineData("russia's", "russia")]
    [InlineData("at", "at")]
    public void Stems_words_the_classifier_sees(string word, string expected)
    {
        Assert.Equal(expected, Stemmers.English.Stem(word));
    }

    [Fact]
    public void Returns_the_same_instance_when_nothing_changes()
    {
        const string word = "cyber";
        Assert.Same(word, Stemmers.English.Stem(word));
    }
}
