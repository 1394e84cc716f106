using Discourse.Core.Configuration;

namespace Discourse.Core.Tests.Configuration;

public sealed class ConfigBinderTests
{
    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("64MiB", 64L * 1024 * 1024)]
    [InlineData("64 MiB", 64L * 1024 * 1024)]
    [InlineData("2MB", 2_000_000L)]
    [InlineData("1.5KiB", 1536L)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("3kb", 3000L)]
    public void Sizes_are_parsed(string text, long expected) => Assert.Equal(expected, ConfigBinder.ParseSize(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("12 parsecs")]
    [InlineData("1.3B")]
    [InlineData("")]
    public void Bad_sizes_are_rejected(string text) => Assert.Null(ConfigBinder.ParseSize(text));

    [Theory]
    [InlineData("corpora/site/*/articles/**/*.html")]
    [InlineData("/abs/[ab]?.{html,htm}")]
    [InlineData("**")]
    public void Good_globs_pass(string glob) => Assert.Null(ConfigBinder.GlobProblem(glob));

    [Fact]
    public void Unsupported_property_types_are_listed_with_their_key() =>
        Assert.Equal(["when: DateTimeOffset", "inner.data: Byte"], ConfigBinder.UnsupportedKeys(typeof(Unsupported)));

    public sealed record Unsupported
    {
        public DateTimeOffset When { get; init; }

        public Inner Inner { get; init; } = new();

        public string Fine { get; init; } = string.Empty;
    }

    public sealed record Inner
    {
        public byte[] Data { get; init; } = [];
    }
}
