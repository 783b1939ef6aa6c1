namespace EncordSpec.Tests.Listing;

/// <summary>Where <see cref="KeySpace"/> puts split points: strictly between two keys in the store's order, past a
/// position by doubling, never inside a character.</summary>
public class KeySpaceTests
{
    [Theory]
    [InlineData("img-000000.jpg", "img-199999.jpg")]
    [InlineData("a", "b")]
    [InlineData("folder-000/img-00999.jpg", "folder-001")]
    [InlineData("x/é日", "x/\uFF01")]
    public void A_point_between_two_keys_lies_strictly_between_them_in_both_orders(string low, string high)
    {
        foreach (var order in new[] { KeyOrder.Utf8, KeyOrder.Utf16 })
        {
            var space = new KeySpace("", order);
            space.Learn(low);
            space.Learn(high);
            string? point = space.Between(low, high, 0.5);
            Assert.NotNull(point);
            Assert.True(order.Compare(low, point) < 0 && order.Compare(point, high) < 0, $"'{point}' is not between '{low}' and '{high}'");
        }
    }

    [Fact]
    public void Steps_past_a_position_double_the_reach_from_the_origin()
    {
        var space = new KeySpace("", KeyOrder.Utf8);
        space.Learn("img-000000.jpg");
        space.Learn("img-000999.jpg");
        string? first = space.Beyond("img-000000.jpg", "img-000999.jpg", null);
        string? second = space.Beyond("img-000000.jpg", first!, null);

        Assert.NotNull(second);
        Assert.True(KeyOrder.Utf8.Compare("img-000999.jpg", first) < 0 && KeyOrder.Utf8.Compare(first, second) < 0);
        Assert.StartsWith("img-00", second);
    }

    [Fact]
    public void No_step_is_taken_from_a_position_our_order_puts_before_the_origin()
    {
        // A store that sorts otherwise listed '1' and 'a9' after 'b9'; stepping back from there once failed with an
        // IndexOutOfRangeException (a negative number has no key).
        var space = new KeySpace("", KeyOrder.Utf8);
        space.Learn("b9");
        space.Learn("a9");
        space.Learn("1");
        Assert.Null(space.Beyond("b9", "a9", null));
        Assert.Null(space.Beyond("b9", "1", null));
    }

    [Fact]
    public void Points_hold_no_half_of_a_surrogate_pair()
    {
        var space = new KeySpace("", KeyOrder.Utf16);
        space.Learn("\U0001F600a");
        space.Learn("\U0001F600z");
        Assert.DoesNotContain(space.Between("\U0001F600a", "\U0001F600z", 0.5) ?? "", char.IsSurrogate);
        Assert.DoesNotContain(space.Between("\U0001F600a", null, 0.5) ?? "", char.IsSurrogate);
    }
}
