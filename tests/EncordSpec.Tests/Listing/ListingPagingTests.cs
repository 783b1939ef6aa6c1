namespace EncordSpec.Tests.Listing;

/// <summary>-Skip, -First and -IncludeTotalCount of Get-CloudObject, decided object by object.</summary>
public class ListingPagingTests
{
    private static List<PagingStep> Steps(ListingPaging paging, int matches) =>
        Enumerable.Range(0, matches).Select(_ => paging.Next()).ToList();

    [Fact]
    public void Without_paging_everything_is_emitted()
    {
        var paging = new ListingPaging(ulong.MaxValue, 0, countAll: false);
        Assert.All(Steps(paging, 5), step => Assert.Equal(PagingStep.Emit, step));
        Assert.False(paging.IsPaging);
        Assert.False(paging.IsFinished);
        Assert.Equal((5UL, 5UL), (paging.Matched, paging.Emitted));
    }

    [Fact]
    public void Skip_then_first_emits_the_window_and_stops_after_it()
    {
        var paging = new ListingPaging(first: 2, skip: 3, countAll: false);
        Assert.Equal(new[] { PagingStep.Skip, PagingStep.Skip, PagingStep.Skip, PagingStep.Emit, PagingStep.Emit, PagingStep.Stop }, Steps(paging, 6));
        Assert.True(paging.IsPaging);
        Assert.True(paging.IsFinished);
        Assert.Equal(2UL, paging.Emitted);
    }

    [Fact]
    public void Include_total_count_lists_on_past_first_and_counts_every_match()
    {
        var paging = new ListingPaging(first: 1, skip: 1, countAll: true);
        Assert.Equal(new[] { PagingStep.Skip, PagingStep.Emit, PagingStep.CountOnly, PagingStep.CountOnly }, Steps(paging, 4));
        Assert.False(paging.IsFinished);
        Assert.Equal((4UL, 1UL), (paging.Matched, paging.Emitted));
    }

    [Fact]
    public void First_zero_is_finished_before_anything_is_listed()
    {
        var paging = new ListingPaging(first: 0, skip: 0, countAll: false);
        Assert.True(paging.IsFinished);
        Assert.Equal(PagingStep.Stop, paging.Next());
    }

    [Theory]
    [InlineData(ulong.MaxValue, 0UL, false, true, 1000)] // no -First: the page size asked for
    [InlineData(10UL, 0UL, false, true, 10)]              // a small -First makes a small page
    [InlineData(10UL, 5UL, false, true, 15)]              // -Skip counts too
    [InlineData(0UL, 0UL, false, true, 1)]                // never a page of nothing
    [InlineData(990UL, 20UL, false, true, 1000)]          // no bigger than asked for
    [InlineData(10UL, 0UL, false, false, 1000)]           // a filter or delimiter: the page may hold fewer matches
    [InlineData(10UL, 0UL, true, true, 1000)]             // -IncludeTotalCount lists everything anyway
    [InlineData(ulong.MaxValue - 1, 5UL, false, true, 1000)] // a sum that overflows is more than a page
    public void Asks_for_no_bigger_page_than_first_needs(ulong first, ulong skip, bool countAll, bool everyListedObjectCounts, int expected)
    {
        Assert.Equal(expected, new ListingPaging(first, skip, countAll).PageSize(1000, everyListedObjectCounts));
    }
}
