using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Writing;

/// <summary>What ConvertTo-EncordSpec refuses under each -Integration (SpecItemRules.Check with the kind), and the
/// new sections' writer rules. Items with media metadata are read from a spec, as users' items are.</summary>
public class IntegrationRulesTests
{
    private const string Signed = "https://b.s3.eu-west-2.amazonaws.com/a.jpg?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0123456789abcdef";

    private static EncordSingleItem ReadSingle(string spec) => (EncordSingleItem)SpecReadResult.Read(spec).Items.Single();

    [Fact]
    public void A_signed_url_is_refused_under_standard_and_strict_client_only_and_written_under_direct_access()
    {
        foreach (var kind in new[] { IntegrationKind.Standard, IntegrationKind.StrictClientOnly })
        {
            var problem = SpecItemRules.Check(new EncordImage(Signed), kind)!;
            Assert.Equal(RuleIds.ObjectUrlSigned, problem.RuleId);
            Assert.DoesNotContain("0123456789abcdef", problem.Message);
            Assert.DoesNotContain("AKIAEXAMPLE", problem.Message);
            Assert.Contains("-Integration DirectAccess", problem.Message);
        }
        Assert.Null(SpecItemRules.Check(new EncordImage(Signed), IntegrationKind.DirectAccess));

        var group = new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg", "https://acct.blob.core.windows.net/c/2.jpg?sv=2024&sig=c2VjcmV0" } };
        var member = SpecItemRules.Check(group)!;
        Assert.Equal((RuleIds.ObjectUrlSigned, true), (member.RuleId, member.Message.Contains("objectUrl_1")));
        Assert.Null(SpecItemRules.Check(group, IntegrationKind.DirectAccess));
    }

    [Fact]
    public void Direct_access_still_refuses_whitespace()
    {
        Assert.Equal(RuleIds.ObjectUrlWhitespace, SpecItemRules.Check(new EncordImage("https://cdn.example.com/a b.jpg?sig=x"), IntegrationKind.DirectAccess)!.RuleId);
    }

    [Fact]
    public void Strict_client_only_refuses_single_items_without_complete_media_metadata_and_names_what_is_missing()
    {
        var bare = SpecItemRules.Check(new EncordVideo("s3://b/clip.mp4"), IntegrationKind.StrictClientOnly)!;
        Assert.Equal(RuleIds.MediaMetadataMissing, bare.RuleId);
        Assert.Equal("The item 's3://b/clip.mp4' has no videoMetadata. A strict client-only integration never reads the file, so the platform needs " +
            "videoMetadata with fps, duration, width, height, file_size, mime_type. Get them with Get-CloudObject -MediaMetadata.", bare.Message);

        var partial = ReadSingle("{\"images\": [{\"objectUrl\": \"s3://b/a.png\", \"imageMetadata\": {\"mimeType\": \"image/png\", \"width\": 2}}]}");
        var incomplete = SpecItemRules.Check(partial, IntegrationKind.StrictClientOnly)!;
        Assert.Equal(RuleIds.MediaMetadataMissing, incomplete.RuleId);
        Assert.StartsWith("The item 's3://b/a.png' has imageMetadata without fileSize, height.", incomplete.Message);
        Assert.Null(SpecItemRules.Check(partial)); // Standard does not ask for it

        var pdf = ReadSingle("{\"pdf\": [{\"objectUrl\": \"s3://b/a.pdf\", \"pdfMetadata\": {\"file_size\": 10, \"num_pages\": 3}}]}");
        Assert.Null(SpecItemRules.Check(pdf, IntegrationKind.StrictClientOnly));
        var text = SpecItemRules.Check(new EncordText("s3://b/a.txt"), IntegrationKind.StrictClientOnly)!;
        Assert.Contains("textMetadata with file_size, mime_type", text.Message);

        // NIfTI has no media metadata, groups none either: nothing to require.
        Assert.Null(SpecItemRules.Check(new EncordNifti("s3://b/a.nii.gz"), IntegrationKind.StrictClientOnly));
        Assert.Null(SpecItemRules.Check(new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg" } }, IntegrationKind.StrictClientOnly));
    }

    [Fact]
    public void A_nifti_item_with_media_metadata_is_refused()
    {
        var image = ReadSingle("{\"images\": [{\"objectUrl\": \"s3://b/a.png\", \"imageMetadata\": {\"mimeType\": \"image/png\"}}]}");
        var nifti = new EncordNifti("s3://b/brain.nii") { MediaMetadata = image.MediaMetadata };
        Assert.Equal(RuleIds.MediaMetadataInvalid, SpecItemRules.Check(nifti)!.RuleId);
    }

    [Fact]
    public void Csv_cannot_carry_text_pdf_or_nifti()
    {
        Assert.Equal("The text file 's3://b/a.txt' cannot be written as CSV: the CSV form has no text files. Use -Json.", SpecItemRules.CsvLimitation(new EncordText("s3://b/a.txt")));
        Assert.Equal("The PDF 's3://b/a.pdf' cannot be written as CSV: the CSV form has no PDFs. Use -Json.", SpecItemRules.CsvLimitation(new EncordPdf("s3://b/a.pdf")));
        Assert.Equal("The NIfTI file 's3://b/a.nii' cannot be written as CSV: the CSV form has no NIfTI files. Use -Json.", SpecItemRules.CsvLimitation(new EncordNifti("s3://b/a.nii")));
        Assert.Throws<InvalidOperationException>(() => GeneratedSpecs.Write(new[] { new EncordPdf("s3://b/a.pdf") }, csv: true, false));
    }

    [Theory]
    [InlineData(SpecSection.Videos, "cooking", RuleIds.TitleExtensionMissing)]
    [InlineData(SpecSection.Videos, "cooking.MOV", null)]
    [InlineData(SpecSection.Audio, "talk", RuleIds.TitleExtensionMissing)]
    [InlineData(SpecSection.Audio, "talk.mp4", null)]
    [InlineData(SpecSection.Nifti, "brain.nii.gz", null)]
    [InlineData(SpecSection.Nifti, "brain", RuleIds.TitleExtensionMissing)]
    [InlineData(SpecSection.ImageGroups, "frames", null)]
    [InlineData(SpecSection.ImageGroups, "frames.png", RuleIds.GroupTitleExtension)]
    [InlineData(SpecSection.DicomSeries, "1.2.840.10008", null)]
    [InlineData(SpecSection.DicomSeries, "ct.dcm", RuleIds.GroupTitleExtension)]
    [InlineData(SpecSection.Images, "anything", null)]
    public void Titles_follow_the_sdk(SpecSection section, string title, string? expected)
    {
        Assert.Equal(expected, SpecItemRules.CheckTitle(section, title)?.RuleId);
    }

    [Fact]
    public void File_names_over_300_characters_are_refused_naming_the_key()
    {
        var problem = SpecItemRules.Check(new EncordImage("gs://b/" + new string('n', 297) + ".jpg"))!;
        Assert.Equal(RuleIds.ObjectNameTooLong, problem.RuleId);
        Assert.StartsWith("The objectUrl's file name is 301 characters long", problem.Message);
        // Percent-encoded https names count decoded: 290 'é' as %C3%A9 are 1,740 characters raw, 294 decoded.
        Assert.Null(SpecItemRules.Check(new EncordImage("https://b.s3.eu-west-2.amazonaws.com/" + string.Concat(Enumerable.Repeat("%C3%A9", 290)) + ".jpg")));
        var group = new EncordDicomSeries { Title = "s", ObjectUrls = new[] { "gs://b/1", "gs://b/" + new string('n', 301) } };
        Assert.Contains("objectUrl_1", SpecItemRules.Check(group)!.Message);
    }

    [Fact]
    public void The_json_writer_puts_text_pdf_and_nifti_after_the_page_s_sections()
    {
        var items = new EncordDataItem[]
        {
            new EncordNifti("s3://b/brain.nii.gz") { Title = "brain.nii.gz" },
            new EncordPdf("s3://b/report.pdf"),
            new EncordText("s3://b/notes.md"),
            new EncordAudio("s3://b/talk.mp3"),
            new EncordImage("s3://b/a.png"),
        };
        string json = GeneratedSpecs.Write(items, csv: false, false);
        var keys = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject().Select(p => p.Key);
        Assert.Equal(new[] { "images", "audio", "text", "pdf", "nifti" }, keys);
        var read = SpecReadResult.Read(json);
        Assert.Empty(read.Findings);
        Assert.Equal(new[] { typeof(EncordImage), typeof(EncordAudio), typeof(EncordText), typeof(EncordPdf), typeof(EncordNifti) }, read.Items.Select(i => i.GetType()));
        Assert.Equal("brain.nii.gz", read.Items[4].Title);
    }
}
