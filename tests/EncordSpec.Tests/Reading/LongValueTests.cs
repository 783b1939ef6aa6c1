using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Reading;

/// <summary>Values of megabytes (a URL, a CSV row) are read for what they are and reported by the rule they break,
/// with their place, in file order; never as malformed input, never an exception. Their memory is measured by
/// bench/Stress-HostileSpecs.ps1, not here.</summary>
public class LongValueTests
{
    private const string Host = "https://b.s3.eu-west-2.amazonaws.com/";
    private const string CsvHeader = "ObjectUrl,Image group title,Create video\r\n";
    private static readonly string LongUrl = Host + new string('y', 5 * 1024 * 1024) + ".jpg";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_csv_row_of_5_MB_is_a_url_too_long_on_its_line_not_malformed_csv(bool readItems)
    {
        var result = SpecReadResult.Read(CsvHeader + Host + "a.jpg,,\r\n" + LongUrl + ",,\r\n" + Host + "b.jpg,,\r\n", SpecFormat.Csv, readItems);

        Assert.Equal(new[] { RuleIds.ObjectUrlTooLong, RuleIds.ObjectNameTooLong }, result.RuleIds);
        Assert.All(result.Findings, f => Assert.Equal((3L, "row 2, ObjectUrl"), (f.Line, f.Location)));
        Assert.Contains($"is {LongUrl.Length} characters long", result.Findings[0].Message);
        Assert.Equal(3, result.Summary.Items);
        if (readItems)
            Assert.Equal(new[] { Host + "a.jpg", LongUrl, Host + "b.jpg" }, result.Items.Select(i => ((EncordSingleItem)i).ObjectUrl));
    }

    [Fact]
    public void A_csv_row_past_the_buffer_limit_is_ValueTooLarge_with_its_row_and_line()
    {
        var result = SpecReadResult.Read(System.Text.Encoding.UTF8.GetBytes(CsvHeader + Host + "a.jpg,,\r\n" + LongUrl + ",,\r\n"), SpecFormat.Csv, readItems: false, maxBufferedBytes: 1024 * 1024);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleIds.ValueTooLarge, "row 2", 3L), (finding.RuleId, finding.Location, finding.Line));
        Assert.Contains("longer than 1 MB", finding.Message);
    }

    [Fact]
    public void A_quote_never_closed_within_the_limit_is_still_CsvMalformed()
    {
        var result = SpecReadResult.Read(CsvHeader + Host + "a.jpg,,\r\n\"" + Host + "b.jpg,,\r\n" + Host + "c.jpg,,\r\n", SpecFormat.Csv, readItems: false);

        Assert.Contains(RuleIds.CsvMalformed, result.RuleIds);
        Assert.DoesNotContain(RuleIds.ValueTooLarge, result.RuleIds);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // checked on the second thread: the long URL is checked on the reader's, between the others
    public void A_json_url_of_5_MB_gets_its_findings_in_file_order(bool readItems)
    {
        string spec = "{\"images\": [{\"objectUrl\": \"" + Host + "a.jpg\"}, {\"objectUrl\": \"" + LongUrl + "\"}, {\"objectUrl\": \"" + Host + "a.jpg\"}, {\"objectUrl\": \"" + LongUrl + "\"}]}";

        var result = SpecReadResult.Read(spec, readItems: readItems);

        Assert.Equal(new[] { RuleIds.ObjectUrlTooLong, RuleIds.ObjectNameTooLong, RuleIds.DuplicateUrl, RuleIds.ObjectUrlTooLong, RuleIds.ObjectNameTooLong, RuleIds.DuplicateUrl },
            result.RuleIds);
        Assert.Equal(new[] { "images[1]", "images[1]", "images[2]", "images[3]", "images[3]", "images[3]" }, result.Findings.Select(f => f.Location.Split('.')[0]));
        Assert.All(result.Findings, f => Assert.True(f.Message.Length < SpecFinding.MaxMessageLength, f.Message.Length.ToString()));
        if (readItems)
            Assert.Equal(LongUrl, ((EncordSingleItem)result.Items[1]).ObjectUrl);
    }

    [Fact]
    public void A_control_character_deep_in_a_long_url_is_placed_exactly_and_quoted_short()
    {
        string url = Host + new string('y', 40_000) + "\u0001z.jpg";

        var problem = SpecItemRules.CheckUrl(url.AsSpan(), "objectUrl");

        Assert.Equal(RuleIds.ControlCharacter, problem!.RuleId);
        Assert.Contains($"U+0001 at position {url.IndexOf('\u0001') + 1}", problem.Message);
        Assert.True(problem.Message.Length < 1000, problem.Message.Length.ToString());
    }

    [Theory]
    [InlineData("https://b.s3.amazonaws.com/scan.nii.gz", DataType.Nifti)]
    [InlineData("https://b.s3.amazonaws.com/archive.gz", DataType.Unsupported)]
    [InlineData("s3://b/photo.JPG", DataType.Image)]
    [InlineData("https://b.s3.amazonaws.com/photo.jpg?versionId=3", DataType.Image)]
    public void Classifying_a_cut_url_agrees_with_classifying_its_text(string url, DataType expected)
    {
        Assert.Equal(expected, FileTypeClassifier.Classify(UrlParts.Of(url)));
        Assert.Equal(expected, FileTypeClassifier.Classify(url));
    }

    [Fact]
    public void A_url_whose_extension_is_megabytes_long_is_unsupported()
    {
        string url = Host + "a." + new string('x', 1024 * 1024);

        Assert.Equal(DataType.Unsupported, FileTypeClassifier.Classify(UrlParts.Of(url)));
    }
}
