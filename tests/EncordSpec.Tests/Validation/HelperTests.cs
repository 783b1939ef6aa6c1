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
