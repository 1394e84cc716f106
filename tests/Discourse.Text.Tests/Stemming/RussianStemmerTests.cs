namespace Discourse.Text.Tests.Stemming;

public sealed class RussianStemmerTests
{
    [SkippableFact]
    public void Stems_every_snowball_russian_vocabulary_word_like_the_reference_output()
    {
        SnowballVectors.AssertAll("ru", SnowballVectors.Load("russian"));
    }

    [Theory]
    [InlineData("суверенитета", "суверенитет")]
    [InlineData("вмешательство", "вмешательств")]
    [InlineData("информационной", "информацион")]
    [InlineData("её", "е")]
    [InlineData("ещё", "ещ")]
    public void Stems_words_the_classifier_sees(string word, string expected)
    {
        Assert.Equal(expected, Stemmers.Russian.Stem(word));
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var words = new[] { "государственного", "суверенитета", "безопасности", "вмешательства", "агрессивных" };
        var expected = words.Select(Stemmers.Russian.Stem).ToArray();
        Parallel.For(0, 2000, i =>
        {
            var w = i % words.Length;
            Assert.Equal(expected[w], Stemmers.Russian.Stem(words[w]));
        });
    }
}
