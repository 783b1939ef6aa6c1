namespace EncordSpec.Tests.Reading;

/// <summary>The order and gap checks of a group's objectUrl_N keys, from the keys in text order.</summary>
public class GroupUrlIndexesTests
{
    /// <summary>Keys with the given numbers, the key of the i-th on line i + 1.</summary>
    private static IndexedUrl[] Keys(params int[] numbers) =>
        numbers.Select((n, i) => new IndexedUrl(n, new TextPosition(i + 1, 5), null)).ToArray();

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 0, 1, 2, 3 })]
    public void Keys_from_zero_in_order_are_fine(int[] numbers)
    {
        Assert.Empty(GroupUrlIndexes.Check(Keys(numbers)));
    }

    [Fact]
    public void A_key_after_a_higher_one_is_out_of_order_and_named_with_the_one_before()
    {
        var problem = Assert.Single(GroupUrlIndexes.Check(Keys(0, 2, 1)));
        Assert.Equal(RuleIds.ObjectUrlKeyOrder, problem.RuleId);
        Assert.Equal("objectUrl_1", problem.Key);
        Assert.Equal(3, problem.KeyPosition.Line);
        Assert.StartsWith("objectUrl_1 comes after objectUrl_2.", problem.Message);
    }

    [Fact]
    public void A_gap_is_reported_on_the_key_after_it_with_the_missing_number()
    {
        var problem = Assert.Single(GroupUrlIndexes.Check(Keys(0, 1, 3, 4)));
        Assert.Equal(RuleIds.ObjectUrlKeyGap, problem.RuleId);
        Assert.Equal("objectUrl_3", problem.Key);
        Assert.Equal(3, problem.KeyPosition.Line);
        Assert.StartsWith("objectUrl_2 is missing", problem.Message);
        Assert.Contains("follows objectUrl_1.", problem.Message);
    }

    [Fact]
    public void Keys_that_do_not_start_at_zero_miss_objectUrl_0()
    {
        var problem = Assert.Single(GroupUrlIndexes.Check(Keys(1, 2)));
        Assert.Equal(RuleIds.ObjectUrlKeyGap, problem.RuleId);
        Assert.Equal("objectUrl_1", problem.Key);
        Assert.Contains("follows no objectUrl_0.", problem.Message);
    }

    [Fact]
    public void Out_of_order_and_a_gap_are_both_reported_order_first()
    {
        var problems = GroupUrlIndexes.Check(Keys(3, 0, 1));
        Assert.Equal(new[] { RuleIds.ObjectUrlKeyOrder, RuleIds.ObjectUrlKeyGap }, problems.Select(p => p.RuleId));
        Assert.Equal("objectUrl_0", problems[0].Key);
        Assert.Equal("objectUrl_3", problems[1].Key);
        Assert.Equal(1, problems[1].KeyPosition.Line); // where objectUrl_3 is
    }

    [Fact]
    public void A_repeated_number_is_no_gap_and_the_first_of_equal_keys_is_named()
    {
        // Repeats are the reader's to report as they come; here they neither hide nor make a gap.
        Assert.DoesNotContain(GroupUrlIndexes.Check(Keys(0, 1, 1, 2)), p => p.RuleId == RuleIds.ObjectUrlKeyGap);
        var gap = Assert.Single(GroupUrlIndexes.Check(Keys(0, 2, 2)), p => p.RuleId == RuleIds.ObjectUrlKeyGap);
        Assert.Equal(2, gap.KeyPosition.Line);
    }
}
