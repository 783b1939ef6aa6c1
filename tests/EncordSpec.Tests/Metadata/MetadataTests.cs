using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace EncordSpec.Tests.Metadata;

public class MetadataTests
{
    [Fact]
    public void Normalizes_what_powershell_users_pass()
    {
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("camera", "S4"));
        custom.Properties.Add(new PSNoteProperty("taken", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        var input = new Hashtable { ["custom"] = custom, ["list"] = new object?[] { 1, 2.5, null, true }, ["none"] = null };

        var tree = JsonValueNormalizer.ToJsonObject(input);

        var normalizedCustom = Assert.IsType<OrderedDictionary>(tree["custom"]);
        Assert.Equal("S4", normalizedCustom["camera"]);
        Assert.Equal("2024-01-02T03:04:05.0000000Z", normalizedCustom["taken"]);
        Assert.Equal(new object?[] { 1, 2.5, null, true }, Assert.IsType<object?[]>(tree["list"]));
        Assert.True(tree.Contains("none"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData(42)]
    [InlineData(null)]
    public void Refuses_metadata_that_is_not_an_object(object? value)
    {
        Assert.Throws<ClientMetadataException>(() => JsonValueNormalizer.ToJsonObject(value));
    }

    [Fact]
    public void Refuses_values_json_cannot_hold_and_cycles()
    {
        Assert.Throws<ClientMetadataException>(() => JsonValueNormalizer.ToJsonObject(new Hashtable { ["x"] = double.NaN }));
        var cycle = new Hashtable();
        cycle["self"] = cycle;
        var error = Assert.Throws<ClientMetadataException>(() => JsonValueNormalizer.ToJsonObject(cycle));
        Assert.Contains("nested", error.Message);
    }

    [Fact]
    public void Reads_json_text_back_into_the_same_tree()
    {
        var tree = JsonTreeReader.ParseObject("{\"b\": 1, \"a\": [1.50, \"x\", null, {\"k\": false}], \"big\": 12345678901234567890123}");
        Assert.Equal(new[] { "b", "a", "big" }, tree.Keys.Cast<string>());
        Assert.Equal(1L, tree["b"]);
        var list = Assert.IsType<object?[]>(tree["a"]);
        Assert.Equal(1.50m, list[0]);
        Assert.Equal(12345678901234567890123m, tree["big"]);
        Assert.Equal(27, JsonTreeWriter.CompactByteCount(list)); // [1.50,"x",null,{"k":false}] byte for byte
    }

    [Fact]
    public void Json_text_that_is_not_an_object_is_refused_with_a_reason()
    {
        Assert.Throws<ClientMetadataException>(() => JsonTreeReader.ParseObject("[1]"));
        Assert.Throws<ClientMetadataException>(() => JsonTreeReader.ParseObject("{\"a\":"));
    }
}
