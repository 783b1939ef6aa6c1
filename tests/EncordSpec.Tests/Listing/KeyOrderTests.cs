namespace EncordSpec.Tests.Listing;

public class KeyOrderTests
{
    // U+1F600 (an emoji, two UTF-16 code units starting 0xD83D), U+E000 and U+FF01 (one code unit each).
    private static readonly string[] Keys = { "a/\uFF01.jpg", "a/\U0001F600.jpg", "a/\uE000.jpg", "a/z.jpg", "a/", "a/z" };

    [Fact]
    public void S3_order_is_utf8_byte_order()
    {
        var byBytes = Keys.OrderBy(k => k, Comparer<string>.Create((x, y) =>
            System.Text.Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y))));
        Assert.Equal(new[] { "a/", "a/z", "a/z.jpg", "a/\uE000.jpg", "a/\uFF01.jpg", "a/\U0001F600.jpg" }, Keys.Order(KeyOrder.For(CloudProvider.S3)));
        Assert.Equal(byBytes, Keys.Order(KeyOrder.For(CloudProvider.OTC)));
    }

    [Fact]
    public void Azure_and_GCS_order_is_utf16_code_unit_order()
    {
        var expected = new[] { "a/", "a/z", "a/z.jpg", "a/\U0001F600.jpg", "a/\uE000.jpg", "a/\uFF01.jpg" };
        Assert.Equal(expected, Keys.Order(KeyOrder.For(CloudProvider.Azure)));
        Assert.Equal(expected, Keys.Order(KeyOrder.For(CloudProvider.GCS)));
    }
}

public class FolderSplitTests
{
    private static CloudObject[] Objects(params string[] keys) => keys.Select(k => new CloudObject(CloudProvider.S3, "b", k)).ToArray();

    [Fact]
    public void A_page_is_cut_into_runs_of_one_folder_each_and_the_folder_it_ends_in_is_named()
    {
        var split = FolderSplit.Of("p/", Objects("p/a.jpg", "p/b/1.jpg", "p/b/c/2.jpg", "p/b.png", "p/d/1.jpg", "p/d/2.jpg"));

        Assert.Equal(new string?[] { null, "p/b/", null, "p/d/" }, split.Runs.Select(r => r.Folder));
        Assert.Equal(new[] { "p/b/1.jpg", "p/b/c/2.jpg" }, split.Runs[1].Objects.Select(o => o.Key));
        Assert.Equal("p/d/", split.LastFolder);
        Assert.True(split.LastFolderIsFlat);
    }

    [Fact]
    public void The_last_folder_is_not_flat_when_its_keys_reach_a_subfolder()
    {
        var split = FolderSplit.Of("", Objects("big/a.jpg", "big/d0/1.jpg"));
        Assert.Equal("big/", split.LastFolder);
        Assert.False(split.LastFolderIsFlat);
    }

    [Fact]
    public void A_page_ending_with_the_prefix_s_own_object_leaves_no_folder_open()
    {
        var page = new CloudListingPage(Objects("x/1.jpg", "y.jpg"), Array.Empty<string>(), "next");
        Assert.Null(FolderSplit.Of("", page.Objects).LastFolder);
        Assert.True(FolderSplit.ShowsFolders(page, ""));
        Assert.False(FolderSplit.ShowsFolders(page, "x/"));
    }
}
