namespace Discourse.Parquet.Tests;

public sealed class CanonicalChecksumTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(-0.0, "0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.10000000149011612, "0.10000000149011612")]
    public void Doubles_print_as_JavaScript_prints_them(double value, string expected) =>
        Assert.Equal(expected, CanonicalChecksum.JavaScriptNumber(value));

    [Fact]
    public void Checksum_of_the_empty_row_set_is_the_hash_of_nothing() =>
        // MANIFEST.tsv lists this checksum for files with zero rows.
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalChecksum.Compute([]));
}
