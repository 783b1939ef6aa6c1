using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>The small parts the readers stand on.</summary>
public class HelperTests
{
    [Theory]
    [InlineData("https://b.s3.eu-west-2.amazonaws.com/dir/a.b.JPG?x=1#f", "dir/a.b.JPG", "JPG")]
    [InlineData("s3://bucket/dir/what?.png", "dir/what?.png", "png")]
    [InlineData("gs://bucket", "", "")]
    [InlineData("https://host/dir.v2/file", "dir.v2/file", "")]
    [InlineData("relative/key.mp4", "relative/key.mp4", "mp4")]
    [InlineData("https://host/.hidden", ".hidden", "hidden")]
    public void Url_path_and_extension(string url, string path, string extension)
    {
        Assert.Equal(path, ObjectUrlPath.GetPath(url));
        Assert.Equal(extension, ObjectUrlPath.GetExtension(url));
        ObjectUrlPath.GetExtensionRange(url.AsSpan(), out int start, out int length);
        Assert.Equal(extension, url.Substring(start, length));
    }

    [Theory]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc", "X-Amz-Signature")]
    [InlineData("https://a.blob.core.windows.net/c/b.jpg?sv=1&SIG=x", "SIG")]
    [InlineData("https://a.blob.core.windows.net/c/b.jpg?se=2030-01-01", "se")]
    [InlineData("https://storage.googleapis.com/b/o.png?GoogleAccessId=x&Signature=y", "GoogleAccessId")]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?versionId=3", null)]
    [InlineData("https://b.s3.amazonaws.com/a.jpg#sig=1", null)]
    [InlineData("s3://bucket/odd?sig=name.jpg", null)]
    public void Signed_urls_are_recognised_by_their_query(string url, string? parameter)
    {
        Assert.Equal(parameter, SignedUrlDetector.FindSigningParameter(url));
    }

    [Fact]
    public void Signed_url_shown_without_query()
    {
        Assert.Equal("https://b.s3.amazonaws.com/a.jpg", SignedUrlDetector.WithoutQuery("https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc"));
        Assert.Equal("s3://b/a?b", SignedUrlDetector.WithoutQuery("s3://b/a?b"));
    }

    [Theory]
    [InlineData("image_group", "image_groups")]
    [InlineData("imageGroups", "image_groups")]
    [InlineData("skipDuplicateUrls", "skip_duplicate_urls")]
    [InlineData("video", "videos")]
    [InlineData("dicom", "dicom_series")]
    [InlineData("Audio", "audio")]
    [InlineData("labels", null)]
    public void Nearest_known_key(string unknown, string? expected)
    {
        var known = new[] { "images", "videos", "image_groups", "dicom_series", "audio", "skip_duplicate_urls", "upsert_metadata" };
        Assert.Equal(expected, KeySuggestion.Nearest(unknown, known));
    }

    [Fact]
    public void First_seen_table_remembers_a_million_hashes_with_their_lines()
    {
        var table = new FirstSeenTable(16);
        for (int i = 0; i < 1_000_000; i++)
            Assert.True(table.TryAdd(StringHash64.Of("s3://bucket/" + i), i + 1, out _));
        Assert.Equal(1_000_000, table.Count);
        Assert.False(table.TryAdd(StringHash64.Of("s3://bucket/123456"), 5, out long firstLine));
        Assert.Equal(123_457, firstLine);
        Assert.True(table.TryAdd(StringHash64.Of("s3://bucket/1000000"), 7, out _));
    }

    [Fact]
    public void Hashes_of_text_differ_for_different_text_and_match_for_equal_text()
    {
        var seen = new HashSet<ulong>();
        for (int i = 0; i < 200_000; i++)
            Assert.True(seen.Add(StringHash64.Of("https://b/" + i.ToString("x"))));
        Assert.Equal(StringHash64.Of("abc"), StringHash64.Of("abc".AsSpan()));
        Assert.NotEqual(0UL, StringHash64.Of(""));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9, 0x62 }, -1)]          // é
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, -1)]          // 😀
    [InlineData(new byte[] { 0x61, 0xC0, 0xAF }, 2)]                 // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 1)]                 // UTF-16 surrogate encoded in UTF-8
    [InlineData(new byte[] { 0x61, 0x62, 0xE2, 0x82 }, 3)]           // cut off by the end
    [InlineData(new byte[] { 0xE2, 0x82, 0x41 }, 1)]                 // cut off by ASCII
    [InlineData(new byte[] { 0x61, 0xFF }, 2)]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, 1)]           // beyond U+10FFFF
    public void Tracker_finds_where_utf8_first_breaks(byte[] bytes, int column)
    {
        var tracker = new TextPositionTracker();
        tracker.Advance(bytes, bytes.Length);
        tracker.Finish();
        if (column < 0)
            Assert.Null(tracker.FirstInvalidUtf8);
        else
            Assert.Equal(column, tracker.FirstInvalidUtf8!.Value.Column);
    }

    [Fact]
    public void Tracker_counts_lines_and_utf16_columns()
    {
        byte[] text = Encoding.UTF8.GetBytes("ab\r\né😀x\n\nyz");
        var tracker = new TextPositionTracker();
        var x = tracker.At(text, Encoding.UTF8.GetByteCount("ab\r\né😀"));
        Assert.Equal((2L, 4L), (x.Line, x.Column));
        var z = tracker.At(text, text.Length - 1);
        Assert.Equal((4L, 2L), (z.Line, z.Column));
    }
}
