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
    [InlineData("gs://b/report.pdf", typeof(EncordPdf))]
    [InlineData("gs://b/brain.nii.gz", typeof(EncordNifti))]
    public void Sorts_urls_into_items_by_their_extension(string url, Type expected)
    {
        var item = Convert(url).Item!;
        Assert.IsType(expected, item);
        Assert.Equal(url, ((EncordSingleItem)item).ObjectUrl);
    }

    [Fact]
    public void A_listed_object_s_media_metadata_goes_on_its_item_and_into_the_spec()
    {
        var listed = new CloudObject(CloudProvider.S3, "b", "clips/a.mp4")
        {
            ObjectUrl = "s3://b/clips/a.mp4", DataType = DataType.Video,
            MediaMetadata = new MediaMetadata { MimeType = "video/mp4", FileSize = 8762, Width = 176, Height = 144, Duration = 1, Fps = 25 },
        };
        var selected = Row(("ObjectUrl", "s3://b/clips/b.mp4"), ("MediaMetadata", listed.MediaMetadata));

        var video = Assert.IsType<EncordVideo>(Convert(listed).Item);
        var fromSelected = Assert.IsType<EncordVideo>(Convert(selected).Item);

        Assert.Same(listed.MediaMetadata, video.MediaMetadata);
        Assert.Same(listed.MediaMetadata, fromSelected.MediaMetadata);
        Assert.Null(((EncordSingleItem)Convert("s3://b/clips/c.mp4").Item!).MediaMetadata);
        string spec = EncordSpec.Tests.Validation.GeneratedSpecs.Write(new[] { video }, csv: false, skipDuplicateUrls: false);
        using var written = System.Text.Json.JsonDocument.Parse(spec);
        var fields = written.RootElement.GetProperty("videos")[0].GetProperty("videoMetadata").EnumerateObject().Select(field => $"{field.Name}={field.Value.GetRawText()}");
        Assert.Equal(new[] { "fps=25", "duration=1", "width=176", "height=144", "file_size=8762", "mime_type=\"video/mp4\"" }, fields);
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
        var first = Convert("gs://b/anim.gif");
        Convert("gs://b/a.jpg");
        Convert("gs://b/data.bin");
        Assert.Null(first.Item);
        Assert.Null(first.Problem);
        Assert.Equal("UnsupportedFileType: skipped 'gs://b/anim.gif': the platform does not document '.gif' files. " +
            "If it is one of the platform's types, say which with a DataType property or -DataType.", first.Skipped);
        Assert.Equal(2, converter.SkippedUnsupported);
    }

    [Fact]
    public void Blank_lines_and_comments_are_passed_over_and_a_trailing_space_is_whitespace()
    {
        foreach (string line in new[] { "", "  ", "# cameras", "  # indented comment" })
        {
            var ignored = Convert(line);
            Assert.Equal((null, null, null), (ignored.Item, ignored.Problem, ignored.Skipped));
        }
        var spaced = Convert("gs://b/photo.jpg ");
        Assert.Equal(RuleIds.ObjectUrlWhitespace, spaced.Problem!.ErrorId);
    }

    [Fact]
    public void Text_files_nobody_asked_for_are_skipped_silently_and_counted()
    {
        var labels = new[] { "gs://b/img1.txt", "gs://b/img2.txt", "gs://b/meta.json", "gs://b/classes.csv", "gs://b/ann.xml" };
        foreach (string url in labels)
        {
            var outcome = Convert(url);
            Assert.Null(outcome.Item);
            Assert.Null(outcome.Problem);
            Assert.Null(outcome.Skipped);
        }
        Assert.Equal(5, converter.SkippedText);
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
            if (outcome.Skipped is not null) outcomes.Add("warning");
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

    [Fact]
    public void Text_is_written_when_asked_by_parameter_by_property_or_by_a_filtered_listing()
    {
        var asked = new SpecItemConverter(new[] { DataType.Text });
        Assert.IsType<EncordText>(asked.Convert("gs://b/notes.txt", out _).Item);
        Assert.Null(asked.Convert("gs://b/a.jpg", out _).Item); // -DataType Text writes text only
        Assert.Equal(1, asked.SkippedOtherTypes);

        Assert.IsType<EncordText>(Convert(Row(("ObjectUrl", "gs://b/notes.md"), ("DataType", "Text"))).Item);

        var listed = new CloudObject(CloudProvider.GCS, "b", "notes.txt") { ObjectUrl = "gs://b/notes.txt", DataType = DataType.Text };
        Assert.Null(Convert(listed).Item);
        listed.DataTypeAskedFor = true;
        Assert.IsType<EncordText>(Convert(listed).Item);
        Assert.Equal(1, converter.SkippedText);
    }

    [Fact]
    public void A_stated_type_writes_an_undocumented_file_with_a_warning_and_mp4_as_audio_without_one()
    {
        var stated = Convert(Row(("ObjectUrl", "gs://b/anim.gif"), ("DataType", "Image")));
        Assert.IsType<EncordImage>(stated.Item);
        Assert.Equal("UnsupportedFileType: 'gs://b/anim.gif' is written as Image as you stated, though the platform does not document '.gif' for Image.", stated.Warning);

        var audio = new SpecItemConverter(new[] { DataType.Audio });
        var mp4 = audio.Convert("gs://b/podcast.mp4", out _);
        Assert.IsType<EncordAudio>(mp4.Item);
        Assert.Null(mp4.Warning);
        var ogg = audio.Convert("gs://b/song.ogg", out _);
        Assert.IsType<EncordAudio>(ogg.Item);
        Assert.Contains("'.ogg'", ogg.Warning);
        Assert.IsType<EncordVideo>(Convert("gs://b/podcast.mp4").Item); // unless the user says so, .mp4 is video
    }
}
