namespace EncordSpec.Tests.Validation;

/// <summary>The small parts the spec-wide checks stand on.</summary>
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

    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000_000)]
    public void First_seen_table_takes_16_to_32_bytes_per_hash_at_any_count(int count)
    {
        var table = new FirstSeenTable();
        for (int i = 0; i < count; i++)
            table.TryAdd(StringHash64.Of("https://b/" + i), i + 1, out _);
        double perHash = (double)table.Bytes / count;
        Assert.InRange(perHash, 15.9, 32.5); // and it never holds more while it grows: pages split one at a time
        Assert.False(table.TryAdd(StringHash64.Of("https://b/" + (count - 1)), 1, out long firstLine));
        Assert.Equal(count, firstLine);
    }

    [Fact]
    public void First_seen_table_forgets_everything_on_clear_and_shrinks_back()
    {
        var table = new FirstSeenTable(16);
        long empty = table.Bytes;
        for (int i = 0; i < 500_000; i++)
            table.TryAdd(StringHash64.Of("u" + i), 1, out _);
        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.InRange(table.Bytes, 1, empty); // no more than it started with
        Assert.True(table.TryAdd(StringHash64.Of("u7"), 3, out _));
        Assert.False(table.TryAdd(StringHash64.Of("u7"), 9, out long firstLine));
        Assert.Equal(3, firstLine);
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
}
