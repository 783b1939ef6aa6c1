using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>The platform's per-file counts, with specs just over and at the limit (generated in memory).</summary>
public class LimitTests
{
    public static readonly string[] RuleIds = { EncordSpec.Format.RuleIds.TooManyItems, EncordSpec.Format.RuleIds.TooManyUrls, EncordSpec.Format.RuleIds.ValueTooLarge };

    private static byte[] ImagesSpec(int count)
    {
        var text = new StringBuilder("{\"images\": [\n");
        for (int i = 0; i < count; i++)
            text.Append(i == 0 ? "" : ",\n").Append("{\"objectUrl\": \"s3://bucket/f/").Append(i).Append(".jpg\"}");
        return Encoding.UTF8.GetBytes(text.Append("\n]}").ToString());
    }

    private static byte[] GroupSpec(int urls)
    {
        var text = new StringBuilder("{\"image_groups\": [{\"title\": \"all\"");
        for (int i = 0; i < urls; i++)
            text.Append(",\n\"objectUrl_").Append(i).Append("\": \"s3://bucket/f/").Append(i).Append(".jpg\"");
        return Encoding.UTF8.GetBytes(text.Append("}]}").ToString());
    }

    [Fact]
    public void More_than_500000_items_is_reported_once_at_the_first_item_over()
    {
        var over = SpecReadResult.Read(ImagesSpec(SpecLimits.MaxItemsPerFile + 2), readItems: false);
        var finding = Assert.Single(over.Findings);
        Assert.Equal(EncordSpec.Format.RuleIds.TooManyItems, finding.RuleId);
        Assert.Equal("images[500000]", finding.Location);
        Assert.Equal(500_002, finding.Line);

        var at = SpecReadResult.Read(ImagesSpec(SpecLimits.MaxItemsPerFile), readItems: false);
        Assert.Empty(at.Findings);
        Assert.Equal(SpecLimits.MaxItemsPerFile, at.Summary.Items);
    }

    [Fact]
    public void More_than_1000000_urls_is_reported_once_at_the_first_url_over()
    {
        var over = SpecReadResult.Read(GroupSpec(SpecLimits.MaxObjectUrlsPerFile + 1), readItems: false);
        var finding = Assert.Single(over.Findings);
        Assert.Equal(EncordSpec.Format.RuleIds.TooManyUrls, finding.RuleId);
        Assert.Equal("image_groups[0].objectUrl_1000000", finding.Location);
        Assert.Equal(1_000_002, finding.Line);
        Assert.Equal(1_000_001, over.Summary.ObjectUrls);

        var at = SpecReadResult.Read(GroupSpec(SpecLimits.MaxObjectUrlsPerFile), readItems: false);
        Assert.Empty(at.Findings);
    }

    [Fact]
    public void A_value_larger_than_the_buffer_limit_is_reported_and_ends_the_read()
    {
        string url = "s3://bucket/" + new string('a', 300_000) + ".jpg";
        byte[] spec = Encoding.UTF8.GetBytes($"{{\"images\": [{{\"objectUrl\": \"s3://bucket/a.jpg\"}}, {{\"objectUrl\": \"{url}\"}}]}}");
        var result = SpecReadResult.Read(spec, maxBufferedBytes: 128 * 1024);
        var finding = result.Of(EncordSpec.Format.RuleIds.ValueTooLarge).Single();
        Assert.Equal("images[1].objectUrl", finding.Location);
        Assert.Single(result.Items); // the item before it came out

        var roomy = SpecReadResult.Read(spec, maxBufferedBytes: 1024 * 1024);
        Assert.DoesNotContain(EncordSpec.Format.RuleIds.ValueTooLarge, roomy.RuleIds);
        Assert.Equal(2, roomy.Items.Count);
    }
}
