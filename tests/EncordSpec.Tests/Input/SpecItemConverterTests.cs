using System.Collections.Specialized;
using System.Management.Automation;

namespace EncordSpec.Tests.Input;

/// <summary>What ConvertTo-EncordSpec makes of each pipeline input, without a PowerShell host.</summary>
public class SpecItemConverterTests
{
    private readonly SpecItemConverter converter = new();

    private ItemOutcome Convert(object? input) => converter.Convert(input, out _);

    private static PSObject Row(params (string Name, object? Value)[] properties)
    {
        var row = new PSObject();
        foreach (var (name, value) in properties)
            row.Properties.Add(new PSNoteProperty(name, value));
        return row;
    }

    [Theory]
    [InlineData("gs://b/a.jpg", typeof(EncordImage))]
    [InlineData("gs://b/clip.MP4", typeof(EncordVideo))]
    [InlineData("gs://b/song.mp3", typeof(EncordAudio))]
    public void Sorts_urls_into_items_by_their_extension(string url, Type expected)
    {
        var item = Convert(url).Item!;
        Assert.IsType(expected, item);
        Assert.Equal(url, ((EncordSingleItem)item).ObjectUrl);
    }

    [Fact]
    public void Takes_encord_items_as_they_are()
    {
        var group = new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg" } };
        Assert.Same(group, Convert(new PSObject(group)).Item);
    }

    [Fact]
    public void Reads_title_metadata_and_data_type_from_an_object()
    {
        var row = Row(("ObjectUrl", "gs://b/recording"), ("Title", "take 1"), ("ClientMetadata", "{\"camera\": \"S4\"}"), ("DataType", "Video"));
        var item = Assert.IsType<EncordVideo>(Convert(row).Item);
        Assert.Equal("take 1", item.Title);
        Assert.Equal("S4", item.ClientMetadata!["camera"]);
    }

    [Fact]
    public void An_input_without_a_url_or_a_lone_dicom_file_is_a_problem_that_names_it()
    {
        var missing = Convert(Row(("Name", "x"))).Problem!;
        Assert.Equal(RuleIds.ObjectUrlMissing, missing.ErrorId);
        Assert.Equal("The input is an object without an ObjectUrl property; pass Encord items, object URLs, or objects with an ObjectUrl property (or name the URL's property with -UrlProperty).", missing.Message);
        var dicom = Convert("gs://b/scan.dcm");
        Assert.Null(dicom.Item);
        Assert.Equal(("LoneDicomFile", "gs://b/scan.dcm"), (dicom.Problem!.ErrorId, dicom.Problem.Target));
    }

    [Fact]
    public void Metadata_that_is_not_an_object_is_a_problem_for_that_input()
    {
        var outcome = Convert(Row(("ObjectUrl", "gs://b/a.jpg"), ("ClientMetadata", "[1, 2]")));
        Assert.Null(outcome.Item);
        Assert.Equal(RuleIds.ClientMetadataNotObject, outcome.Problem!.ErrorId);
        Assert.StartsWith("'gs://b/a.jpg': ", outcome.Problem.Message);
    }

    [Fact]
    public void Unsupported_files_are_skipped_with_a_warning_and_counted()
    {
        var first = Convert("gs://b/notes.txt");
        Convert("gs://b/a.jpg");
        Convert("gs://b/data.bin");
        Assert.Null(first.Item);
        Assert.Null(first.Problem);
        Assert.Equal("Skipped 'gs://b/notes.txt': its file type is not an image, video or audio format the platform supports.", first.Warning);
        Assert.Equal(2, converter.SkippedUnsupported);
    }

    [Fact]
    public void Blank_lines_and_comments_are_passed_over_and_a_trailing_space_is_whitespace()
    {
        foreach (string line in new[] { "", "  ", "# cameras", "  # indented comment" })
        {
            var ignored = Convert(line);
            Assert.Equal((null, null, null), (ignored.Item, ignored.Problem, ignored.Warning));
        }
        var spaced = Convert("gs://b/photo.jpg ");
        Assert.Equal(RuleIds.ObjectUrlWhitespace, spaced.Problem!.ErrorId);
        Assert.Equal(0, converter.SkippedUnsupported);
    }

    [Fact]
    public void Rows_of_an_encord_csv_form_their_image_groups_in_row_order()
    {
        PSObject CsvRow(string url, string title, string createVideo) =>
            Row(("ObjectUrl", url), ("Image group title", title), ("Create video", createVideo));
        var outcomes = new List<string>();
        void Take(object input)
        {
            var outcome = converter.Convert(input, out var finished);
            if (finished is not null) outcomes.Add($"{finished.Title}({finished.CreateVideo}): {string.Join(", ", finished.ObjectUrls)}");
            if (outcome.Item is EncordSingleItem single) outcomes.Add(single.ObjectUrl);
            if (outcome.Warning is not null) outcomes.Add("warning");
        }
        Take(CsvRow("gs://b/clip.mp4", "", ""));
        Take(CsvRow("gs://b/g/10.jpg", "light", "TRUE"));
        Take(CsvRow("gs://b/g/2.jpg", "light", ""));
        Take(CsvRow("gs://b/d/1.jpg", "dark", "false"));
        Take(CsvRow("gs://b/d/Thumbs.db", "dark", "false"));
        Take(CsvRow("gs://b/one.png", "", ""));
        Assert.Null(converter.Finish());
        Assert.Equal(new[]
        {
            "gs://b/clip.mp4", "light(True): gs://b/g/10.jpg, gs://b/g/2.jpg", "warning", "dark(False): gs://b/d/1.jpg", "gs://b/one.png",
        }, outcomes);
        Assert.Equal(1, converter.SkippedUnsupported);
        var invalid = converter.Convert(CsvRow("gs://b/x.jpg", "t", "yes"), out _);
        Assert.Equal(RuleIds.CsvCreateVideoInvalid, invalid.Problem!.ErrorId);
        Assert.Null(converter.Finish());
    }
}
