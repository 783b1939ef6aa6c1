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
            counts.Count(new EncordImageGroup { Title = "g", ObjectUrls = Enumerable.Repeat("gs://b/x.jpg", groupUrls).ToArray() });
        return counts;
    }

    [Fact]
    public void Accepts_a_spec_at_the_limits()
    {
        Assert.Empty(SpecFileLimits.Check(Count(SpecLimits.MaxItemsPerFile - 1, groupUrls: 500_001), new string('a', 300)));
    }

    [Fact]
    public void Names_each_limit_a_spec_exceeds()
    {
        var problems = SpecFileLimits.Check(Count(SpecLimits.MaxItemsPerFile, groupUrls: 500_001), new string('a', 301)).ToList();
        Assert.Equal(new[] { RuleIds.TooManyItems, RuleIds.TooManyUrls, RuleIds.FileNameTooLong }, problems.Select(p => p.RuleId));
        Assert.Contains("500,001 items", problems[0].Message);
        Assert.Contains("1,000,001 object URLs", problems[1].Message);
    }
}
