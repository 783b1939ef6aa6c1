namespace EncordSpec.Tests.Grouping;

public class GroupingTests
{
    private static ObjectUrlInput Input(object value) => ObjectUrlInput.From(value)!;

    [Theory]
    [InlineData("https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/1-Samsung-S4-Light+Environment/1+(32).jpg",
        "1-Samsung-S4-Light Environment", "food-dataset/Apple/1-Samsung-S4-Light Environment")]
    [InlineData("https://myaccount.blob.core.windows.net/mycontainer/my%20blobs/myblob1.jpg", "my blobs", "my blobs")]
    [InlineData("https://storage.cloud.google.com/example-image-bucket/a+b/object_1.jpg", "a+b", "a+b")]
    [InlineData("gs://bucket/x/y z/1.jpg", "y z", "x/y z")]
    [InlineData("s3://bucket/root.jpg", "bucket", "bucket")]
    [InlineData("https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png", "cord-dev", "cord-dev")]
    public void Names_a_folder_by_its_decoded_own_name(string url, string name, string path)
    {
        var folder = FolderGroupKey.Of(Input(url));
        Assert.Equal(name, folder.Name);
        Assert.Equal(path, folder.Path);
    }

    [Fact]
    public void Prefers_the_key_and_bucket_a_listing_gives()
    {
        var cloudObject = new System.Management.Automation.PSObject();
        cloudObject.Properties.Add(new System.Management.Automation.PSNoteProperty("ObjectUrl", "https://minio.local/b/odd%2Fname/1.jpg"));
        cloudObject.Properties.Add(new System.Management.Automation.PSNoteProperty("Key", "series one/1.jpg"));
        cloudObject.Properties.Add(new System.Management.Automation.PSNoteProperty("Bucket", "b"));
        Assert.Equal("series one", FolderGroupKey.Of(Input(cloudObject)).Name);
    }

    [Fact]
    public void Tells_same_named_folders_of_different_buckets_apart()
    {
        Assert.NotEqual(FolderKey("gs://one/x/1.jpg"), FolderKey("gs://two/x/1.jpg"));
        Assert.NotEqual(FolderKey("gs://one/1.jpg"), FolderKey("gs://two/1.jpg"));
    }

    private static string FolderKey(string url)
    {
        Assert.True(new FolderGrouping("").TryGetKey(Input(url), out string key, out _));
        return key;
    }

    [Fact]
    public void Hands_out_each_title_once()
    {
        var titles = new UniqueTitles();
        Assert.Equal("series1", titles.Reserve("series1", "p1/series1"));
        Assert.Equal("p2/series1", titles.Reserve("series1", "p2/series1"));
        Assert.Equal("p2/series1 (2)", titles.Reserve("series1", "p2/series1"));
    }

    [Fact]
    public void Keeps_groups_in_arrival_order_and_urls_once()
    {
        var collector = new GroupCollector();
        var b = collector.Open("b", "B");
        var a = collector.Open("a", "A");
        Assert.True(collector.TryGetOpen("b", out var found));
        Assert.Same(b, found);
        Assert.True(b.TryAdd("gs://x/frame10.jpg"));
        Assert.True(b.TryAdd("gs://x/frame2.jpg"));
        Assert.False(b.TryAdd("gs://x/frame2.jpg"));
        Assert.Same(b, collector.Oldest);
        Assert.Equal(new[] { "gs://x/frame2.jpg", "gs://x/frame10.jpg" }, b.OrderedUrls(naturalSort: true));
        Assert.Equal(new[] { "gs://x/frame10.jpg", "gs://x/frame2.jpg" }, b.OrderedUrls(naturalSort: false));
        Assert.Equal(0, a.Count);
        collector.Release(b);
        Assert.Same(a, collector.Oldest);
    }
}
