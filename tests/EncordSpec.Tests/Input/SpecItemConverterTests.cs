using System.Collections.Specialized;
using System.Management.Automation;

namespace EncordSpec.Tests.Input;

/// <summary>What ConvertTo-EncordSpec makes of each pipeline input, without a PowerShell host.</summary>
public class SpecItemConverterTests
{
    private readonly SpecItemConverter converter = new();

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
        var item = converter.Convert(url).Item!;
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

        var video = Assert.IsType<EncordVideo>(converter.Convert(listed).Item);
        var fromSelected = Assert.IsType<EncordVideo>(converter.Convert(selected).Item);

        Assert.Same(listed.MediaMetadata, video.MediaMetadata);
        Assert.Same(listed.MediaMetadata, fromSelected.MediaMetadata);
        Assert.Null(((EncordSingleItem)converter.Convert("s3://b/clips/c.mp4").Item!).MediaMetadata);
        string spec = EncordSpec.Tests.Validation.GeneratedSpecs.Write(new[] { video }, csv: false, skipDuplicateUrls: false);
        using var written = System.Text.Json.JsonDocument.Parse(spec);
        var fields = written.RootElement.GetProperty("videos")[0].GetProperty("videoMetadata").EnumerateObject().Select(field => $"{field.Name}={field.Value.GetRawText()}");
        Assert.Equal(new[] { "fps=25", "duration=1", "width=176", "height=144", "file_size=8762", "mime_type=\"video/mp4\"" }, fields);
    }

    [Fact]
    public void Takes_encord_items_as_they_are()
    {
        var group = new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg" } };
        Assert.Same(group, converter.Convert(new PSObject(group)).Item);
    }

    [Fact]
    public void Reads_title_metadata_and_data_type_from_an_object()
    {
        var row = Row(("ObjectUrl", "gs://b/recording"), ("Title", "take 1"), ("ClientMetadata", "{\"camera\": \"S4\"}"), ("DataType", "Video"));
        var item = Assert.IsType<EncordVideo>(converter.Convert(row).Item);
        Assert.Equal("take 1", item.Title);
        Assert.Equal("S4", item.ClientMetadata!["camera"]);
    }

    [Fact]
    public void An_input_without_a_url_or_a_lone_dicom_file_is_a_problem_that_names_it()
    {
        var missing = converter.Convert(Row(("Name", "x"))).Problem!;
        Assert.Equal(RuleIds.ObjectUrlMissing, missing.ErrorId);
        Assert.Equal("The input is an object without an ObjectUrl property; pass Encord items, object URLs, or objects with an ObjectUrl property.", missing.Message);
        var dicom = converter.Convert("gs://b/scan.dcm");
        Assert.Null(dicom.Item);
        Assert.Equal(("LoneDicomFile", "gs://b/scan.dcm"), (dicom.Problem!.ErrorId, dicom.Problem.Target));
    }

    [Fact]
    public void Metadata_that_is_not_an_object_is_a_problem_for_that_input()
    {
        var outcome = converter.Convert(Row(("ObjectUrl", "gs://b/a.jpg"), ("ClientMetadata", "[1, 2]")));
        Assert.Null(outcome.Item);
        Assert.Equal(RuleIds.ClientMetadataNotObject, outcome.Problem!.ErrorId);
        Assert.StartsWith("'gs://b/a.jpg': ", outcome.Problem.Message);
    }

    [Fact]
    public void Unsupported_files_are_skipped_with_a_warning_and_counted()
    {
        var first = converter.Convert("gs://b/notes.txt");
        converter.Convert("gs://b/a.jpg");
        converter.Convert("gs://b/data.bin");
        Assert.Null(first.Item);
        Assert.Null(first.Problem);
        Assert.Equal("Skipped 'gs://b/notes.txt': its file type is not an image, video or audio format the platform supports.", first.Skipped);
        Assert.Equal(2, converter.SkippedUnsupported);
    }
}
