namespace EncordSpec.Tests.Listing;

public class CloudObjectFilterTests
{
    private static CloudObject Object(string key) => new(CloudProvider.S3, "b", key);

    [Fact]
    public void Exclude_matches_the_file_name_in_every_folder_as_Get_ChildItem_does()
    {
        var filter = new CloudObjectFilter(null, new[] { "Thumbs.db" }, null);
        Assert.False(filter.Accepts(Object("camera1/Thumbs.db")));
        Assert.False(filter.Accepts(Object("Thumbs.db")));
        Assert.True(filter.Accepts(Object("camera1/1.jpg")));
        Assert.True(filter.Accepts(Object("Thumbs.db/1.jpg")));
    }

    [Fact]
    public void Include_matches_the_name_case_insensitively_so_a_folder_name_does_not_count()
    {
        var filter = new CloudObjectFilter(new[] { "*.JPG" }, null, null);
        Assert.True(filter.Accepts(Object("a/b/frame.jpg")));
        Assert.False(filter.Accepts(Object("a.jpg/notes.txt")));
    }

    [Fact]
    public void A_pattern_with_a_slash_matches_the_whole_key()
    {
        var filter = new CloudObjectFilter(new[] { "camera1/*" }, new[] { "camera1/old/*" }, null);
        Assert.True(filter.Accepts(Object("camera1/1.jpg")));
        Assert.False(filter.Accepts(Object("camera2/1.jpg")));
        Assert.False(filter.Accepts(Object("camera1/old/1.jpg")));
    }

    [Fact]
    public void Exclude_leaves_out_folders_by_their_name_or_whole_prefix()
    {
        Assert.False(new CloudObjectFilter(null, new[] { "old" }, null).AcceptsPrefix("camera1/old/"));
        Assert.True(new CloudObjectFilter(null, new[] { "old" }, null).AcceptsPrefix("camera1/new/"));
        Assert.False(new CloudObjectFilter(null, new[] { "camera1/*" }, null).AcceptsPrefix("camera1/old/"));
        Assert.True(new CloudObjectFilter(new[] { "*.jpg" }, null, null).AcceptsPrefix("camera1/"));
    }
}
