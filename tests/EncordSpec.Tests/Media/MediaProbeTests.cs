using EncordSpec.Media;
using EncordSpec.Storage.Media;

namespace EncordSpec.Tests.Media;

/// <summary>The probe on real small files made by ffmpeg, sox, ImageMagick, img2pdf and qpdf (tests/Data/Media/README.md):
/// the values those tools were told to make, and only the ranges that hold them read.</summary>
public sealed class MediaProbeTests
{
    private static readonly MediaProbe Probe = new();

    private static async Task<(MediaMetadata Metadata, FileBytes Bytes)> ProbeFile(string fileName, string? contentType = null)
    {
        var bytes = FileBytes.Of(fileName, contentType);
        return (await Probe.ProbeAsync(bytes, CancellationToken.None), bytes);
    }

    [Theory]
    [InlineData("gradient-64x48.png", "image/png", 64, 48)]
    [InlineData("photo-80x60.jpg", "image/jpeg", 80, 60)]
    [InlineData("lossy-96x72.webp", "image/webp", 96, 72)]
    public async Task An_image_gives_its_width_height_mime_type_and_size(string fileName, string mimeType, int width, int height)
    {
        var (metadata, bytes) = await ProbeFile(fileName);

        Assert.Equal(mimeType, metadata.MimeType);
        Assert.Equal(width, metadata.Width);
        Assert.Equal(height, metadata.Height);
        Assert.Equal(bytes.Length, metadata.FileSize);
        Assert.Null(metadata.Duration);
        Assert.Single(bytes.Reads);
    }

    [Fact]
    public async Task An_MP4_with_its_moov_at_the_start_is_read_from_its_first_bytes_only()
    {
        var (metadata, bytes) = await ProbeFile("moov-start-160x120-25fps.mp4");

        Assert.Equal("video/mp4", metadata.MimeType);
        Assert.Equal(160, metadata.Width);
        Assert.Equal(120, metadata.Height);
        Assert.Equal(25.0, metadata.Fps);
        Assert.Equal(2.0, metadata.Duration);
        Assert.Equal("h264", metadata.Codec);
        Assert.Equal(bytes.Length, metadata.FileSize);
        var read = Assert.Single(bytes.Reads);
        Assert.Equal((0L, MediaProbe.DefaultHeadBytes), read);
        Assert.True(bytes.Length > MediaProbe.DefaultHeadBytes, "the file must be larger than the first read for this test to mean anything");
    }

    [Fact]
    public async Task An_MP4_with_its_moov_at_the_end_is_read_from_its_first_bytes_and_its_tail_but_not_its_media_data()
    {
        var (metadata, bytes) = await ProbeFile("moov-end-176x144-29.97fps.mp4");

        Assert.Equal("video/mp4", metadata.MimeType);
        Assert.Equal(176, metadata.Width);
        Assert.Equal(144, metadata.Height);
        Assert.Equal(30000.0 / 1001, metadata.Fps!.Value, 9);
        // 45 frames of 1001/30000 s, as ffprobe reports the stream's duration.
        Assert.Equal(1.5015, metadata.Duration!.Value, 9);
        Assert.Equal("h264", metadata.Codec);

        Assert.Equal(2, bytes.Reads.Count);
        Assert.Equal((0L, MediaProbe.DefaultHeadBytes), bytes.Reads[0]);
        var tail = bytes.Reads[1];
        Assert.Equal(bytes.Length, tail.Offset + tail.Count);
        Assert.True(tail.Offset > MediaProbe.DefaultHeadBytes, $"the tail read started at {tail.Offset}, inside the first read");
        Assert.True(bytes.BytesRead < bytes.Length, $"{bytes.BytesRead} of {bytes.Length} bytes read");
    }

    [Fact]
    public async Task A_QuickTime_movie_is_known_by_its_brand()
    {
        var (metadata, bytes) = await ProbeFile("quicktime-128x96-24fps.mov");

        Assert.Equal("video/quicktime", metadata.MimeType);
        Assert.Equal((128, 96), (metadata.Width, metadata.Height));
        Assert.Equal(24.0, metadata.Fps);
        Assert.Equal(1.0, metadata.Duration);
        Assert.Equal(bytes.Length, metadata.FileSize);
    }

    [Fact]
    public async Task A_WAV_gives_its_sample_rate_channels_bit_depth_and_duration_from_its_first_bytes()
    {
        var (metadata, bytes) = await ProbeFile("tone-8k-stereo-16bit.wav");

        Assert.Equal("audio/wav", metadata.MimeType);
        Assert.Equal(8000, metadata.SampleRate);
        Assert.Equal(2, metadata.Channels);
        Assert.Equal(16, metadata.BitDepth);
        Assert.Equal(0.25, metadata.Duration);
        Assert.Equal("pcm", metadata.Codec);
        Assert.Equal((0L, MediaProbe.DefaultHeadBytes), Assert.Single(bytes.Reads));
        Assert.True(bytes.Length > MediaProbe.DefaultHeadBytes);
    }

    [Fact]
    public async Task An_MP3_gives_its_sample_rate_channels_and_the_duration_its_frame_count_says()
    {
        var (metadata, bytes) = await ProbeFile("tone-22k-mono.mp3");

        Assert.Equal("audio/mpeg", metadata.MimeType);
        Assert.Equal(22050, metadata.SampleRate);
        Assert.Equal(1, metadata.Channels);
        Assert.Equal("mp3", metadata.Codec);
        Assert.Equal(Mp3Probe.DecodedBitDepth, metadata.BitDepth);
        // ffprobe: 1.071020 s (41 frames of 576 samples at 22,050 Hz: the 1 s tone plus the encoder's padding).
        Assert.Equal(1.071020, metadata.Duration!.Value, 6);
        Assert.Equal((0L, MediaProbe.DefaultHeadBytes), Assert.Single(bytes.Reads));
    }

    [Theory]
    [InlineData("twelve-pages-xref-table.pdf")]
    [InlineData("twelve-pages-object-streams.pdf")]
    [InlineData("twelve-pages-linearized.pdf")]
    public async Task A_PDF_gives_its_page_count_without_being_read_whole(string fileName)
    {
        var (metadata, bytes) = await ProbeFile(fileName);

        Assert.Equal("application/pdf", metadata.MimeType);
        Assert.Equal(12, metadata.PageCount);
        Assert.Equal(bytes.Length, metadata.FileSize);
        Assert.True(bytes.BytesRead < bytes.Length, $"{bytes.BytesRead} of {bytes.Length} bytes read in {bytes.Reads.Count} reads");
    }

    [Fact]
    public async Task A_linearized_PDF_with_an_update_appended_is_counted_through_its_cross_reference_chain()
    {
        // An incremental update leaves /L of the linearization dictionary smaller than the file, so /N may be stale.
        byte[] original = File.ReadAllBytes(TestData.PathOf("Media/twelve-pages-linearized.pdf"));
        string text = System.Text.Encoding.Latin1.GetString(original);
        int startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        string previous = text.Substring(startxref + 9).Trim().Split('\n')[0].Trim();
        string trailer = text.Substring(text.LastIndexOf("trailer", StringComparison.Ordinal));
        string size = System.Text.RegularExpressions.Regex.Match(trailer, @"/Size (\d+)").Groups[1].Value;
        string root = System.Text.RegularExpressions.Regex.Match(text, @"/Root (\d+ \d+ R)").Groups[1].Value;
        string update = $"\nxref\n0 0\ntrailer\n<< /Size {size} /Root {root} /Prev {previous} >>\nstartxref\n{original.Length + 1}\n%%EOF\n";
        var bytes = new FileBytes("updated.pdf", original.Concat(System.Text.Encoding.ASCII.GetBytes(update)).ToArray());

        var metadata = await Probe.ProbeAsync(bytes, CancellationToken.None);

        Assert.Equal(12, metadata.PageCount);
    }

    [Fact]
    public async Task A_text_file_is_known_by_its_name_and_not_read_at_all()
    {
        var (metadata, bytes) = await ProbeFile("notes.txt");

        Assert.Equal("text/plain", metadata.MimeType);
        Assert.Equal(bytes.Length, metadata.FileSize);
        Assert.Empty(bytes.Reads);
    }

    [Fact]
    public async Task The_store_s_text_content_type_is_kept_for_an_object_without_an_extension()
    {
        var bytes = new FileBytes("logs/today", "line\n"u8.ToArray(), "text/csv; charset=utf-8");

        var metadata = await Probe.ProbeAsync(bytes, CancellationToken.None);

        Assert.Equal("text/csv", metadata.MimeType);
        Assert.Empty(bytes.Reads);
    }

    [Fact]
    public async Task Bytes_of_no_known_format_fail_with_a_message_naming_the_object()
    {
        var bytes = new FileBytes("s3://bucket/blob.bin", Enumerable.Range(0, 600).Select(i => (byte)(i * 7 + 3)).ToArray());

        var error = await Assert.ThrowsAsync<MediaProbeException>(() => Probe.ProbeAsync(bytes, CancellationToken.None));

        Assert.StartsWith("s3://bucket/blob.bin", error.Message);
    }

    [Fact]
    public async Task An_MP4_cut_short_fails_saying_which_box_runs_past_the_end()
    {
        byte[] whole = File.ReadAllBytes(TestData.PathOf("Media/moov-end-176x144-29.97fps.mp4"));
        var bytes = new FileBytes("cut.mp4", whole.AsSpan(0, 6000).ToArray());

        var error = await Assert.ThrowsAsync<MediaProbeException>(() => Probe.ProbeAsync(bytes, CancellationToken.None));

        Assert.Contains("cut.mp4", error.Message);
        Assert.Contains("'mdat'", error.Message);
    }

    [Fact]
    public async Task A_PDF_without_startxref_fails_saying_the_page_count_could_not_be_found()
    {
        byte[] whole = File.ReadAllBytes(TestData.PathOf("Media/twelve-pages-xref-table.pdf"));
        var bytes = new FileBytes("cut.pdf", whole.AsSpan(0, whole.Length - 40).ToArray());

        var error = await Assert.ThrowsAsync<MediaProbeException>(() => Probe.ProbeAsync(bytes, CancellationToken.None));

        Assert.Contains("cut.pdf", error.Message);
        Assert.Contains("page count could not be found", error.Message);
        Assert.Contains("startxref", error.Message);
    }

    [Fact]
    public async Task A_JPEG_whose_size_comes_after_a_large_comment_is_read_further_than_its_first_bytes()
    {
        // A COM segment of 20,000 bytes before the frame header (SOF) that holds the size.
        byte[] jpeg = File.ReadAllBytes(TestData.PathOf("Media/photo-80x60.jpg"));
        var comment = new byte[4 + 20_000];
        comment[0] = 0xFF;
        comment[1] = 0xFE;
        comment[2] = (byte)((20_002) >> 8);
        comment[3] = (byte)(20_002 & 0xFF);
        Array.Fill(comment, (byte)'x', 4, 20_000);
        var bytes = new FileBytes("commented.jpg", jpeg.Take(2).Concat(comment).Concat(jpeg.Skip(2)).ToArray());

        var metadata = await Probe.ProbeAsync(bytes, CancellationToken.None);

        Assert.Equal((80, 60), (metadata.Width, metadata.Height));
        Assert.Equal(2, bytes.Reads.Count);
        Assert.Equal(MediaProbe.DefaultHeadBytes, bytes.Reads[1].Offset);
    }
}
