using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

public class ProviderParametersTests
{
    [Fact]
    public void A_parameter_of_another_provider_is_named_with_its_provider_and_what_to_use_instead()
    {
        string? message = ProviderParameters.Misplaced(CloudProvider.S3, new[] { "Bucket", "SasToken" });
        Assert.Equal("-SasToken is for Azure, not S3: the listing would ignore it and use whatever credentials S3's own chain finds. " +
                     "For S3, use -ProfileName, -AccessKey, -SecretKey, -SessionToken, -Credential, or none of them for the default credentials.", message);
        Assert.StartsWith("-CredentialFile is for GCS, not OTC", ProviderParameters.Misplaced(CloudProvider.OTC, new[] { "CredentialFile" }));
        Assert.StartsWith("-Region is for S3 and OTC, not Azure", ProviderParameters.Misplaced(CloudProvider.Azure, new[] { "Region" }));
    }

    [Fact]
    public void The_providers_own_and_common_parameters_pass()
    {
        Assert.Null(ProviderParameters.Misplaced(CloudProvider.Azure, new[] { "Bucket", "StorageAccountName", "SasToken", "EndpointUrl", "Credential" }));
        Assert.Null(ProviderParameters.Misplaced(CloudProvider.GCS, new[] { "CredentialFile", "UrlStyle", "Prefix" }));
    }
}
