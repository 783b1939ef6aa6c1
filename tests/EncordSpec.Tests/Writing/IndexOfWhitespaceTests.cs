namespace EncordSpec.Tests.Writing;

/// <summary>Whitespace in object URLs, which the platform rejects.</summary>
public class IndexOfWhitespaceTests
{
    [Theory]
    [InlineData("", -1)]
    [InlineData("s3://bucket/a-long-key/without/any/whitespace/at/all.jpg", -1)]
    [InlineData("s3://bucket/a b.jpg", 13)]
    [InlineData("s3://bucket/a-long-key/with/a/tab/at/the/end.jpg\t", 48)]
    [InlineData("s3://bucket/\u00A0nbsp.jpg", 12)]        // no-break space
    [InlineData("s3://bucket/ideographic\u3000.jpg", 23)] // ideographic space
    [InlineData("s3://bucket/line\u2028.jpg", 16)]        // line separator
    [InlineData("s3://bucket/next\u0085line.jpg", 16)]    // next line
    [InlineData("s3://bucket/zero\u200Bwidth.jpg", -1)]   // zero-width space is not whitespace
    [InlineData("s3://bucket/caf\u00E9/\u00FC.jpg", -1)]  // letters above ASCII are not
    public void Index_of_the_first_whitespace_character(string url, int index)
    {
        Assert.Equal(index, SpecItemRules.IndexOfWhitespace(url));
    }
}
