namespace EncordSpec.Tests.Urls;

public class ObjectUrlParserTests
{
    [Theory]
    [InlineData("https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/1-Samsung-S4-Light+Environment/1+(32).jpg",
        ObjectUrlStyle.S3VirtualHosted, CloudProvider.S3, "cord-dev", "food-dataset/Apple/1-Samsung-S4-Light Environment/1 (32).jpg", "eu-west-2")]
    [InlineData("https://s3.eu-west-2.amazonaws.com/cord-dev/a%2Bb+c.jpg", ObjectUrlStyle.S3Path, CloudProvider.S3, "cord-dev", "a+b c.jpg", "eu-west-2")]
    [InlineData("S3://cord-dev/raw key+plus.jpg", ObjectUrlStyle.S3Uri, CloudProvider.S3, "cord-dev", "raw key+plus.jpg", null)]
    [InlineData("https://my.dotted.bucket.s3.us-east-1.amazonaws.com/k.jpg", ObjectUrlStyle.S3VirtualHosted, CloudProvider.S3, "my.dotted.bucket", "k.jpg", "us-east-1")]
    [InlineData("https://cord-dev.s3.amazonaws.com/k.jpg", ObjectUrlStyle.S3Legacy, CloudProvider.S3, "cord-dev", "k.jpg", null)]
    [InlineData("https://cord-dev.s3-eu-west-1.amazonaws.com/k.jpg", ObjectUrlStyle.S3Legacy, CloudProvider.S3, "cord-dev", "k.jpg", "eu-west-1")]
    [InlineData("https://s3.amazonaws.com/cord-dev/k.jpg", ObjectUrlStyle.S3Legacy, CloudProvider.S3, "cord-dev", "k.jpg", null)]
    [InlineData("https://myaccount.blob.core.windows.net/mycontainer/myblobs/my%20blob+1.jpg", ObjectUrlStyle.AzureBlob, CloudProvider.Azure, "mycontainer", "myblobs/my blob+1.jpg", null)]
    [InlineData("https://myaccount.blob.core.windows.net/myblob", ObjectUrlStyle.AzureBlob, CloudProvider.Azure, "", "myblob", null)]
    [InlineData("gs://example-url/object.mp4", ObjectUrlStyle.GsUri, CloudProvider.GCS, "example-url", "object.mp4", null)]
    [InlineData("https://storage.cloud.google.com/example-image-bucket/object_1.jpg", ObjectUrlStyle.GcsHttps, CloudProvider.GCS, "example-image-bucket", "object_1.jpg", null)]
    [InlineData("https://storage.googleapis.com/b/a+b.jpg", ObjectUrlStyle.GcsHttps, CloudProvider.GCS, "b", "a+b.jpg", null)]
    [InlineData("https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-0", ObjectUrlStyle.OtcVirtualHosted, CloudProvider.OTC, "bucket-name", "dicom-file-0", "eu-de")]
    // The style is an object: xunit theories are public, and ObjectUrlStyle is internal to the module.
    public void Recognises_the_page_s_url_forms(string url, object style, CloudProvider provider, string bucket, string key, string? region)
    {
        var parsed = ObjectUrlParser.Parse(url);
        Assert.Equal((ObjectUrlStyle)style, parsed.Style);
        Assert.Equal(provider, parsed.Provider);
        Assert.Equal(bucket, parsed.Bucket);
        Assert.Equal(key, parsed.Key);
        Assert.Equal(region, parsed.Region);
    }

    [Theory]
    [InlineData("https://minio.example.com:9000/bucket/a%20b.jpg", ObjectUrlStyle.OtherHttps)]
    [InlineData("<object url>", ObjectUrlStyle.Unrecognized)]
    [InlineData("ftp://host/a.jpg", ObjectUrlStyle.Unrecognized)]
    [InlineData("s3:///no-bucket.jpg", ObjectUrlStyle.Unrecognized)]
    [InlineData("", ObjectUrlStyle.Unrecognized)]
    public void Tells_other_hosts_and_non_urls_apart(string url, object style)
    {
        Assert.Equal((ObjectUrlStyle)style, ObjectUrlParser.Parse(url).Style);
    }

    [Theory]
    [InlineData("caf%C3%A9", false, "café")]
    [InlineData("a+b", false, "a+b")]
    [InlineData("a+b%2B", true, "a b+")]
    [InlineData("bad%zzescape%", false, "bad%zzescape%")]
    [InlineData("%E6%97%A5%E6%9C%AC", false, "日本")]
    public void Percent_decodes_as_utf8(string encoded, bool plusIsSpace, string expected)
    {
        Assert.Equal(expected, ObjectUrlParser.PercentDecode(encoded, plusIsSpace));
    }
}
