using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>The small parts the readers stand on.</summary>
public class HelperTests
{
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
