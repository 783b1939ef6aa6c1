namespace EncordSpec.Tests.Listing;

public class SecretScrubberTests
{
    [Fact]
    public void Given_secrets_and_signature_like_url_parts_are_masked()
    {
        var scrubber = new SecretScrubber(new[] { "wJalrXUtnFEMI/K7MDENG", "abc", "AccountKey=xyz123==" });
        string text = scrubber.Scrub(
            "key wJalrXUtnFEMI/K7MDENG in https://a.blob.core.windows.net/c?sv=2020&sig=Zm9vYmFy%3D&se=1 and DefaultEndpointsProtocol=https;AccountKey=xyz123==;");

        Assert.DoesNotContain("wJalrXUtnFEMI", text);
        Assert.DoesNotContain("Zm9vYmFy", text);
        Assert.DoesNotContain("xyz123", text);
        Assert.Contains("sig=***", text);
        Assert.Contains("sv=2020", text);
    }

    [Fact]
    public void Short_values_are_not_treated_as_secrets_so_ordinary_words_survive()
    {
        var scrubber = new SecretScrubber(new[] { "abc" });
        Assert.Equal("abc def", scrubber.Scrub("abc def"));
        Assert.Equal("", scrubber.Scrub(null));
    }

    [Fact]
    public void Options_name_every_secret_parameter_for_scrubbing()
    {
        var options = new CloudListerOptions(CloudProvider.Azure, "c")
        {
            SecretKey = "secret-key", SessionToken = "session-token", SasToken = "sas-token",
            StorageAccountKey = "account-key", ConnectionString = "connection-string", AccessKey = "AKIDNOTSECRET",
        };
        Assert.Equal(new[] { "secret-key", "session-token", "sas-token", "account-key", "connection-string" }, options.Secrets());
        Assert.DoesNotContain("secret", options.ToString());
    }

    [Theory]
    [InlineData("http://AKIDFAKEKEY:FAKEPASSWORD123@127.0.0.1:9000/path", "http://127.0.0.1:9000/path")]
    [InlineData("https://acct.blob.core.windows.net/?sv=2024-01-01&ss=b&sig=FAKESIGNATURE%3D", "https://acct.blob.core.windows.net/?sv=***&ss=***&sig=***")]
    [InlineData("https://s3.example.com", "https://s3.example.com/")]
    public void An_endpoint_is_shown_without_user_info_and_query_values(string endpoint, string shown)
    {
        Assert.Equal(shown, SecretScrubber.EndpointForDisplay(endpoint));
    }

    [Fact]
    public void The_secrets_an_endpoint_carries_are_scrubbed_wherever_they_appear()
    {
        var options = new CloudListerOptions(CloudProvider.S3, "b") { EndpointUrl = "http://AKIDFAKEKEY:FAKE%2FPASSWORD@host/?sv=2024&%73ig=FAKESIGVALUE" };
        var scrubber = new SecretScrubber(options.Secrets());
        string text = scrubber.Scrub("failed at http://AKIDFAKEKEY:FAKE%2FPASSWORD@host/ with FAKE/PASSWORD and FAKESIGVALUE");
        Assert.DoesNotContain("FAKE%2FPASSWORD", text);
        Assert.DoesNotContain("FAKE/PASSWORD", text);
        Assert.DoesNotContain("AKIDFAKEKEY", text);
        Assert.DoesNotContain("FAKESIGVALUE", text);
    }

    [Fact]
    public void User_info_in_any_url_and_quoted_credential_lines_are_masked()
    {
        var scrubber = new SecretScrubber(Array.Empty<string>());
        string text = scrubber.Scrub("Invalid URI: ftp://user:pass-word-9@example.com/x; " +
            "Line 3:<aws_secret_access_key: FAKESECRETVALUE\n> is not a valid line; credential_process said aws_session_token=FAKETOKEN9");
        Assert.DoesNotContain("pass-word-9", text);
        Assert.DoesNotContain("FAKESECRETVALUE", text);
        Assert.DoesNotContain("FAKETOKEN9", text);
        Assert.Contains("Line 3", text);
    }
}
