namespace EncordSpec.Tests.Writing;

public class SpecFileLimitsTests
{
    private static SpecCounts Count(int singles, int groupUrls = 0)
    {
        var counts = new SpecCounts();
        var image = new EncordImage("gs://b/a.jpg");
        for (int i = 0; i < singles; i++)
            counts.Count(image);
        if (groupUrls > 0)
            counts.Count(Group(groupUrls));
        return counts;
    }

    private static EncordImageGroup Group(int urls, string title = "g") =>
        new() { Title = title, ObjectUrls = Enumerable.Repeat("gs://b/x.jpg", urls).ToArray() };

    [Fact]
    public void A_file_at_the_platform_s_limits_takes_nothing_more()
    {
        var limits = SpecFileLimits.Platform;
        var image = new EncordImage("gs://b/a.jpg");
        Assert.True(limits.Fits(Count(SpecLimits.MaxItemsPerFile - 1), image));
        Assert.False(limits.Fits(Count(SpecLimits.MaxItemsPerFile), image));
        Assert.True(limits.Fits(Count(1, groupUrls: 499_999), Group(500_000)));
        Assert.False(limits.Fits(Count(1, groupUrls: 500_000), Group(500_000)));
    }

    [Fact]
    public void Smaller_limits_apply_to_items_and_urls_alike()
    {
        var limits = new SpecFileLimits(3, 5);
        Assert.True(limits.Fits(Count(2), new EncordImage("gs://b/a.jpg")));
        Assert.False(limits.Fits(Count(3), new EncordImage("gs://b/a.jpg")));
        Assert.True(limits.Fits(Count(1), Group(4)));
        Assert.False(limits.Fits(Count(2), Group(4)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(SpecLimits.MaxItemsPerFile + 1, 1)]
    [InlineData(1, SpecLimits.MaxObjectUrlsPerFile + 1)]
    public void Limits_above_the_platform_s_or_below_one_are_refused(int items, int urls)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpecFileLimits(items, urls));
    }

    [Fact]
    public void Names_a_group_no_file_can_hold()
    {
        Assert.Null(SpecFileLimits.Platform.CheckItem(Group(SpecLimits.MaxObjectUrlsPerFile)));
        var problem = SpecFileLimits.Platform.CheckItem(Group(SpecLimits.MaxObjectUrlsPerFile + 1, "all-frames"));
        Assert.Equal(RuleIds.TooManyUrls, problem!.RuleId);
        Assert.Contains("'all-frames' holds 1,000,001 object URLs", problem.Message);

        var chosen = new SpecFileLimits(10, 4).CheckItem(new EncordDicomSeries { Title = "ct", ObjectUrls = new[] { "a", "b", "c", "d", "e" } });
        Assert.Contains("DICOM series 'ct'", chosen!.Message);
        Assert.Contains("-MaxUrlsPerFile", chosen.Message);
    }

    [Fact]
    public void Names_a_file_name_over_the_platform_s_limit()
    {
        Assert.Null(SpecFileLimits.CheckFileName(new string('a', 300)));
        var problem = SpecFileLimits.CheckFileName(new string('a', 301));
        Assert.Equal(RuleIds.FileNameTooLong, problem!.RuleId);
        Assert.Contains("301 characters", problem.Message);
    }
}
