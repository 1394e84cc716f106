using Discourse.Ingestion.Extraction;

namespace Discourse.Ingestion.Tests.Extraction;

public sealed class ArticleEndTests
{
    private const string Story =
        "The regional water board approved the new reservoir plan after two years of hearings, public letters and a long engineering review of the dam site.";

    private const string MoreStory =
        "Construction is expected to start next spring, and the board said the project would be paid for from existing levies rather than new charges.";

    [Theory]
    [InlineData("Comments")]
    [InlineData("Comments (12)")]
    [InlineData("Комментарии:")]
    [InlineData("Читайте также")]
    [InlineData("Новости по теме")]
    [InlineData("© 2024 Harbour Gazette")]
    public void A_closing_heading_after_the_story_ends_it(string heading)
    {
        var kept = ArticleEnd.Trim([Story, MoreStory, heading, "Someone wrote a reply that is not part of the story at all."]);

        Assert.Equal([Story, MoreStory], kept);
    }

    [Fact]
    public void A_closing_heading_before_the_story_has_text_does_not_end_it()
    {
        var kept = ArticleEnd.Trim(["Comments", Story, MoreStory]);

        Assert.Equal(["Comments", Story, MoreStory], kept);
    }

    [Theory]
    [InlineData("Read more: Reservoir levels fall for a third year")]
    [InlineData("Related: How the dam was built")]
    [InlineData("Теги: вода, плотина, регион")]
    [InlineData("Комментарии: 0")]
    [InlineData("Views: 1,204")]
    [InlineData("Автор:")]
    public void Promo_tag_counter_and_label_lines_are_dropped_and_the_story_goes_on(string line)
    {
        var kept = ArticleEnd.Trim([Story, line, MoreStory]);

        Assert.Equal([Story, MoreStory], kept);
    }

    [Fact]
    public void A_sentence_that_starts_like_a_heading_is_kept()
    {
        const string sentence = "Comments from residents were mostly positive, the board said.";

        var kept = ArticleEnd.Trim([Story, MoreStory, sentence]);

        Assert.Equal([Story, MoreStory, sentence], kept);
    }
}
