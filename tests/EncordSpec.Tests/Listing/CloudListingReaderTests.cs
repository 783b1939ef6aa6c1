namespace EncordSpec.Tests.Listing;

public class CloudListingReaderTests
{
    private static readonly ObjectUrlBuilder S3Urls = new(CloudProvider.S3, "b", "eu-west-2", null);

    private static CloudObject Object(string key, long size = 10, string? contentType = null) =>
        new(CloudProvider.S3, "b", key) { Size = size, ContentType = contentType };

    private static CloudListingPage Page(CloudObject[] objects, params string[] prefixes) => new(objects, prefixes, null);

    [Fact]
    public void Objects_get_their_url_DataType_and_name_and_folder_placeholders_are_skipped()
    {
        var reader = new CloudListingReader(S3Urls, new CloudObjectFilter(null, null, null), null);
        var items = reader.Read(Page(new[] { Object("photos/", 0), Object("photos/a b.jpg"), Object("photos/clip.mp4"), Object("photos/notes.txt") })).ToList();

        Assert.Equal(new[] { "photos/a b.jpg", "photos/clip.mp4", "photos/notes.txt" }, items.Cast<CloudObject>().Select(o => o.Key));
        var image = (CloudObject)items[0];
        Assert.Equal("https://b.s3.eu-west-2.amazonaws.com/photos/a+b.jpg", image.ObjectUrl);
        Assert.Equal("a b.jpg", image.Name);
        Assert.Equal(DataType.Image, image.DataType);
        Assert.Equal(DataType.Video, ((CloudObject)items[1]).DataType);
        Assert.Equal(DataType.Text, ((CloudObject)items[2]).DataType); // listed as Text; written only where asked
    }

    [Fact]
    public void A_zero_byte_file_is_not_a_placeholder_and_a_folder_key_with_content_is_kept()
    {
        var reader = new CloudListingReader(S3Urls, new CloudObjectFilter(null, null, null), null);
        var keys = reader.Read(Page(new[] { Object("empty.jpg", 0), Object("odd/", 5) })).Cast<CloudObject>().Select(o => o.Key);
        Assert.Equal(new[] { "empty.jpg", "odd/" }, keys);
    }

    [Fact]
    public void The_content_type_decides_only_when_the_extension_says_nothing()
    {
        Assert.Equal(DataType.Dicom, CloudListingReader.Classify(Object("series/1.2.840.10008", contentType: "application/dicom")));
        Assert.Equal(DataType.Image, CloudListingReader.Classify(Object("scan", contentType: "image/png")));
        Assert.Equal(DataType.Video, CloudListingReader.Classify(Object("clip.mp4", contentType: "application/octet-stream")));
        Assert.Equal(DataType.Unsupported, CloudListingReader.Classify(Object("blob", contentType: null)));
    }

    [Fact]
    public void Prefixes_and_objects_come_out_in_key_order_and_each_prefix_once()
    {
        var reader = new CloudListingReader(S3Urls, new CloudObjectFilter(null, null, null), "/");
        var first = reader.Read(Page(new[] { Object("a.jpg"), Object("c.jpg") }, "b/", "d/")).ToList();
        // GCS repeats every prefix on every page.
        var second = reader.Read(Page(new[] { Object("e.jpg") }, "b/", "d/", "f/")).ToList();

        Assert.Equal(new[] { "a.jpg", "b/", "c.jpg", "d/", "e.jpg", "f/" },
            first.Concat(second).Select(i => i is CloudPrefix p ? p.Prefix : ((CloudObject)i).Key));
        var prefix = (CloudPrefix)first[1];
        Assert.Equal("b", prefix.Name);
        Assert.Equal("b", prefix.Bucket);
        Assert.Equal(CloudProvider.S3, prefix.Provider);
    }

    [Fact]
    public void Include_Exclude_and_DataType_filter_objects_but_Exclude_alone_filters_prefixes()
    {
        var filter = new CloudObjectFilter(new[] { "*.JPG", "*.mp4" }, new[] { "*skip*" }, new[] { DataType.Image });
        var reader = new CloudListingReader(S3Urls, filter, "/");
        var items = reader.Read(Page(new[] { Object("a.jpg"), Object("b.mp4"), Object("c.png"), Object("skip-me.jpg") }, "keep/", "skip/")).ToList();

        Assert.Equal(new[] { "a.jpg", "keep/" }, items.Select(i => i is CloudPrefix p ? p.Prefix : ((CloudObject)i).Key));
        Assert.False(filter.IsEmpty);
        Assert.True(new CloudObjectFilter(null, Array.Empty<string>(), Array.Empty<DataType>()).IsEmpty);
    }

    [Fact]
    public void A_key_the_style_cannot_carry_becomes_an_unaddressable_object_not_a_broken_url()
    {
        var reader = new CloudListingReader(new ObjectUrlBuilder(CloudProvider.S3, "b", null, CloudUrlStyle.S3Uri),
            new CloudObjectFilter(null, null, null), null);
        var items = reader.Read(Page(new[] { Object("fine.jpg"), Object("not fine.jpg") })).ToList();

        Assert.Equal("s3://b/fine.jpg", ((CloudObject)items[0]).ObjectUrl);
        var problem = Assert.IsType<UnaddressableObject>(items[1]);
        Assert.Equal("not fine.jpg", problem.Object.Key);
        Assert.Contains("'not fine.jpg'", problem.Message);
        Assert.Equal("", problem.Object.ObjectUrl);
    }
}
