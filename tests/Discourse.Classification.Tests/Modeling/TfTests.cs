using Discourse.Classification.Modeling;

namespace Discourse.Classification.Tests.Modeling;

public sealed class TfTests
{
    [Fact]
    public void A_table_holds_exactly_the_values_of_the_formula_training_uses()
    {
        var table = Tf.Table(5000);

        Assert.Equal(0f, table[0]);
        for (var count = 1; count < table.Length; count++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(Tf.Sublinear(count)), BitConverter.SingleToInt32Bits(table[count]));
        }

        Assert.Equal((float)(1.0 + Math.Log(4999)), table[4999]);
    }
}
