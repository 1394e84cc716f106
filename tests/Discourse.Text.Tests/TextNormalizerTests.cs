namespace Discourse.Text.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Ёлка", "елка")]
    [InlineData("ВСЁ", "все")]
    [InlineData("«Суверенитет» — это", "\"суверенитет\" - это")]
    [InlineData("„quoted“ and ‘single’", "\"quoted\" and 'single'")]
    [InlineData("don’t", "don't")]
    [InlineData("a\u00A0b\u202Fc\td", "a b c d")]
    [InlineData("со\u00ADвет\u200Bский", "советский")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("ＵＳＡ", "usa")]
    [InlineData("2–3", "2-3")]
    [InlineData("line1\u2028line2", "line1\nline2")]
    public void Produces_the_matching_form(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Composes_a_decomposed_short_i_before_folding()
    {
        Assert.Equal("йод", TextNormalizer.Normalize("И\u0306од"));
    }

    [Fact]
    public void Returns_the_same_instance_for_text_already_in_matching_form()
    {
        const string text = "already plain text, 2016.";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Span_form_matches_the_string_form()
    {
        Span<char> destination = stackalloc char[32];
        foreach (var input in new[] { "Ёлка", "ﬁnance", "«Да»", "MiXeD Case", "ＵＳＡ" })
        {
            Assert.True(TextNormalizer.TryNormalize(input, destination, out var written));
            Assert.Equal(TextNormalizer.Normalize(input), new string(destination[..written]));
        }
    }

    [Fact]
    public void Span_form_reports_a_destination_that_is_too_small()
    {
        Span<char> destination = stackalloc char[2];
        Assert.False(TextNormalizer.TryNormalize("long", destination, out _));
    }
}
