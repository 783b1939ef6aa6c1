using System.Text.Json.Nodes;

namespace EncordSpec.Tests.Validation;

/// <summary>Specs in the shape of the platform's current docs (tests/Data/PlatformExamples, see its README): audio and
/// media metadata for every section pass, under the integration they are for, and survive the round trip.</summary>
public class PlatformExampleTests
{
    private static string Example(string name) => TestData.Read(Path.Combine("PlatformExamples", name));

    [Theory]
    [InlineData("audio-sample.json", IntegrationKind.Standard)]
    [InlineData("media-metadata-sample.json", IntegrationKind.StrictClientOnly)]
    public void Platform_examples_pass_and_survive_the_round_trip(string name, IntegrationKind integration)
    {
        string original = Example(name);
        var read = SpecReadResult.Read(System.Text.Encoding.UTF8.GetBytes(original), integration: integration);
        Assert.True(read.Findings.Count == 0, read.ToString());

        string written = GeneratedSpecs.Write(read.Items, csv: false, read.Summary.SkipDuplicateUrls);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), $"{name} changed:\n{written}");
        Assert.Empty(SpecReadResult.Read(System.Text.Encoding.UTF8.GetBytes(written), integration: integration).Findings);
    }

    [Fact]
    public void The_audio_example_needs_metadata_on_every_file_under_strict_client_only()
    {
        var strict = SpecReadResult.Read(System.Text.Encoding.UTF8.GetBytes(Example("audio-sample.json")), integration: IntegrationKind.StrictClientOnly);
        Assert.Equal(new[] { "audio[0]", "audio[1]" }, strict.Of(RuleIds.MediaMetadataMissing).Select(f => f.Location));
    }

    [Fact]
    public void Every_section_of_the_metadata_example_reads_into_its_item_type()
    {
        var read = SpecReadResult.Read(Example("media-metadata-sample.json"));
        Assert.Equal(new[] { typeof(EncordImage), typeof(EncordVideo), typeof(EncordAudio), typeof(EncordText), typeof(EncordPdf), typeof(EncordNifti) },
            read.Items.Select(i => i.GetType()));
        Assert.All(read.Items.Take(5), item => Assert.NotNull(((EncordSingleItem)item).MediaMetadata));
    }
}
