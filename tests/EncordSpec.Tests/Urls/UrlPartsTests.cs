namespace EncordSpec.Tests.Urls;

public class UrlPartsTests
{
    [Theory]
    // scheme, authority, host, path, query, fragment; null: the part is absent
    [InlineData("https://user@Host.example.com:8443/a/b.jpg?x=1&y=2#top", "https", "user@Host.example.com:8443", "Host.example.com", "a/b.jpg", "x=1&y=2", "top")]
    [InlineData("HTTP://h/a%20b.jpg", "HTTP", "h", "h", "a%20b.jpg", null, null)]
    [InlineData("https://[::1]:9000/bucket/k.jpg", "https", "[::1]:9000", "[::1]", "bucket/k.jpg", null, null)]
    [InlineData("https://h/a.jpg#part?sig=1", "https", "h", "h", "a.jpg", null, "part?sig=1")]
    [InlineData("https://h/a.jpg?", "https", "h", "h", "a.jpg", "", null)]
    [InlineData("https://b.s3.amazonaws.com?X-Amz-Signature=abc", "https", "b.s3.amazonaws.com", "b.s3.amazonaws.com", "", "X-Amz-Signature=abc", null)]
    [InlineData("https://h", "https", "h", "h", "", null, null)]
    public void Cuts_http_urls_at_the_first_slash_question_mark_and_hash(string url, string scheme, string authority, string host,
        string path, string? query, string? fragment)
    {
        var parts = UrlParts.Of(url);

        Assert.True(parts.HasScheme);
        Assert.True(parts.IsHttp);
        Assert.Equal(scheme, parts.Scheme.ToString());
        Assert.Equal(authority, parts.Authority.ToString());
        Assert.Equal(host, parts.Host.ToString());
        Assert.Equal(path, parts.Path.ToString());
        Assert.Equal(query is not null, parts.HasQuery);
        Assert.Equal(query ?? "", parts.Query.ToString());
        Assert.Equal(fragment is not null, parts.HasFragment);
        Assert.Equal(fragment ?? "", parts.Fragment.ToString());
    }

    [Theory]
    [InlineData("s3://bucket/a?b#c.jpg", "s3", "bucket", "a?b#c.jpg")]
    [InlineData("gs://bucket/raw key+plus.jpg", "gs", "bucket", "raw key+plus.jpg")]
    [InlineData("gs://bucket", "gs", "bucket", "")]
    [InlineData("s3:///no-bucket.jpg", "s3", "", "no-bucket.jpg")]
    [InlineData("ftp://host/a?b.jpg", "ftp", "host", "a?b.jpg")]
    public void Keeps_everything_after_the_bucket_of_other_schemes_as_the_path(string url, string scheme, string authority, string path)
    {
        var parts = UrlParts.Of(url);

        Assert.True(parts.HasScheme);
        Assert.False(parts.IsHttp);
        Assert.Equal(scheme, parts.Scheme.ToString());
        Assert.Equal(authority, parts.Authority.ToString());
        Assert.Equal(path, parts.Path.ToString());
        Assert.False(parts.HasQuery);
        Assert.False(parts.HasFragment);
    }

    [Theory]
    [InlineData("folder/file.png")]
    [InlineData("photos/x://y.jpg")] // "photos/x" is no scheme: a key may contain "://"
    [InlineData("://host/a.jpg")]
    [InlineData("1a://host/a.jpg")]
    [InlineData("a?b#c")]
    [InlineData("")]
    public void Text_without_a_scheme_is_all_path(string text)
    {
        var parts = UrlParts.Of(text);

        Assert.False(parts.HasScheme);
        Assert.Equal(0, parts.AuthorityEnd);
        Assert.Equal("", parts.Authority.ToString());
        Assert.Equal(text, parts.Path.ToString());
        Assert.False(parts.HasQuery);
    }

    [Fact]
    public void Positions_let_callers_cut_the_url_without_copying_its_parts()
    {
        const string url = "https://h:1/a/b.jpg?x#y";
        var parts = UrlParts.Of(url);

        Assert.Equal("https://h:1", url.Substring(0, parts.AuthorityEnd));
        Assert.Equal("https://h:1/", url.Substring(0, parts.PathStart));
        Assert.Equal("https://h:1/a/b.jpg", url.Substring(0, parts.PathEnd));
    }
}
