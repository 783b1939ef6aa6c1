namespace EncordSpec.Tests.Urls;

public class SignedUrlDetectorTests
{
    [Theory]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc", "X-Amz-Signature")]
    [InlineData("https://a.blob.core.windows.net/c/b.jpg?sv=1&SIG=x", "SIG")]
    [InlineData("https://a.blob.core.windows.net/c/b.jpg?se=2030-01-01", "se")]
    [InlineData("https://storage.googleapis.com/b/o.png?GoogleAccessId=x&Signature=y", "GoogleAccessId")]
    [InlineData("https://b.s3.amazonaws.com?X-Amz-Signature=abc", "X-Amz-Signature")]
    [InlineData("https://a.blob.core.windows.net/c/b.jpg?sv=2024&%73ig=x", "%73ig")] // a server decodes names first
    [InlineData("https://b.s3.amazonaws.com/a.jpg?X-Amz-%53ignature=abc", "X-Amz-%53ignature")]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?%zz=1&versionId=3", null)]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?versionId=3", null)]
    [InlineData("https://b.s3.amazonaws.com/a.jpg#sig=1", null)]
    [InlineData("s3://bucket/odd?sig=name.jpg", null)]
    public void Signed_urls_are_recognised_by_their_query(string url, string? parameter)
    {
        Assert.Equal(parameter, SignedUrlDetector.FindSigningParameter(url));
    }

    [Fact]
    public void Signed_url_shown_without_query()
    {
        Assert.Equal("https://b.s3.amazonaws.com/a.jpg", SignedUrlDetector.WithoutQuery("https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc"));
        Assert.Equal("https://b.s3.amazonaws.com/a.jpg", SignedUrlDetector.WithoutQuery("https://b.s3.amazonaws.com/a.jpg#part?sig=1"));
        Assert.Equal("s3://b/a?b", SignedUrlDetector.WithoutQuery("s3://b/a?b"));
    }

    [Theory]
    [InlineData("https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc", "https://b.s3.amazonaws.com/a.jpg?...")]
    [InlineData("https://b.s3.amazonaws.com/a.jpg", "https://b.s3.amazonaws.com/a.jpg")]
    [InlineData("s3://bucket/odd?sig=name.jpg", "s3://bucket/odd?sig=name.jpg")]
    [InlineData("https://KEY:PASS@minio.example.com/b/a.jpg", "https://***@minio.example.com/b/a.jpg")]
    [InlineData("https://KEY:P@SS@minio.example.com:9000/b/a.jpg?sig=1", "https://***@minio.example.com:9000/b/a.jpg?...")]
    [InlineData("https://minio.example.com/b/user@example.com.jpg", "https://minio.example.com/b/user@example.com.jpg")]
    [InlineData("s3://bucket/user:pass@a.jpg", "s3://bucket/user:pass@a.jpg")]
    public void Messages_quote_an_http_url_without_its_query_or_user_info(string url, string shown)
    {
        Assert.Equal(shown, SignedUrlDetector.QueryHidden(url));
    }
}
