namespace EncordSpec.Tests.Urls;

public class ObjectUrlBuilderTests
{
    private static string Build(ObjectUrlBuilder builder, string key)
    {
        Assert.True(builder.TryBuild(key, out string url, out string? problem), problem);
        return url;
    }

    [Fact]
    public void S3_virtual_hosted_urls_are_the_page_s_example_urls()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "cord-dev", "eu-west-2", null);
        Assert.Equal("https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/1-Samsung-S4-Light+Environment/1+(32).jpg",
            Build(builder, "food-dataset/Apple/1-Samsung-S4-Light Environment/1 (32).jpg"));
        Assert.Equal("https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png", Build(builder, "Image1.png"));
        Assert.Equal(CloudUrlStyle.VirtualHosted, builder.Style);
        Assert.Null(builder.Warning);
    }

    [Fact]
    public void Every_S3_example_url_of_the_page_is_rebuilt_from_its_key()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "cord-dev", "eu-west-2", CloudUrlStyle.VirtualHosted);
        var pageUrls = PageExampleUrls("s3-example.json");
        Assert.Equal(14, pageUrls.Count); // 2 images, 2 videos, 3 image groups of 4, 4 and 2
        foreach (string url in pageUrls)
        {
            var parsed = ObjectUrlParser.Parse(url);
            Assert.Equal(url, Build(builder, parsed.Key!));
        }
    }

    [Fact]
    public void S3_console_encoding_writes_space_as_plus_and_plus_as_percent_2B()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "b", "us-east-1", CloudUrlStyle.Path);
        Assert.Equal("https://s3.us-east-1.amazonaws.com/b/a+b%2Bc%25d%23e%3F%C3%A9/(x)!*~'.jpg", Build(builder, "a b+c%d#e?é/(x)!*~'.jpg"));
        Assert.Equal("https://s3.us-east-1.amazonaws.com/b/%C3%A9", Build(builder, "é"));
    }

    [Fact]
    public void China_regions_use_their_own_domain()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "b", "cn-north-1", null);
        Assert.Equal("https://b.s3.cn-north-1.amazonaws.com.cn/k.jpg", Build(builder, "k.jpg"));
    }

    [Theory]
    [InlineData("my.dotted.bucket", "contains dots")]
    [InlineData("Legacy_Bucket", "contains 'L'")]
    public void Buckets_virtual_hosted_https_cannot_serve_fall_back_to_path_style_with_a_warning(string bucket, string reason)
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, bucket, "eu-west-2", CloudUrlStyle.VirtualHosted);
        Assert.Equal(CloudUrlStyle.Path, builder.Style);
        Assert.Contains(reason, builder.Warning);
        Assert.Contains(bucket, builder.Warning);
        Assert.Equal($"https://s3.eu-west-2.amazonaws.com/{bucket}/a+b.jpg", Build(builder, "a b.jpg"));
    }

    [Fact]
    public void S3_uri_keeps_the_key_as_stored_and_refuses_whitespace_naming_the_style_that_works()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "b", null, CloudUrlStyle.S3Uri);
        Assert.Equal("s3://b/a+b%c#d.jpg", Build(builder, "a+b%c#d.jpg"));

        Assert.False(builder.TryBuild("dir/a b.jpg", out _, out string? problem));
        Assert.Contains("'dir/a b.jpg'", problem);
        Assert.Contains("s3://", problem);
        Assert.Contains("-UrlStyle VirtualHosted", problem);
    }

    [Fact]
    public void Azure_urls_are_percent_encoded_per_segment_with_the_account_host()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.Azure, "mycontainer", null, null, accountName: "myaccount");
        Assert.Equal("https://myaccount.blob.core.windows.net/mycontainer/myblobs/myblob.jpg", Build(builder, "myblobs/myblob.jpg"));
        Assert.Equal("https://myaccount.blob.core.windows.net/mycontainer/a%20b%2Bc%28%29%23%3F%25/%C3%A9.jpg", Build(builder, "a b+c()#?%/é.jpg"));
        Assert.Equal(CloudUrlStyle.Https, builder.Style);
    }

    [Fact]
    public void Azure_needs_an_account_and_has_one_form()
    {
        Assert.Throws<ArgumentException>(() => new ObjectUrlBuilder(CloudProvider.Azure, "c", null, null));
        var wrongStyle = Assert.Throws<ArgumentException>(() => new ObjectUrlBuilder(CloudProvider.Azure, "c", null, CloudUrlStyle.S3Uri, accountName: "acct"));
        Assert.Contains("Https", wrongStyle.Message);
    }

    [Fact]
    public void GCS_defaults_to_gs_uris_and_has_an_https_form()
    {
        var gs = new ObjectUrlBuilder(CloudProvider.GCS, "example-url", null, null);
        Assert.Equal("gs://example-url/object.mp4", Build(gs, "object.mp4"));
        Assert.False(gs.TryBuild("a b.mp4", out _, out string? problem));
        Assert.Contains("-UrlStyle Https", problem);

        var https = new ObjectUrlBuilder(CloudProvider.GCS, "example-image-bucket", null, CloudUrlStyle.Https);
        Assert.Equal("https://storage.cloud.google.com/example-image-bucket/object_1.jpg", Build(https, "object_1.jpg"));
        Assert.Equal("https://storage.cloud.google.com/example-image-bucket/a%20b%2B.jpg", Build(https, "a b+.jpg"));
    }

    [Fact]
    public void OTC_urls_are_virtual_hosted_at_the_region_s_OBS_host()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.OTC, "bucket-name", "eu-de", null);
        Assert.Equal("https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-0", Build(builder, "dicom-file-0"));
        Assert.Equal("https://bucket-name.obs.eu-de.otc.t-systems.com/a+b%2B.dcm", Build(builder, "a b+.dcm"));
        Assert.Throws<ArgumentException>(() => new ObjectUrlBuilder(CloudProvider.OTC, "bucket-name", null, null));
    }

    [Fact]
    public void ObjectUrlBase_replaces_everything_before_the_key()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "media", "eu-west-2", null, "https://minio.example.com/media");
        Assert.Null(builder.Style);
        Assert.Equal("https://minio.example.com/media/a%20b%2B.jpg", Build(builder, "a b+.jpg"));
    }

    [Theory]
    [InlineData("https://minio.example.com/media?X-Amz-Signature=abc")]
    [InlineData("https://user:pass@minio.example.com/media/")]
    [InlineData("ftp://minio.example.com/media/")]
    [InlineData("minio.example.com/media/")]
    public void ObjectUrlBase_may_carry_no_credentials_or_signatures(string objectUrlBase) =>
        Assert.Throws<ArgumentException>(() => new ObjectUrlBuilder(CloudProvider.S3, "media", "eu-west-2", null, objectUrlBase));

    [Fact]
    public void A_regionless_https_S3_url_cannot_be_built() =>
        Assert.Contains("-Region", Assert.Throws<ArgumentException>(() => new ObjectUrlBuilder(CloudProvider.S3, "b", null, null)).Message);

    [Fact]
    public void Dot_segments_are_refused_in_https_forms_and_the_raw_uri_is_suggested()
    {
        var s3 = new ObjectUrlBuilder(CloudProvider.S3, "b", "eu-west-2", null);
        Assert.False(s3.TryBuild("a/../b.jpg", out _, out string? problem));
        Assert.Contains("'..'", problem);
        Assert.Contains("-UrlStyle S3Uri", problem);
        Assert.Equal("s3://b/a/../b.jpg", Build(new ObjectUrlBuilder(CloudProvider.S3, "b", null, CloudUrlStyle.S3Uri), "a/../b.jpg"));

        var azure = new ObjectUrlBuilder(CloudProvider.Azure, "c", null, null, accountName: "acct");
        Assert.False(azure.TryBuild("./x.jpg", out _, out problem));
        Assert.Contains("No URL style can carry this key", problem);
    }

    [Fact]
    public void A_key_with_both_whitespace_and_a_dot_segment_has_no_style()
    {
        var raw = new ObjectUrlBuilder(CloudProvider.GCS, "b", null, CloudUrlStyle.GsUri);
        Assert.False(raw.TryBuild("a b/../c.jpg", out _, out string? problem));
        Assert.Contains("No other URL style can carry this key", problem);
    }

    [Fact]
    public void Empty_and_malformed_keys_have_no_url()
    {
        var builder = new ObjectUrlBuilder(CloudProvider.S3, "b", "eu-west-2", null);
        Assert.False(builder.TryBuild("", out _, out _));
        Assert.False(builder.TryBuild("bad\uD800half.jpg", out _, out string? problem));
        Assert.Contains("surrogate", problem);
    }

    public static TheoryData<CloudProvider, CloudUrlStyle?> EveryForm => new()
    {
        { CloudProvider.S3, CloudUrlStyle.VirtualHosted },
        { CloudProvider.S3, CloudUrlStyle.Path },
        { CloudProvider.S3, CloudUrlStyle.S3Uri },
        { CloudProvider.Azure, null },
        { CloudProvider.GCS, CloudUrlStyle.GsUri },
        { CloudProvider.GCS, CloudUrlStyle.Https },
        { CloudProvider.OTC, null },
    };

    /// <summary>Keys of the integration seed plus characters that have tripped URL encoders elsewhere.</summary>
    private static readonly string[] AwkwardKeys =
    {
        "food-dataset/Apple/1-Samsung-S4-Light Environment/1 (32).jpg", "plus+sign+.png", "percent%20literal%2F%.jpg",
        "hash#frag.jpg", "paren(1) (2).jpg", "café-é.jpg", "日本/日本語 ファイル.png", "mix +%#()é日本 end.mp4",
        "sub dir/nested + file.jpg", "other&q?=~'*:!$@,;.jpg", "emoji 😀.png", "tab\there.jpg", "/leading-slash.jpg",
        "double//slash.jpg", "trailing.dot.", "ctrl\u0001char.jpg", "nbsp\u00A0x.jpg", "%2B%20.jpg", "a+b+c",
    };

    [Theory]
    [MemberData(nameof(EveryForm))]
    public void Built_urls_parse_back_to_the_same_bucket_and_key(CloudProvider provider, CloudUrlStyle? style)
    {
        var builder = new ObjectUrlBuilder(provider, provider == CloudProvider.Azure ? "container" : "my-bucket",
            provider == CloudProvider.OTC ? "eu-de" : "eu-west-2", style, accountName: "account1");
        bool raw = style is CloudUrlStyle.S3Uri or CloudUrlStyle.GsUri;
        foreach (string key in AwkwardKeys)
        {
            // Raw URIs cannot carry whitespace or control characters; every https form carries all of these keys.
            bool carriable = !raw || key.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c));
            Assert.Equal(carriable, builder.TryBuild(key, out string url, out _));
            if (!carriable)
                continue;
            var parsed = ObjectUrlParser.Parse(url);
            Assert.Equal(provider == CloudProvider.OTC ? CloudProvider.OTC : provider, parsed.Provider);
            Assert.Equal(builder.Bucket, parsed.Bucket);
            Assert.Equal(key, parsed.Key);
            Assert.Equal(-1, SpecItemRules.IndexOfWhitespace(url));
            Assert.DoesNotContain("?", url.Substring(url.IndexOf("://", StringComparison.Ordinal) + 3).Split('/')[0]);
        }
    }

    [Fact]
    public void The_same_object_always_yields_the_same_url()
    {
        // The platform de-duplicates by exact URL: two builders, two runs, one string.
        const string key = "food-dataset/Apple/2-samsung-S4-Dark Environment/2 (35).jpg";
        string first = Build(new ObjectUrlBuilder(CloudProvider.S3, "cord-dev", "eu-west-2", null), key);
        string second = Build(new ObjectUrlBuilder(CloudProvider.S3, "cord-dev", "eu-west-2", CloudUrlStyle.VirtualHosted), key);
        Assert.Equal(first, second);
        Assert.Equal("https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/2-samsung-S4-Dark+Environment/2+(35).jpg", first);
    }

    private static List<string> PageExampleUrls(string file)
    {
        var urls = new List<string>();
        using var document = System.Text.Json.JsonDocument.Parse(TestData.PageExample(file));
        void Walk(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name.StartsWith("objectUrl", StringComparison.Ordinal))
                            urls.Add(property.Value.GetString()!);
                        else
                            Walk(property.Value);
                    }
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Walk(item);
                    break;
            }
        }
        Walk(document.RootElement);
        return urls;
    }
}
