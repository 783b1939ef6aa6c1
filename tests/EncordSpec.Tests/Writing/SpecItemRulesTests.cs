using System.Collections.Specialized;

namespace EncordSpec.Tests.Writing;

public class SpecItemRulesTests
{
    [Theory]
    [InlineData("https://b.s3.eu-west-1.amazonaws.com/a b.jpg", 39)]
    [InlineData("gs://b/a\tb.jpg", 9)]
    [InlineData("gs://b/a\u00A0b.jpg", 9)]   // no-break space
    [InlineData("gs://b/a\u2003b.jpg", 9)]   // em space
    [InlineData("gs://b/a.jpg\n", 13)]
    public void Rejects_any_unicode_whitespace_and_says_where(string url, int position)
    {
        var problem = SpecItemRules.Check(new EncordImage(url));
        Assert.NotNull(problem);
        Assert.Equal(RuleIds.ObjectUrlWhitespace, problem!.RuleId);
        Assert.Contains($"position {position}", problem.Message);
    }

    [Theory]
    [InlineData("gs://b/a\u0000b.jpg", 9)]
    [InlineData("gs://b/a\u0001b.jpg", 9)]
    [InlineData("gs://b/a.jpg\u007F", 13)]
    public void Rejects_a_control_character_in_a_url_and_says_where(string url, int position)
    {
        var problem = SpecItemRules.Check(new EncordImage(url))!;
        Assert.Equal(RuleIds.ControlCharacter, problem.RuleId);
        Assert.Contains($"position {position}", problem.Message);
        Assert.DoesNotContain(url[position - 1], problem.Message); // shown escaped, not printed raw
    }

    [Fact]
    public void Rejects_nul_in_a_title_or_anywhere_in_client_metadata_and_names_the_path()
    {
        var titled = new EncordVideo("gs://b/a.mp4") { Title = "a\0.mp4" };
        Assert.Equal(RuleIds.ControlCharacter, SpecItemRules.Check(titled)!.RuleId);

        var metadata = new OrderedDictionary { ["outer"] = new object?[] { 1L, new OrderedDictionary { ["inner"] = "x\0y" } } };
        var problem = SpecItemRules.Check(new EncordImage("gs://b/a.jpg") { ClientMetadata = metadata })!;
        Assert.Equal(RuleIds.ControlCharacter, problem.RuleId);
        Assert.Contains("clientMetadata.outer[1].inner", problem.Message);

        var key = new OrderedDictionary { ["k\0"] = 1L };
        Assert.Equal(RuleIds.ControlCharacter, SpecItemRules.Check(new EncordImage("gs://b/a.jpg") { ClientMetadata = key })!.RuleId);
        // Other control characters are fine in metadata: jsonb stores them escaped.
        var tab = new OrderedDictionary { ["k"] = "a\tb\u0001" };
        Assert.Null(SpecItemRules.Check(new EncordImage("gs://b/a.jpg") { ClientMetadata = tab }));
    }

    [Fact]
    public void Accepts_a_clean_url()
    {
        Assert.Null(SpecItemRules.Check(new EncordImage("https://cord-dev.s3.eu-west-2.amazonaws.com/a+b.jpg")));
    }

    [Fact]
    public void Names_the_objectUrl_key_of_a_bad_group_member()
    {
        var group = new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg", "gs://b/2 .jpg" } };
        var problem = SpecItemRules.Check(group)!;
        Assert.Equal(RuleIds.ObjectUrlWhitespace, problem.RuleId);
        Assert.Contains("objectUrl_1", problem.Message);
    }

    [Fact]
    public void Groups_need_a_title_urls_and_distinct_urls()
    {
        Assert.Equal(RuleIds.TitleMissing, SpecItemRules.Check(new EncordDicomSeries { ObjectUrls = new[] { "gs://b/1" } })!.RuleId);
        Assert.Equal(RuleIds.GroupEmpty, SpecItemRules.Check(new EncordImageGroup { Title = "g" })!.RuleId);
        var duplicate = SpecItemRules.Check(new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg", "gs://b/1.jpg" } })!;
        Assert.Equal(RuleIds.DuplicateUrlInGroup, duplicate.RuleId);
        Assert.Contains("objectUrl_1", duplicate.Message);
    }

    [Fact]
    public void Rejects_empty_and_overlong_urls()
    {
        Assert.Equal(RuleIds.ObjectUrlEmpty, SpecItemRules.Check(new EncordVideo(""))!.RuleId);
        string longUrl = "gs://b/" + new string('a', SpecLimits.MaxObjectUrlLength) + ".mp4";
        Assert.Equal(RuleIds.ObjectUrlTooLong, SpecItemRules.Check(new EncordVideo(longUrl))!.RuleId);
    }

    [Fact]
    public void Measures_metadata_as_serialized_utf8_bytes_against_10_MB()
    {
        // 'é' is two bytes in UTF-8: 5.3 million of them are under 10 MB as characters but over it as bytes.
        var large = new OrderedDictionary(StringComparer.Ordinal) { ["text"] = new string('é', 5_300_000) };
        var problem = SpecItemRules.Check(new EncordImage("gs://b/a.jpg") { ClientMetadata = large });
        Assert.Equal(RuleIds.ClientMetadataTooLarge, problem?.RuleId);

        var fits = new OrderedDictionary(StringComparer.Ordinal) { ["text"] = new string('a', 10 * 1024 * 1024 - 20) };
        Assert.Null(SpecItemRules.Check(new EncordImage("gs://b/a.jpg") { ClientMetadata = fits }));
    }
}
