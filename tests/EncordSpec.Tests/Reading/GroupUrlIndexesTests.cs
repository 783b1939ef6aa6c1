namespace EncordSpec.Tests.Reading;

/// <summary>The order and gap checks of a group's objectUrl_N keys, from the keys in text order.</summary>
public class GroupUrlIndexesTests
{
    /// <summary>Keys with the given numbers, the key of the i-th on line i + 1.</summary>
    private static GroupUrlIndexes Keys(params int[] numbers)
    {
        var keys = new GroupUrlIndexes(keepUrls: false);
        for (int i = 0; i < numbers.Length; i++)
            keys.Add(numbers[i], new TextPosition(i + 1, 5), null);
        return keys;
    }

    private static IReadOnlyList<GroupIndexProblem> Check(GroupUrlIndexes keys) => keys.Check();

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 0, 1, 2, 3 })]
    public void Keys_from_zero_in_order_are_fine(int[] numbers)
    {
        Assert.Empty(Check(Keys(numbers)));
    }

    [Fact]
    public void A_key_after_a_higher_one_is_out_of_order_and_named_with_the_one_before()
    {
        var problem = Assert.Single(Check(Keys(0, 2, 1)));
        Assert.Equal(RuleIds.ObjectUrlKeyOrder, problem.RuleId);
        Assert.Equal("objectUrl_1", problem.Key);
        Assert.Equal(3, problem.KeyPosition.Line);
        Assert.StartsWith("objectUrl_1 comes after objectUrl_2.", problem.Message);
    }

    [Fact]
    public void A_gap_is_reported_on_the_key_after_it_with_the_missing_number()
    {
        var problem = Assert.Single(Check(Keys(0, 1, 3, 4)));
        Assert.Equal(RuleIds.ObjectUrlKeyGap, problem.RuleId);
        Assert.Equal("objectUrl_3", problem.Key);
        Assert.Equal(3, problem.KeyPosition.Line);
        Assert.StartsWith("objectUrl_2 is missing", problem.Message);
        Assert.Contains("follows objectUrl_1.", problem.Message);
    }

    [Fact]
    public void Keys_that_do_not_start_at_zero_miss_objectUrl_0()
    {
        var problem = Assert.Single(Check(Keys(1, 2)));
        Assert.Equal(RuleIds.ObjectUrlKeyGap, problem.RuleId);
        Assert.Equal("objectUrl_1", problem.Key);
        Assert.Contains("follows no objectUrl_0.", problem.Message);
    }

    [Fact]
    public void Out_of_order_and_a_gap_are_both_reported_order_first()
    {
        var problems = Check(Keys(3, 0, 1));
        Assert.Equal(new[] { RuleIds.ObjectUrlKeyOrder, RuleIds.ObjectUrlKeyGap }, problems.Select(p => p.RuleId));
        Assert.Equal("objectUrl_0", problems[0].Key);
        Assert.Equal("objectUrl_3", problems[1].Key);
        Assert.Equal(1, problems[1].KeyPosition.Line); // where objectUrl_3 is
    }

    [Fact]
    public void A_repeated_number_is_no_gap_and_the_first_of_equal_keys_is_named()
    {
        // Repeats are the reader's to report as they come; here they neither hide nor make a gap.
        Assert.DoesNotContain(Check(Keys(0, 1, 1, 2)), p => p.RuleId == RuleIds.ObjectUrlKeyGap);
        var gap = Assert.Single(Check(Keys(0, 2, 2)), p => p.RuleId == RuleIds.ObjectUrlKeyGap);
        Assert.Equal(2, gap.KeyPosition.Line);
    }

    [Fact]
    public void The_urls_come_out_in_number_order_and_a_new_group_starts_empty()
    {
        var keys = new GroupUrlIndexes(keepUrls: true);
        foreach (int n in new[] { 0, 1, 3, 2 })
            keys.Add(n, new TextPosition(n + 1, 5), "s3://b/" + n);
        Assert.Equal(new[] { "s3://b/0", "s3://b/1", "s3://b/2", "s3://b/3" }, keys.UrlsInNumberOrder());
        Assert.Equal(new[] { 0, 1, 3, 2 }, Enumerable.Range(0, 4).Select(keys.IndexAt));
        keys.Clear();
        Assert.Equal(0, keys.Count);
        keys.Add(0, new TextPosition(9, 5), "s3://b/x");
        Assert.Empty(keys.Check());
        Assert.Equal(new[] { "s3://b/x" }, keys.UrlsInNumberOrder());
    }

    [Fact]
    public void A_run_broken_after_a_million_keys_is_checked_like_a_short_one()
    {
        // The run 0 .. 999,999 is only counted; the keys after it are what the gap check sorts.
        var keys = new GroupUrlIndexes(keepUrls: false);
        for (int i = 0; i < 1_000_000; i++)
            keys.Add(i, new TextPosition(i + 1, 5), null);
        keys.Add(1_000_002, new TextPosition(2_000_000, 5), null);
        keys.Add(1_000_001, new TextPosition(2_000_001, 5), null);
        var problems = keys.Check();
        Assert.Equal(new[] { RuleIds.ObjectUrlKeyOrder, RuleIds.ObjectUrlKeyGap }, problems.Select(p => p.RuleId));
        Assert.StartsWith("objectUrl_1000001 comes after objectUrl_1000002.", problems[0].Message);
        Assert.StartsWith("objectUrl_1000000 is missing", problems[1].Message);
        Assert.Equal(2_000_001, problems[1].KeyPosition.Line); // where objectUrl_1000001 is
    }
}
