using Discourse.Core.Configuration;
using Discourse.Core.Documents;

namespace Discourse.Core.Tests.Configuration;

public sealed class ConfigNamesTests
{
    [Theory]
    [InlineData("MaxConcurrencyPerHost", "max_concurrency_per_host")]
    [InlineData("StartUrls", "start_urls")]
    [InlineData("MinDelayMs", "min_delay_ms")]
    [InlineData("HTTPTimeout", "http_timeout")]
    [InlineData("Id", "id")]
    [InlineData("Sha256Hex", "sha256_hex")]
    public void Snake_case_of_property_names(string name, string expected) =>
        Assert.Equal(expected, ConfigNames.ToSnakeCase(name));

    [Fact]
    public void Enum_values_are_snake_case() =>
        Assert.Equal(
            ["official", "state_media", "independent_media", "think_tank", "other"],
            Enum.GetValues<SourceKind>().Select(ConfigNames.EnumValue));

    [Theory]
    [InlineData("max_page", "max_pages")]
    [InlineData("user_agnet", "user_agent")]
    [InlineData("MAX_PAGES", "max_pages")]
    [InlineData("colour", null)]
    public void Closest_suggests_only_near_misses(string given, string? expected) =>
        Assert.Equal(expected, ConfigNames.Closest(given, ["max_pages", "user_agent", "include"]));
}
