using System.Text;

namespace EncordSpec.Tests.Reading;

/// <summary>Lines, columns and the first invalid UTF-8 byte, as the position tracker follows a spec's bytes.</summary>
public class TextPositionTrackerTests
{
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
