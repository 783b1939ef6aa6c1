namespace EncordSpec.Tests.Grouping;

public class NaturalStringComparerTests
{
    [Theory]
    [InlineData("frame2.jpg", "frame10.jpg")]
    [InlineData("1+(32).jpg", "1+(100).jpg")]
    [InlineData("a/9/x.jpg", "a/10/x.jpg")]
    [InlineData("img007.png", "img8.png")]
    [InlineData("01.jpg", "1.jpg")] // equal values fall back to ordinal order, so the order stays total
    [InlineData("img009.png", "img0010.png")] // the shared "img00" is backed up to the start of the number
    [InlineData("bucket/seq/frame9.jpg", "bucket/seq/frame10.jpg")]
    [InlineData("a12", "a13")]
    [InlineData("abc", "abd")]
    [InlineData("ab", "abc")]
    [InlineData("99999999999999999999999.jpg", "100000000000000000000000.jpg")] // longer than any integer type
    public void Orders_digit_runs_by_value(string smaller, string larger)
    {
        Assert.True(NaturalStringComparer.Instance.Compare(smaller, larger) < 0, $"{smaller} < {larger}");
        Assert.True(NaturalStringComparer.Instance.Compare(larger, smaller) > 0, $"{larger} > {smaller}");
    }

    [Fact]
    public void Sorts_the_page_example_frames_in_frame_order()
    {
        var names = new[] { "1+(100).jpg", "1+(33).jpg", "1+(32).jpg", "1+(4).jpg" };
        Array.Sort(names, NaturalStringComparer.Instance);
        Assert.Equal(new[] { "1+(4).jpg", "1+(32).jpg", "1+(33).jpg", "1+(100).jpg" }, names);
    }
}
