using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace EncordSpec.Tests.Input;

/// <summary>ConvertTo-EncordSpec -ClientMetadata: merged onto single files, never onto the caller's objects.</summary>
public class ClientMetadataParameterTests
{
    private static OrderedDictionary Metadata(params (string Key, object? Value)[] entries)
    {
        var metadata = new OrderedDictionary();
        foreach (var (key, value) in entries)
            metadata[key] = value;
        return metadata;
    }

    [Fact]
    public void Fixed_metadata_goes_on_top_of_the_item_s_own_in_a_new_item_and_the_input_stays_as_it_was()
    {
        var own = Metadata(("camera", "S4"), ("batch", 1));
        var input = new EncordVideo("gs://b/v.mp4") { Title = "v", ClientMetadata = own, MediaMetadata = new MediaMetadata { Fps = 30 } };
        var parameter = ClientMetadataParameter.Fixed(new Hashtable { ["batch"] = 7, ["site"] = "lab" });

        var merged = Assert.IsType<EncordVideo>(parameter.Apply(input, input).Item);

        Assert.NotSame(input, merged);
        Assert.Equal(("gs://b/v.mp4", "v"), (merged.ObjectUrl, merged.Title));
        Assert.Same(input.MediaMetadata, merged.MediaMetadata);
        Assert.Equal(new object[] { "camera", "batch", "site" }, merged.ClientMetadata!.Keys.Cast<object>());
        Assert.Equal(7, merged.ClientMetadata["batch"]);
        // The caller's item and its metadata are untouched.
        Assert.Same(own, input.ClientMetadata);
        Assert.Equal(new object[] { "camera", "batch" }, own.Keys.Cast<object>());
        Assert.Equal(1, own["batch"]);
    }

    [Fact]
    public void Groups_keep_their_own_metadata()
    {
        var group = new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg" } };
        Assert.Same(group, ClientMetadataParameter.Fixed(new Hashtable { ["a"] = 1 }).Apply(group, group).Item);
        Assert.Null(group.ClientMetadata);
    }

    [Fact]
    public void Fixed_metadata_that_is_not_an_object_is_refused_up_front()
    {
        Assert.Throws<ClientMetadataException>(() => ClientMetadataParameter.Fixed("just text"));
    }

    [Fact]
    public void A_script_computes_each_item_s_metadata_from_its_own_input()
    {
        var parameter = ClientMetadataParameter.PerInput(input => new object?[] { new Hashtable { ["name"] = ((string)input!).Split('/')[^1] } });
        var item = parameter.Apply(new EncordImage("gs://b/a.jpg"), "gs://b/a.jpg").Item!;
        Assert.Equal("a.jpg", item.ClientMetadata!["name"]);
    }

    [Theory]
    [InlineData("fails", "-ClientMetadata for 'gs://b/a.jpg': the script failed")]
    [InlineData("text", "-ClientMetadata for 'gs://b/a.jpg': Metadata must be a JSON object (a hashtable, ordered dictionary or PSCustomObject), not a value of type String.")]
    [InlineData("two", "-ClientMetadata for 'gs://b/a.jpg': Metadata must be a JSON object (a hashtable, ordered dictionary or PSCustomObject), not a value of type Object[].")]
    public void A_script_that_fails_or_returns_no_object_is_a_problem_for_that_item(string behaviour, string message)
    {
        var parameter = ClientMetadataParameter.PerInput(_ => behaviour switch
        {
            "fails" => throw new RuntimeException("the script failed"),
            "text" => new object?[] { "just text" },
            _ => new object?[] { new Hashtable(), new Hashtable() },
        });
        var outcome = parameter.Apply(new EncordImage("gs://b/a.jpg"), "gs://b/a.jpg");
        Assert.Null(outcome.Item);
        Assert.Equal((RuleIds.ClientMetadataNotObject, "gs://b/a.jpg"), (outcome.Problem!.ErrorId, outcome.Problem.Target));
        Assert.Equal(message, outcome.Problem.Message);
    }
}
