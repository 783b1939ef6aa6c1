namespace EncordSpec.Tests.Listing;

public class KeyOrderTests
{
    // U+1F600 (an emoji, two UTF-16 code units starting 0xD83D), U+E000 and U+FF01 (one code unit each).
    private static readonly string[] Keys = { "a/\uFF01.jpg", "a/\U0001F600.jpg", "a/\uE000.jpg", "a/z.jpg", "a/", "a/z" };

    [Fact]
    public void S3_order_is_utf8_byte_order()
    {
        var byBytes = Keys.OrderBy(k => k, Comparer<string>.Create((x, y) =>
            System.Text.Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y))));
        Assert.Equal(new[] { "a/", "a/z", "a/z.jpg", "a/\uE000.jpg", "a/\uFF01.jpg", "a/\U0001F600.jpg" }, Keys.Order(KeyOrder.For(CloudProvider.S3)));
        Assert.Equal(byBytes, Keys.Order(KeyOrder.For(CloudProvider.OTC)));
    }

    [Fact]
    public void Azure_and_GCS_order_is_utf16_code_unit_order()
    {
        var expected = new[] { "a/", "a/z", "a/z.jpg", "a/\U0001F600.jpg", "a/\uE000.jpg", "a/\uFF01.jpg" };
        Assert.Equal(expected, Keys.Order(KeyOrder.For(CloudProvider.Azure)));
        Assert.Equal(expected, Keys.Order(KeyOrder.For(CloudProvider.GCS)));
    }
}
