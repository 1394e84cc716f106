namespace Discourse.Text.Tests;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("en", "the", true)]
    [InlineData("en", "don't", true)]
    [InlineData("en", "don’t", true)]
    [InlineData("en", "us", false)]
    [InlineData("en", "sovereignty", false)]
    [InlineData("ru", "и", true)]
    [InlineData("ru", "её", true)]
    [InlineData("ru", "суверенитет", false)]
    [InlineData("de", "und", false)]
    public void Knows_snowball_stop_words(string lang, string word, bool expected)
    {
        Assert.Equal(expected, StopWords.Contains(lang, word));
    }

    [SkippableFact]
    public void Holds_exactly_the_snowball_lists()
    {
        foreach (var (lang, file) in new[] { ("en", "english"), ("ru", "russian") })
        {
            var path = Discourse.Testing.ReferenceData.Require($"reference/nlp/stopwords/snowball/{file}.txt");
            var expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToHashSet();
            Assert.True(expected.SetEquals(StopWords.For(lang)), $"{lang} stop words differ from {path}");
        }
    }

    [Fact]
    public void Has_no_stop_words_for_other_languages()
    {
        Assert.Empty(StopWords.For("uk"));
        Assert.Empty(StopWords.For(null));
    }
}
