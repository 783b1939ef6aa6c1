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
}
