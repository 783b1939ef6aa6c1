using System.Collections.Specialized;
using EncordSpec.Format;

namespace EncordSpec.Tests.Media;

/// <summary>The metadata objects a spec item carries, spelled as in the platform's own examples, and read back.</summary>
public sealed class MediaMetadataFieldsTests
{
    private static readonly MediaMetadata Everything = new()
    {
        MimeType = "video/mp4", FileSize = 8762, Width = 176, Height = 144, Duration = 1.5015, Fps = 30000.0 / 1001,
        SampleRate = 48000, Channels = 2, BitDepth = 24, Codec = "aac", PageCount = 12,
    };

    private static string Json(OrderedDictionary tree)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
            EncordSpec.Metadata.JsonTreeWriter.Write(writer, tree);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(SpecKeys.ImageMetadata, """{"mimeType":"video/mp4","fileSize":8762,"width":176,"height":144}""")]
    [InlineData(SpecKeys.VideoMetadata, """{"fps":29.97002997002997,"duration":1.5015,"width":176,"height":144,"file_size":8762,"mime_type":"video/mp4"}""")]
    [InlineData(SpecKeys.AudioMetadata, """{"duration":1.5015,"file_size":8762,"mime_type":"video/mp4","sample_rate":48000,"bit_depth":24,"codec":"aac","num_channels":2}""")]
    [InlineData(SpecKeys.TextMetadata, """{"file_size":8762,"mime_type":"video/mp4"}""")]
    [InlineData(SpecKeys.PdfMetadata, """{"file_size":8762,"num_pages":12}""")]
    public void Each_key_is_written_with_its_fields_in_the_platform_s_spelling_and_order(string key, string expected)
    {
        Assert.Equal(expected, Json(MediaMetadataFields.ToSpecObject(Everything, key)));
    }

    [Fact]
    public void A_field_without_a_value_is_left_out_and_named_as_missing()
    {
        var image = new MediaMetadata { MimeType = "image/png", FileSize = 372, Width = 64 };

        Assert.Equal("""{"mimeType":"image/png","fileSize":372,"width":64}""", Json(MediaMetadataFields.ToSpecObject(image, SpecKeys.ImageMetadata)));
        Assert.Equal(new[] { "height" }, MediaMetadataFields.MissingFields(image, SpecKeys.ImageMetadata));
        Assert.Equal(new[] { "fps", "duration", "height" }, MediaMetadataFields.MissingFields(image, SpecKeys.VideoMetadata));
    }

    [Fact]
    public void Either_spelling_is_read_back_into_the_same_properties()
    {
        var camel = new OrderedDictionary { ["sampleRate"] = 8000L, ["numChannels"] = 2L, ["bitDepth"] = 16L, ["fileSize"] = 8044L, ["mimeType"] = "audio/wav", ["duration"] = 0.25m, ["codec"] = "pcm" };
        var snake = new OrderedDictionary { ["sample_rate"] = 8000L, ["num_channels"] = 2L, ["bit_depth"] = 16L, ["file_size"] = 8044L, ["mime_type"] = "audio/wav", ["duration"] = 0.25m, ["codec"] = "pcm" };

        var fromCamel = MediaMetadataFields.FromSpecObject(camel, SpecKeys.AudioMetadata);
        var fromSnake = MediaMetadataFields.FromSpecObject(snake, SpecKeys.AudioMetadata);

        Assert.Equivalent(fromCamel, fromSnake, strict: true);
        Assert.Equal((8000, 2, 16, 8044L, 0.25), (fromSnake.SampleRate, fromSnake.Channels, fromSnake.BitDepth, fromSnake.FileSize, fromSnake.Duration));
        Assert.Null(fromSnake.OtherFields);
    }

    [Fact]
    public void What_is_no_field_of_the_key_is_kept_as_written_and_written_back()
    {
        var read = new OrderedDictionary { ["width"] = "1920", ["height"] = 1080L, ["num_pages"] = 3L, ["camera"] = "front" };

        var metadata = MediaMetadataFields.FromSpecObject(read, SpecKeys.ImageMetadata);

        Assert.Null(metadata.Width);
        Assert.Equal(1080, metadata.Height);
        Assert.Null(metadata.PageCount);
        Assert.Equal(new object[] { "width", "num_pages", "camera" }, metadata.OtherFields!.Keys.Cast<object>());
        Assert.Equal("""{"width":"1920","height":1080,"num_pages":3,"camera":"front"}""", Json(MediaMetadataFields.ToSpecObject(metadata, SpecKeys.ImageMetadata)));
    }

    [Fact]
    public void Metadata_read_from_a_spec_is_written_back_with_its_own_names_and_order_and_new_values_in_the_platform_s_spelling()
    {
        var read = new OrderedDictionary { ["mimeType"] = "video/mp4", ["width"] = 2L, ["fileSize"] = 4L, ["file_size"] = 5L, ["fps"] = 25L };

        var metadata = MediaMetadataFields.FromSpecObject(read, SpecKeys.VideoMetadata);

        Assert.Equal("""{"mimeType":"video/mp4","width":2,"fileSize":4,"file_size":5,"fps":25}""", Json(MediaMetadataFields.ToSpecObject(metadata, SpecKeys.VideoMetadata)));
        metadata.Width = 1920;
        metadata.Height = 1080;
        metadata.Duration = 1.5;
        Assert.Equal("""{"mimeType":"video/mp4","width":1920,"fileSize":4,"file_size":5,"fps":25,"duration":1.5,"height":1080}""", Json(MediaMetadataFields.ToSpecObject(metadata, SpecKeys.VideoMetadata)));
    }

    [Fact]
    public void A_whole_number_written_with_a_fraction_is_read_as_the_number_it_is()
    {
        var read = new OrderedDictionary { ["width"] = 1920.0m, ["height"] = 1080.5m };

        var metadata = MediaMetadataFields.FromSpecObject(read, SpecKeys.ImageMetadata);

        Assert.Equal(1920, metadata.Width);
        Assert.Null(metadata.Height);
        Assert.Equal(1080.5m, metadata.OtherFields!["height"]);
    }

    [Fact]
    public void A_number_with_more_digits_than_a_double_holds_is_kept_as_written()
    {
        var read = new OrderedDictionary { ["fps"] = 29.970029970029970029970029970m, ["duration"] = 1.5015m };
        var asWritten = new OrderedDictionary { ["fps"] = 29.97002997002997m }; // what the writer writes for 30000/1001

        var metadata = MediaMetadataFields.FromSpecObject(read, SpecKeys.VideoMetadata);

        Assert.Null(metadata.Fps);
        Assert.Equal(1.5015, metadata.Duration);
        Assert.Equal(30000.0 / 1001, MediaMetadataFields.FromSpecObject(asWritten, SpecKeys.VideoMetadata).Fps);
        Assert.Equal("""{"fps":29.970029970029970029970029970,"duration":1.5015}""", Json(MediaMetadataFields.ToSpecObject(metadata, SpecKeys.VideoMetadata)));
    }

    [Fact]
    public void The_summary_names_what_a_user_looks_for()
    {
        Assert.Equal("176x144 1.502 s 29.97 fps", new MediaMetadata { Width = 176, Height = 144, Duration = 1.5015, Fps = 30000.0 / 1001 }.ToString());
        Assert.Equal("8000 Hz 2 ch 16 bit 0.25 s", new MediaMetadata { SampleRate = 8000, Channels = 2, BitDepth = 16, Duration = 0.25 }.ToString());
        Assert.Equal("12 pages", new MediaMetadata { PageCount = 12, MimeType = "application/pdf" }.ToString());
        Assert.Equal("text/plain", new MediaMetadata { MimeType = "text/plain", FileSize = 61 }.ToString());
    }
}
