using System.Text;
using System.Text.Json.Nodes;

namespace EncordSpec.Tests.Validation;

/// <summary>JSON -> objects -> JSON and CSV -> objects -> CSV lose nothing: on the page's examples and on generated
/// 10,000-item specs with every section, title and kind of metadata.</summary>
public class RoundTripTests
{
    public static TheoryData<string> JsonPageExamples => new()
    {
        "s3-example.json", "azure-example.json", "gcs-example.json", "otc-example.json",
        "images-sample.json", "videos-sample.json", "image-groups-sample.json", "dicom-sample.json",
    };

    [Theory]
    [MemberData(nameof(JsonPageExamples))]
    public void Json_page_examples_survive_the_round_trip(string name)
    {
        string original = TestData.PageExample(name);
        if (name == "videos-sample.json")
            original = original.Replace("\"skip_duplicate_urls\": true,", "\"skip_duplicate_urls\": true"); // the page's comma, fixed
        var read = SpecReadResult.Read(original);
        Assert.DoesNotContain(read.Findings, f => f.RuleId is RuleIds.InvalidJson or RuleIds.TrailingComma);

        string written = GeneratedSpecs.Write(read.Items, csv: false, read.Summary.SkipDuplicateUrls);

        // Same document, apart from what the writer always spells out: createVideo, whose default is true.
        var expected = JsonNode.Parse(original)!;
        foreach (var group in expected["image_groups"]?.AsArray() ?? new JsonArray())
            if (group!["createVideo"] is null) group["createVideo"] = true;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), $"{name} changed:\n{written}");

        // And reading the written spec gives the same items again.
        Assert.Equal(read.Items.Select(ItemText.Of), SpecReadResult.Read(written).Items.Select(ItemText.Of));
    }

    [Fact]
    public void Csv_page_example_survives_the_round_trip_byte_for_byte()
    {
        string original = TestData.PageExample("csv-sample.csv");
        var read = SpecReadResult.Read(original, SpecFormat.Csv);
        Assert.Equal(5, read.Items.Count); // 3 videos, 2 image groups
        Assert.Equal(original, GeneratedSpecs.Write(read.Items, csv: true, false));
    }

    [Fact]
    public void Generated_10000_item_json_spec_survives_the_round_trip()
    {
        var items = GeneratedSpecs.Items(10_000, seed: 7);
        string written = GeneratedSpecs.Write(items, csv: false, skipDuplicateUrls: true);

        var read = SpecReadResult.Read(written);
        Assert.True(read.Findings.Count == 0, string.Join("\n", read.Findings.Take(5)));
        Assert.True(read.Summary.SkipDuplicateUrls);
        // The writer orders sections; within each, order is kept.
        var expected = items.OrderBy(i => i.Section).Select(ItemText.Of).ToList();
        Assert.Equal(expected, read.Items.Select(ItemText.Of).ToList());
        Assert.Equal(written, GeneratedSpecs.Write(read.Items, csv: false, read.Summary.SkipDuplicateUrls));
    }

    [Fact]
    public void Generated_10000_item_csv_spec_survives_the_round_trip()
    {
        var items = GeneratedSpecs.Items(10_000, seed: 8, csvOnly: true);
        string written = GeneratedSpecs.Write(items, csv: true, false);

        var read = SpecReadResult.Read(written, SpecFormat.Csv);
        Assert.True(read.Findings.Count == 0, string.Join("\n", read.Findings.Take(5)));
        Assert.Equal(items.Select(ItemText.Of), read.Items.Select(ItemText.Of));
        Assert.Equal(written, GeneratedSpecs.Write(read.Items, csv: true, false));
    }
}
