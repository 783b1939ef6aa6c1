using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

public class AwsProfileNamesTests
{
    [Fact]
    public void Config_profiles_and_credentials_sections_are_names_and_sso_sessions_are_not()
    {
        string config = "[default]\nregion = eu-west-2\n[profile minio]\nendpoint_url = x\n[sso-session corp]\n  [profile  data team ]  \r\n[services s3]\n";
        string credentials = "[default]\naws_access_key_id = AKIA\n[backup]\n# [commented]\n";
        Assert.Equal(new[] { "default", "minio", "data team", "backup" }, AwsProfileNames.Parse(config, credentials));
    }

    [Fact]
    public void No_files_give_no_names()
    {
        Assert.Empty(AwsProfileNames.Parse("", ""));
    }
}
