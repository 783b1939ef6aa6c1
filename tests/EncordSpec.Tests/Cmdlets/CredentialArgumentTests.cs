using System.Management.Automation;
using Amazon.Runtime;
using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

public class CredentialArgumentTests
{
    private static PSCredential PsCredential(string user, string password)
    {
        var secret = new System.Security.SecureString();
        foreach (char c in password) secret.AppendChar(c);
        return new PSCredential(user, secret);
    }

    [Fact]
    public void A_PSCredential_is_an_access_key_pair_for_S3_and_an_account_and_key_for_Azure()
    {
        var s3 = new CloudListerOptions(CloudProvider.S3, "b");
        CredentialArgument.Apply(PsCredential("AKIAEXAMPLE", "secret/key"), s3);
        Assert.Equal(("AKIAEXAMPLE", "secret/key"), (s3.AccessKey, s3.SecretKey));

        var azure = new CloudListerOptions(CloudProvider.Azure, "c");
        CredentialArgument.Apply(new PSObject(PsCredential("account", "a2V5")), azure);
        Assert.Equal(("account", "a2V5"), (azure.StorageAccountName, azure.StorageAccountKey));
    }

    [Fact]
    public void AWSCredentials_give_their_keys_and_session_token()
    {
        var options = new CloudListerOptions(CloudProvider.OTC, "b");
        CredentialArgument.Apply(new SessionAWSCredentials("AKIA2", "secret2", "token2"), options);
        Assert.Equal(("AKIA2", "secret2", "token2"), (options.AccessKey, options.SecretKey, options.SessionToken));
        Assert.Contains("secret2", options.Secrets()); // so every message is scrubbed of it
    }

    [Fact]
    public void What_the_provider_cannot_use_is_refused_with_what_it_takes()
    {
        var gcs = Assert.Throws<ArgumentException>(() => CredentialArgument.Apply(new BasicAWSCredentials("a", "b"), new CloudListerOptions(CloudProvider.Azure, "c")));
        Assert.Contains("-Credential takes a PSCredential", gcs.Message);
        Assert.Contains("Az storage context", gcs.Message);
        Assert.Throws<ArgumentException>(() => CredentialArgument.Apply("AKIA", new CloudListerOptions(CloudProvider.S3, "b")));
    }
}
