using System.Text;
using System.Text.RegularExpressions;

namespace EncordSpec.Tests.Validation;

/// <summary>The format page's own examples. The provider examples pass as printed. The generic samples use the
/// placeholder &lt;object url&gt;, which the issue makes an error (ObjectUrlPlaceholder): as printed they fail on
/// the placeholders only, and with real URLs filled in they pass. The videos sample also has a trailing comma,
/// which is its only other finding, at the comma's line.</summary>
public class PageExampleTests
{
    private static string PathOf(string name) => TestData.PathOf(Path.Combine("PageExamples", name));

    [Theory]
    [InlineData("s3-example.json")]
    [InlineData("gcs-example.json")]
    [InlineData("otc-example.json")]
    public void Provider_examples_pass_without_any_finding(string name)
    {
        var result = SpecReadResult.ReadFile(PathOf(name));
        Assert.True(result.Findings.Count == 0, result.ToString());
        Assert.True(result.Summary.Passed(warningsAsErrors: true));
    }

    [Fact]
    public void Azure_example_passes_with_warnings_for_its_video_urls()
    {
        // The page lists ".../myblob" and two .jpg files under "videos": legal, but not video files, so warned.
        var result = SpecReadResult.ReadFile(PathOf("azure-example.json"));
        Assert.True(result.Summary.Passed(warningsAsErrors: false));
        Assert.Equal(new[] { "videos[0].objectUrl", "videos[1].objectUrl", "videos[2].objectUrl" },
            result.Findings.Select(f => f.Location));
        Assert.All(result.Findings, f => Assert.Equal(RuleIds.UnsupportedFileType, f.RuleId));
        Assert.All(result.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.False(result.Summary.Passed(warningsAsErrors: true));
    }

    public static TheoryData<string, string, int> Templates => new()
    {
        { "images-sample.json", "jpg", 2 },
        { "image-groups-sample.json", "jpg", 4 },
        { "dicom-sample.json", "", 4 },
        { "csv-sample.csv", "mp4|jpg", 6 }, // the page's 3 videos, then images of 2 image groups
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Generic_samples_fail_only_on_their_placeholders(string name, string extension, int placeholders)
    {
        _ = extension;
        var result = SpecReadResult.ReadFile(PathOf(name));
        Assert.Equal(placeholders, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal(RuleIds.ObjectUrlPlaceholder, f.RuleId));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Generic_samples_pass_with_real_urls_filled_in(string name, string extension, int placeholders)
    {
        string text = FillPlaceholders(File.ReadAllText(PathOf(name)), extension, out int filled);
        Assert.Equal(placeholders, filled);
        var result = SpecReadResult.Read(text, SpecFormats.FromPath(name));
        Assert.True(result.Findings.Count == 0, result.ToString());
    }

    [Fact]
    public void Videos_sample_as_printed_fails_on_its_trailing_comma_at_line_12()
    {
        var result = SpecReadResult.ReadFile(PathOf("videos-sample.json"));
        var nonPlaceholder = result.Findings.Where(f => f.RuleId != RuleIds.ObjectUrlPlaceholder).ToList();
        var comma = Assert.Single(nonPlaceholder);
        Assert.Equal(RuleIds.TrailingComma, comma.RuleId);
        Assert.Equal(12, comma.Line);
        Assert.Equal("\"skip_duplicate_urls\": true,".Length, comma.Column);
        Assert.Equal("skip_duplicate_urls", comma.Location);
        Assert.Contains("line 12, column 28 of videos-sample.json", comma.ToString());
        // The items before the comma were read and came out.
        Assert.Equal(2, result.Items.Count);
    }

    [Fact]
    public void Videos_sample_with_urls_fails_only_on_the_comma_and_passes_without_it()
    {
        string text = FillPlaceholders(File.ReadAllText(PathOf("videos-sample.json")), "mp4", out _);
        var withComma = SpecReadResult.Read(text);
        var only = Assert.Single(withComma.Findings);
        Assert.Equal(RuleIds.TrailingComma, only.RuleId);
        Assert.Equal(12, only.Line);

        string fixedText = text.Replace("\"skip_duplicate_urls\": true,", "\"skip_duplicate_urls\": true");
        var fixedResult = SpecReadResult.Read(fixedText);
        Assert.Empty(fixedResult.Findings);
        Assert.True(fixedResult.Summary.SkipDuplicateUrls);
    }

    [Fact]
    public void S3_csv_example_as_printed_lacks_the_mandatory_create_video_column()
    {
        // The page prints this example with two columns, but its own rule says all three columns must be present
        // "in all cases" and "the column create_video is mandatory": so it fails, on that rule only.
        var result = SpecReadResult.ReadFile(PathOf("s3-example-as-printed.csv"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleIds.CsvHeaderMissing, finding.RuleId);
        Assert.Contains("'Create video'", finding.Message);
        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void S3_csv_example_with_the_column_passes_and_holds_what_the_json_example_holds()
    {
        // Give each row of a group its JSON createVideo value and the single rows a blank one.
        var json = SpecReadResult.ReadFile(PathOf("s3-example.json"));
        var createVideo = json.Items.OfType<EncordImageGroup>().ToDictionary(g => g.Title!, g => g.CreateVideo ? "true" : "false");
        var lines = File.ReadAllLines(PathOf("s3-example-as-printed.csv"));
        var csv = new StringBuilder(lines[0] + ",Create video\r\n");
        foreach (string line in lines.Skip(1))
        {
            string title = line.Substring(line.IndexOf(',') + 1);
            csv.Append(line).Append(',').Append(title.Length == 0 ? "" : createVideo[title]).Append("\r\n");
        }

        var result = SpecReadResult.Read(csv.ToString(), SpecFormat.Csv);
        Assert.True(result.Findings.Count == 0, result.ToString());
        // The CSV as printed leaves out the two single images of the JSON example.
        var expected = json.Items.Where(i => i is not EncordImage).Select(ItemText.Of);
        Assert.Equal(expected, result.Items.Select(ItemText.Of));
    }

    /// <summary>Replaces each &lt;object url&gt; with a distinct real URL with the given extension. For CSV,
    /// "single|group" gives the extensions of rows without and with an image group title.</summary>
    private static string FillPlaceholders(string text, string extension, out int count)
    {
        int n = 0;
        string result = Regex.Replace(text, "<object url>(,[^,\r\n]*)?", match =>
        {
            string ext = extension;
            if (ext.Contains('|'))
                ext = match.Groups[1].Value.Length > 1 ? ext.Split('|')[1] : ext.Split('|')[0];
            return $"https://example-bucket.s3.eu-west-2.amazonaws.com/page/file{n++}" + (ext.Length > 0 ? "." + ext : "") + match.Groups[1].Value;
        });
        count = n;
        return result;
    }
}
