using System.Management.Automation;
using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

/// <summary>An error's target shows in CategoryInfo, $Error's views and serialized records: a URL that carries a
/// signature or a password goes there as messages show it.</summary>
public class ErrorRecordsTests
{
    private static readonly ItemProblem Signed = new(RuleIds.ObjectUrlSigned, "The objectUrl 'https://a.blob.core.windows.net/c/a.jpg?...' is a signed URL.");

    [Theory]
    [InlineData("https://a.blob.core.windows.net/c/a.jpg?sv=2024&sig=FAKESIG0001", "https://a.blob.core.windows.net/c/a.jpg?...")]
    [InlineData("https://FAKEUSER0001:FAKEPASS0001@minio.example.com/b/a.jpg", "https://***@minio.example.com/b/a.jpg")]
    public void An_item_whose_url_carries_a_secret_is_the_target_as_messages_show_it(string url, string shown)
    {
        foreach (object target in new object[] { new EncordImage(url), url, PSObject.AsPSObject(url) })
        {
            var record = ErrorRecords.ForProblem(Signed, target);
            Assert.Equal(shown, record.TargetObject);
            Assert.DoesNotContain("FAKE", record.CategoryInfo.ToString());
        }
        Assert.Equal(shown, ErrorRecords.Terminating("CsvCannotExpress", "m", ErrorCategory.InvalidData, new EncordVideo(url)).TargetObject);
    }

    [Fact]
    public void Other_targets_stay_themselves()
    {
        var image = new EncordImage("https://b.s3.eu-west-2.amazonaws.com/a.jpg");
        Assert.Same(image, ErrorRecords.ForProblem(Signed, image).TargetObject);
        var group = new EncordImageGroup { Title = "g" };
        Assert.Same(group, ErrorRecords.ForProblem(Signed, group).TargetObject);
        Assert.Equal("/specs/a.json", ErrorRecords.ForProblem(Signed, "/specs/a.json").TargetObject);
        Assert.Null(ErrorRecords.ForProblem(Signed, null).TargetObject);
    }
}
