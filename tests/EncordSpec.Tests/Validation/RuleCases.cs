using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>For each rule, a spec that breaks it and a near copy that does not, with where the finding must be.</summary>
/// <param name="Name">Unique name; starts with the rule id.</param>
/// <param name="RuleId">The rule the bad spec breaks.</param>
/// <param name="Format">JSON or CSV.</param>
/// <param name="Bad">The breaking spec. A '§' in it becomes the byte 0xFF (invalid UTF-8).</param>
/// <param name="Good">The fixed spec.</param>
/// <param name="Location">The finding's expected Location.</param>
/// <param name="At">Text whose first occurrence in <paramref name="Bad"/> marks the expected line and column;
/// null for findings about the whole file (line 0), or when <paramref name="Line"/> is given.</param>
/// <param name="Line">The expected line when it is not given by <paramref name="At"/> (with column 1).</param>
/// <param name="AtOffset">Characters to add to the column of <paramref name="At"/>.</param>
/// <param name="BadPrefix">Bytes put before the bad spec (byte order marks, other encodings).</param>
/// <param name="Integration">The integration the bad spec is checked for (Test-EncordSpec -Integration).</param>
/// <param name="GoodIntegration">The integration the good spec is checked for; the bad one's when null. A case whose
/// good spec is the bad one under another integration shows what that integration accepts.</param>
internal sealed record RuleCase(string Name, string RuleId, SpecFormat Format, string Bad, string Good, string Location, string? At,
    int? Line = null, byte[]? BadPrefix = null, int AtOffset = 0,
    IntegrationKind Integration = IntegrationKind.Standard, IntegrationKind? GoodIntegration = null)
{
    public IntegrationKind IntegrationOfGood => GoodIntegration ?? Integration;

    public byte[] BadBytes => Encode(Bad, BadPrefix);
    public byte[] GoodBytes => Encode(Good, null);

    private static byte[] Encode(string text, byte[]? prefix)
    {
        var bytes = new List<byte>(prefix ?? Array.Empty<byte>());
        foreach (string part in text.Split('§'))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(part));
            bytes.Add(0xFF);
        }
        bytes.RemoveAt(bytes.Count - 1);
        return bytes.ToArray();
    }

    /// <summary>1-based line and column of <see cref="At"/> in the bad text (columns in UTF-16 characters); the column
    /// is null when only the line is known (<see cref="Line"/>), and both are 0 for whole-file findings.</summary>
    public (long Line, long? Column) ExpectedPosition()
    {
        if (At is null)
            return Line is { } line ? (line, null) : (0, 0);
        int index = Bad.IndexOf(At, StringComparison.Ordinal);
        if (index < 0) throw new InvalidOperationException($"{Name}: '{At}' is not in the bad spec.");
        int lineStart = Bad.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        long lineNumber = 1 + Bad.Take(index).Count(c => c == '\n');
        return (lineNumber, index - lineStart + 1 + AtOffset);
    }
}

internal static class RuleCases
{
    public const string Url = "https://bucket.s3.eu-west-2.amazonaws.com/frames/a.jpg";
    public const string Url2 = "https://bucket.s3.eu-west-2.amazonaws.com/frames/b.jpg";
    public const string Video = "https://bucket.s3.eu-west-2.amazonaws.com/clips/c.mp4";
    private const string CsvHeader = "ObjectUrl,Image group title,Create video\r\n";

    private static string Images(string item) => $"{{\"images\": [{item}]}}";
    private static string Image(string extra = "") => $"{{\"objectUrl\": \"{Url}\"{extra}}}";
    private static string Group(string body) => $"{{\"image_groups\": [{{\"title\": \"g\", {body}}}]}}";

    public static readonly RuleCase[] All =
    {
        // Text and syntax
        new("InvalidJson", RuleIds.InvalidJson, SpecFormat.Json,
            $"{{\n\"images\": [\n{{\"objectUrl\": \"{Url}\"}}\n{{\"objectUrl\": \"{Url2}\"}}\n]\n}}",
            $"{{\n\"images\": [\n{{\"objectUrl\": \"{Url}\"}},\n{{\"objectUrl\": \"{Url2}\"}}\n]\n}}",
            "images[1]", $"{{\"objectUrl\": \"{Url2}"),
        new("InvalidJson single quotes", RuleIds.InvalidJson, SpecFormat.Json,
            Images("{\"objectUrl\": 'x.jpg'}"), Images(Image()), "images[0].objectUrl", "'x.jpg'"),
        new("TrailingComma", RuleIds.TrailingComma, SpecFormat.Json,
            $"{{\"images\": [{Image()},\n]}}", $"{{\"images\": [{Image()}\n]}}", "images[0]", ",\n]"),
        new("TrailingComma in metadata", RuleIds.TrailingComma, SpecFormat.Json,
            Images(Image(", \"clientMetadata\": {\"a\": 1,}")), Images(Image(", \"clientMetadata\": {\"a\": 1}")),
            "images[0].clientMetadata", ",}"),
        new("NestingTooDeep", RuleIds.NestingTooDeep, SpecFormat.Json,
            Images(Image(", \"clientMetadata\": {\"a\": " + new string('[', 70) + new string(']', 70) + "}")),
            Images(Image(", \"clientMetadata\": {\"a\": " + new string('[', 50) + new string(']', 50) + "}")),
            "images[0].clientMetadata", "\"a\": ", AtOffset: 5 + 60),
        new("InvalidEscape", RuleIds.InvalidEscape, SpecFormat.Json,
            Images(Image(", \"title\": \"a\\ud800\"")), Images(Image(", \"title\": \"a\\ud800\\udc00\"")), "images[0].title", "\"a\\ud800"),
        new("InvalidEscape in metadata", RuleIds.InvalidEscape, SpecFormat.Json,
            Images(Image(", \"clientMetadata\": {\"k\": \"\\udc00\"}")), Images(Image(", \"clientMetadata\": {\"k\": \"\\u00e9\"}")),
            "images[0].clientMetadata.k", "\"\\udc00"),
        new("NumberOutOfRange", RuleIds.NumberOutOfRange, SpecFormat.Json,
            Images(Image(", \"clientMetadata\": {\"n\": [1, 1e400]}")), Images(Image(", \"clientMetadata\": {\"n\": [1, 1e300]}")),
            "images[0].clientMetadata.n[1]", "1e400"),
        new("InvalidUtf8", RuleIds.InvalidUtf8, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/fr§mes/a.jpg\"}"), Images(Image()),
            "images[0].objectUrl", "§"),
        new("InvalidUtf8 in CSV", RuleIds.InvalidUtf8, SpecFormat.Csv,
            CsvHeader + "https://bucket.s3.eu-west-2.amazonaws.com/fr§mes/a.jpg,,\r\n", CsvHeader + Url + ",,\r\n", "row 1", null, Line: 2),
        new("EncodingNotUtf8", RuleIds.EncodingNotUtf8, SpecFormat.Json,
            "", Images(Image()), "", null, Line: 1, BadPrefix: Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Images(Image()))).ToArray()),
        new("EncodingNotUtf8 without BOM", RuleIds.EncodingNotUtf8, SpecFormat.Csv,
            "", CsvHeader + Url + ",,\r\n", "", null, Line: 1, BadPrefix: Encoding.Unicode.GetBytes(CsvHeader + Url + ",,\r\n")),
        new("ByteOrderMark", RuleIds.ByteOrderMark, SpecFormat.Json, Images(Image()), Images(Image()), "", null, Line: 1, BadPrefix: new byte[] { 0xEF, 0xBB, 0xBF }),
        new("ByteOrderMark in CSV", RuleIds.ByteOrderMark, SpecFormat.Csv, CsvHeader + Url + ",,\r\n", CsvHeader + Url + ",,\r\n", "", null, Line: 1, BadPrefix: new byte[] { 0xEF, 0xBB, 0xBF }),
        // Document structure
        new("SpecEmpty", RuleIds.SpecEmpty, SpecFormat.Json, "{\"images\": []}", Images(Image()), "", null),
        new("SpecEmpty 0 bytes", RuleIds.SpecEmpty, SpecFormat.Json, "", Images(Image()), "", null),
        new("SpecEmpty CSV header only", RuleIds.SpecEmpty, SpecFormat.Csv, CsvHeader, CsvHeader + Url + ",,\r\n", "", null),
        new("TopLevelNotObject", RuleIds.TopLevelNotObject, SpecFormat.Json, $"[{Image()}]", Images(Image()), "", "["),
        new("UnknownTopLevelKey", RuleIds.UnknownTopLevelKey, SpecFormat.Json,
            $"{{\"image_group\": [], \"images\": [{Image()}]}}", $"{{\"image_groups\": [], \"images\": [{Image()}]}}", "image_group", "\"image_group\""),
        new("SectionNotArray", RuleIds.SectionNotArray, SpecFormat.Json, $"{{\"images\": {Image()}}}", Images(Image()), "images", "{\"objectUrl"),
        new("ItemNotObject", RuleIds.ItemNotObject, SpecFormat.Json, Images($"{Image()}, \"{Url2}\""), Images($"{Image()}, {{\"objectUrl\": \"{Url2}\"}}"), "images[1]", $"\"{Url2}\""),
        new("UnknownItemKey", RuleIds.UnknownItemKey, SpecFormat.Json, Images(Image(", \"titel\": \"x\"")), Images(Image(", \"title\": \"x\"")), "images[0].titel", "\"titel\""),
        new("UnknownItemKey nifti metadata", RuleIds.UnknownItemKey, SpecFormat.Json,
            "{\"nifti\": [{\"objectUrl\": \"s3://b/a.nii\", \"niftiMetadata\": {}}]}", "{\"nifti\": [{\"objectUrl\": \"s3://b/a.nii\", \"title\": \"a.nii\"}]}",
            "nifti[0].niftiMetadata", "\"niftiMetadata\""),
        new("UnknownItemKey media field", RuleIds.UnknownItemKey, SpecFormat.Json,
            $"{{\"videos\": [{{\"objectUrl\": \"{Video}\", \"videoMetadata\": {{\"fps\": 25, \"duration\": 2.5, \"width\": 1, \"height\": 1, \"fileSize\": 10, \"mimeType\": \"video/mp4\", \"fpss\": 2}}}}]}}",
            $"{{\"videos\": [{{\"objectUrl\": \"{Video}\", \"videoMetadata\": {{\"fps\": 25, \"duration\": 2.5, \"width\": 1, \"height\": 1, \"file_size\": 10, \"mime_type\": \"video/mp4\"}}}}]}}",
            "videos[0].videoMetadata.fpss", "\"fpss\""),
        new("DuplicateKey", RuleIds.DuplicateKey, SpecFormat.Json, Images($"{{\"objectUrl\": \"{Url}\", \"objectUrl\": \"{Url2}\"}}"), Images(Image()), "images[0].objectUrl", $"\"objectUrl\": \"{Url2}"),
        new("DuplicateKey nested metadata", RuleIds.DuplicateKey, SpecFormat.Json,
            Images(Image(", \"clientMetadata\": {\"a\": [{\"b\": 1, \"b\": 2}]}")), Images(Image(", \"clientMetadata\": {\"a\": [{\"b\": 1, \"c\": 2}]}")),
            "images[0].clientMetadata.a[0].b", "\"b\": 2"),
        new("DuplicateKey top level", RuleIds.DuplicateKey, SpecFormat.Json,
            $"{{\"images\": [{Image()}], \"images\": []}}", Images(Image()), "images", "\"images\": []"),
        new("FlagNotBoolean", RuleIds.FlagNotBoolean, SpecFormat.Json,
            $"{{\"images\": [{Image()}], \"skip_duplicate_urls\": \"true\"}}", $"{{\"images\": [{Image()}], \"skip_duplicate_urls\": true}}",
            "skip_duplicate_urls", "\"true\""),
        new("FlagNotBoolean createVideo", RuleIds.FlagNotBoolean, SpecFormat.Json,
            Group($"\"createVideo\": 1, \"objectUrl_0\": \"{Url}\""), Group($"\"createVideo\": false, \"objectUrl_0\": \"{Url}\""), "image_groups[0].createVideo", "1,"),
        new("UpsertMetadataIneffective", RuleIds.UpsertMetadataIneffective, SpecFormat.Json,
            $"{{\"images\": [{Image()}], \"upsert_metadata\": true}}", $"{{\"images\": [{Image()}], \"upsert_metadata\": true, \"skip_duplicate_urls\": true}}",
            "upsert_metadata", "true}"),
        // Object URLs
        new("ObjectUrlMissing", RuleIds.ObjectUrlMissing, SpecFormat.Json, Images("{\"title\": \"a\"}"), Images(Image(", \"title\": \"a\"")), "images[0]", "{\"title\""),
        new("ObjectUrlNotString", RuleIds.ObjectUrlNotString, SpecFormat.Json, Images("{\"objectUrl\": [\"x\"]}"), Images(Image()), "images[0].objectUrl", "[\"x\"]"),
        new("ObjectUrlEmpty", RuleIds.ObjectUrlEmpty, SpecFormat.Json, Images("{\"objectUrl\": \"\"}"), Images(Image()), "images[0].objectUrl", "\"\""),
        new("ObjectUrlEmpty CSV", RuleIds.ObjectUrlEmpty, SpecFormat.Csv, CsvHeader + Url + ",,\r\n,,\r\n", CsvHeader + Url + ",,\r\n", "row 2, ObjectUrl", null, Line: 3),
        new("ObjectUrlWhitespace", RuleIds.ObjectUrlWhitespace, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/my frame.jpg\"}"),
            Images("{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/my+frame.jpg\"}"), "images[0].objectUrl", "\"https://bucket.s3.eu-west-2.amazonaws.com/my "),
        new("ObjectUrlWhitespace no-break space", RuleIds.ObjectUrlWhitespace, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/a\u00A0b.jpg\"}"),
            Images("{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/a%C2%A0b.jpg\"}"), "images[0].objectUrl", "\"https://bucket.s3.eu-west-2.amazonaws.com/a\u00A0"),
        new("ObjectUrlWhitespace CSV", RuleIds.ObjectUrlWhitespace, SpecFormat.Csv,
            CsvHeader + Url + ",,\r\n\"https://bucket.s3.eu-west-2.amazonaws.com/x\ty.jpg\",,\r\n", CsvHeader + Url + ",,\r\n", "row 2, ObjectUrl", null, Line: 3),
        new("ObjectUrlTooLong", RuleIds.ObjectUrlTooLong, SpecFormat.Json,
            Images($"{{\"objectUrl\": \"https://bucket.s3.eu-west-2.amazonaws.com/{new string('a', 16400)}.jpg\"}}"), Images(Image()), "images[0].objectUrl", "\"https"),
        new("ObjectUrlPlaceholder", RuleIds.ObjectUrlPlaceholder, SpecFormat.Json, Images("{\"objectUrl\": \"<object url>\"}"), Images(Image()), "images[0].objectUrl", "\"<object"),
        new("ObjectUrlUnsupported", RuleIds.ObjectUrlUnsupported, SpecFormat.Json, Images("{\"objectUrl\": \"ftp://bucket/frames/a.jpg\"}"), Images(Image()), "images[0].objectUrl", "\"ftp"),
        new("ObjectUrlUnsupported bare key", RuleIds.ObjectUrlUnsupported, SpecFormat.Csv, CsvHeader + "frames/a.jpg,,\r\n", CsvHeader + "s3://bucket/frames/a.jpg,,\r\n", "row 1, ObjectUrl", null, Line: 2),
        new("ObjectUrlSigned", RuleIds.ObjectUrlSigned, SpecFormat.Json,
            Images($"{{\"objectUrl\": \"{Url}?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0123456789abcdef\"}}"), Images(Image()), "images[0].objectUrl", "\"https"),
        new("ObjectUrlSigned Azure SAS", RuleIds.ObjectUrlSigned, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://acct.blob.core.windows.net/c/a.jpg?sv=2024-01-01&se=2030-01-01&sig=c2VjcmV0\"}"),
            Images("{\"objectUrl\": \"https://acct.blob.core.windows.net/c/a.jpg\"}"), "images[0].objectUrl", "\"https"),
        new("ObjectUrlUserInfo", RuleIds.ObjectUrlUserInfo, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://AKIAEXAMPLE:c2VjcmV0@minio.example.com/frames/a.jpg\"}"),
            Images("{\"objectUrl\": \"https://minio.example.com/frames/a.jpg\"}"), "images[0].objectUrl", "\"https"),
        new("ObjectUrlUserInfo under DirectAccess", RuleIds.ObjectUrlUserInfo, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://user:c2VjcmV0@cdn.example.com/a.jpg\"}"),
            Images("{\"objectUrl\": \"https://cdn.example.com/a.jpg\"}"), "images[0].objectUrl", "\"https", Integration: IntegrationKind.DirectAccess),
        new("ObjectUrlSigned accepted under DirectAccess", RuleIds.ObjectUrlSigned, SpecFormat.Json,
            Images($"{{\"objectUrl\": \"{Url}?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0123456789abcdef\"}}"),
            Images($"{{\"objectUrl\": \"{Url}?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0123456789abcdef\"}}"), "images[0].objectUrl", "\"https",
            GoodIntegration: IntegrationKind.DirectAccess),
        new("ObjectUrlSigned under StrictClientOnly", RuleIds.ObjectUrlSigned, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://acct.blob.core.windows.net/c/a.jpg?sv=2024-01-01&sig=c2VjcmV0\", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": 1, \"width\": 2, \"height\": 3}}"),
            Images("{\"objectUrl\": \"https://acct.blob.core.windows.net/c/a.jpg\", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": 1, \"width\": 2, \"height\": 3}}"),
            "images[0].objectUrl", "\"https", Integration: IntegrationKind.StrictClientOnly),
        new("ObjectUrlWhitespace under DirectAccess", RuleIds.ObjectUrlWhitespace, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://cdn.example.com/a b.jpg?sig=abc\"}"), Images("{\"objectUrl\": \"https://cdn.example.com/a%20b.jpg?sig=abc\"}"),
            "images[0].objectUrl", "\"https", Integration: IntegrationKind.DirectAccess),
        new("ObjectUrlPlaceholder under DirectAccess", RuleIds.ObjectUrlPlaceholder, SpecFormat.Json,
            Images("{\"objectUrl\": \"<object url>\"}"), Images("{\"objectUrl\": \"https://cdn.example.com/a.jpg?X-Goog-Signature=abc\"}"),
            "images[0].objectUrl", "\"<object", Integration: IntegrationKind.DirectAccess),
        new("ObjectUrlLegacyS3", RuleIds.ObjectUrlLegacyS3, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://bucket.s3-eu-west-1.amazonaws.com/a.jpg\"}"), Images(Image()), "images[0].objectUrl", "\"https"),
        new("ObjectUrlLegacyS3 region-less", RuleIds.ObjectUrlLegacyS3, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://s3.amazonaws.com/bucket/a.jpg\"}"), Images("{\"objectUrl\": \"https://s3.eu-west-1.amazonaws.com/bucket/a.jpg\"}"), "images[0].objectUrl", "\"https"),
        new("ObjectUrlOtherHost", RuleIds.ObjectUrlOtherHost, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://minio.example.com/bucket/a.jpg\"}"), Images("{\"objectUrl\": \"https://bucket.obs.eu-de.otc.t-systems.com/a.jpg\"}"), "images[0].objectUrl", "\"https"),
        new("ObjectUrlOtherHost expected under DirectAccess", RuleIds.ObjectUrlOtherHost, SpecFormat.Json,
            Images("{\"objectUrl\": \"https://cdn.example.com/bucket/a.jpg\"}"), Images("{\"objectUrl\": \"https://cdn.example.com/bucket/a.jpg\"}"), "images[0].objectUrl", "\"https",
            GoodIntegration: IntegrationKind.DirectAccess),
        new("ObjectUrlNotHttps", RuleIds.ObjectUrlNotHttps, SpecFormat.Json,
            Images("{\"objectUrl\": \"http://bucket.s3.eu-west-2.amazonaws.com/a.jpg\"}"), Images(Image()), "images[0].objectUrl", "\"http:"),
        new("DuplicateUrl", RuleIds.DuplicateUrl, SpecFormat.Json,
            $"{{\"images\": [{Image()}],\n\"image_groups\": [{{\"title\": \"g\", \"objectUrl_0\": \"{Url2}\", \"objectUrl_1\": \"{Url}\"}}]}}",
            $"{{\"images\": [{Image()}],\n\"image_groups\": [{{\"title\": \"g\", \"objectUrl_0\": \"{Url2}\"}}]}}",
            "image_groups[0].objectUrl_1", $"\"{Url}\"}}]}}"),
        new("DuplicateUrl CSV", RuleIds.DuplicateUrl, SpecFormat.Csv, CsvHeader + Url + ",,\r\n" + Url + ",,\r\n", CsvHeader + Url + ",,\r\n" + Url2 + ",,\r\n", "row 2, ObjectUrl", null, Line: 3),
        new("DuplicateUrlInGroup", RuleIds.DuplicateUrlInGroup, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url}\""), Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url2}\""),
            "image_groups[0].objectUrl_1", $"\"{Url}\"}}"),
        new("UnsupportedFileType", RuleIds.UnsupportedFileType, SpecFormat.Json,
            $"{{\"videos\": [{{\"objectUrl\": \"{Url}\"}}]}}", $"{{\"videos\": [{{\"objectUrl\": \"{Video}\"}}], \"dicom_series\": [{{\"title\": \"s\", \"objectUrl_0\": \"s3://b/series/1.2.840.1\", \"objectUrl_1\": \"s3://b/series/file\"}}]}}",
            "videos[0].objectUrl", "\"https"),
        new("UnsupportedFileType pdf", RuleIds.UnsupportedFileType, SpecFormat.Json,
            "{\"pdf\": [{\"objectUrl\": \"s3://b/notes.txt\"}]}",
            "{\"pdf\": [{\"objectUrl\": \"s3://b/report.PDF\"}], \"text\": [{\"objectUrl\": \"s3://b/notes.txt\"}], \"nifti\": [{\"objectUrl\": \"s3://b/brain.nii.gz\"}, {\"objectUrl\": \"s3://b/head.nii\"}]}",
            "pdf[0].objectUrl", "\"s3://b/notes"),
        new("UnsupportedFileType undocumented image", RuleIds.UnsupportedFileType, SpecFormat.Json,
            "{\"images\": [{\"objectUrl\": \"s3://b/anim.gif\"}]}", "{\"images\": [{\"objectUrl\": \"s3://b/photo.avif\"}]}",
            "images[0].objectUrl", "\"s3://b/anim"),
        new("UnsupportedFileType TIFF in an image sequence", RuleIds.UnsupportedFileType, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"s3://b/scan.TIFF\""),
            Group($"\"createVideo\": false, \"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"s3://b/scan.TIFF\""),
            "image_groups[0].objectUrl_1", "\"s3://b/scan"),
        new("UnsupportedFileType CSV pdf", RuleIds.UnsupportedFileType, SpecFormat.Csv, CsvHeader + "s3://b/a.pdf,,\r\n", CsvHeader + "s3://b/a.webm,,\r\n", "row 1, ObjectUrl", null, Line: 2),
        new("ObjectNameTooLong", RuleIds.ObjectNameTooLong, SpecFormat.Json,
            Images($"{{\"objectUrl\": \"s3://b/{new string('n', 297)}.jpg\"}}"),
            Images($"{{\"objectUrl\": \"https://b.s3.eu-west-2.amazonaws.com/{string.Concat(Enumerable.Repeat("%C3%A9", 290))}.jpg\"}}"),
            "images[0].objectUrl", "\"s3://b/nnn"),
        new("ObjectNameTooLong group", RuleIds.ObjectNameTooLong, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"gs://b/{new string('n', 300)}.png\""),
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"gs://b/{new string('n', 296)}.png\""),
            "image_groups[0].objectUrl_1", "\"gs://b/nnn"),
        new("UnsupportedFileType CSV audio", RuleIds.UnsupportedFileType, SpecFormat.Csv, CsvHeader + "s3://b/a.mp3,,\r\n", CsvHeader + "s3://b/a.mp4,,\r\n", "row 1, ObjectUrl", null, Line: 2),
        // Titles and groups
        new("TitleMissing", RuleIds.TitleMissing, SpecFormat.Json,
            $"{{\"dicom_series\": [{{\"objectUrl_0\": \"s3://b/1.dcm\"}}]}}", $"{{\"dicom_series\": [{{\"title\": \"t\", \"objectUrl_0\": \"s3://b/1.dcm\"}}]}}", "dicom_series[0]", "{\"objectUrl_0"),
        new("TitleMissing empty", RuleIds.TitleMissing, SpecFormat.Json,
            $"{{\"image_groups\": [{{\"title\": \"\", \"objectUrl_0\": \"{Url}\"}}]}}", Group($"\"objectUrl_0\": \"{Url}\""), "image_groups[0].title", "\"\","),
        new("TitleNotString", RuleIds.TitleNotString, SpecFormat.Json, Images(Image(", \"title\": 42")), Images(Image(", \"title\": \"42\"")), "images[0].title", "42"),
        new("DuplicateTitle", RuleIds.DuplicateTitle, SpecFormat.Json,
            $"{{\"image_groups\": [{{\"title\": \"g\", \"objectUrl_0\": \"{Url}\"}}, {{\"title\": \"g\", \"objectUrl_0\": \"{Url2}\"}}]}}",
            $"{{\"image_groups\": [{{\"title\": \"g\", \"objectUrl_0\": \"{Url}\"}}, {{\"title\": \"h\", \"objectUrl_0\": \"{Url2}\"}}]}}",
            "image_groups[1].title", $"\"g\", \"objectUrl_0\": \"{Url2}"),
        new("TitleExtensionMissing video", RuleIds.TitleExtensionMissing, SpecFormat.Json,
            $"{{\"videos\": [{{\"objectUrl\": \"{Video}\", \"title\": \"cooking\"}}]}}", $"{{\"videos\": [{{\"objectUrl\": \"{Video}\", \"title\": \"cooking.mp4\"}}]}}",
            "videos[0].title", "\"cooking\""),
        new("TitleExtensionMissing nifti", RuleIds.TitleExtensionMissing, SpecFormat.Json,
            "{\"nifti\": [{\"objectUrl\": \"s3://b/brain.nii.gz\", \"title\": \"brain.gz\"}]}", "{\"nifti\": [{\"objectUrl\": \"s3://b/brain.nii.gz\", \"title\": \"brain.nii.gz\"}]}",
            "nifti[0].title", "\"brain.gz\""),
        new("TitleExtensionMissing audio", RuleIds.TitleExtensionMissing, SpecFormat.Json,
            "{\"audio\": [{\"objectUrl\": \"s3://b/talk.mp3\", \"title\": \"talk.txt\"}]}", "{\"audio\": [{\"objectUrl\": \"s3://b/talk.mp4\", \"title\": \"talk.mp4\"}]}",
            "audio[0].title", "\"talk.txt\""),
        new("GroupTitleExtension", RuleIds.GroupTitleExtension, SpecFormat.Json,
            $"{{\"image_groups\": [{{\"title\": \"frames.jpg\", \"objectUrl_0\": \"{Url}\"}}]}}", $"{{\"image_groups\": [{{\"title\": \"frames 1.2\", \"objectUrl_0\": \"{Url}\"}}]}}",
            "image_groups[0].title", "\"frames.jpg\""),
        new("GroupTitleExtension series", RuleIds.GroupTitleExtension, SpecFormat.Json,
            "{\"dicom_series\": [{\"title\": \"ct.dcm\", \"objectUrl_0\": \"s3://b/1.dcm\"}]}", "{\"dicom_series\": [{\"title\": \"ct 1.2.840.10008\", \"objectUrl_0\": \"s3://b/1.dcm\"}]}",
            "dicom_series[0].title", "\"ct.dcm\""),
        new("GroupEmpty", RuleIds.GroupEmpty, SpecFormat.Json, "{\"image_groups\": [{\"title\": \"g\"}]}", Group($"\"objectUrl_0\": \"{Url}\""), "image_groups[0]", "{\"title\""),
        new("ObjectUrlKeyInvalid", RuleIds.ObjectUrlKeyInvalid, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_01\": \"{Url2}\""), Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url2}\""), "image_groups[0].objectUrl_01", "\"objectUrl_01\""),
        new("ObjectUrlKeyInvalid letters", RuleIds.ObjectUrlKeyInvalid, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_x\": \"{Url2}\""), Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url2}\""), "image_groups[0].objectUrl_x", "\"objectUrl_x\""),
        new("ObjectUrlKeyGap", RuleIds.ObjectUrlKeyGap, SpecFormat.Json,
            Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_2\": \"{Url2}\""), Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url2}\""), "image_groups[0].objectUrl_2", "\"objectUrl_2\""),
        new("ObjectUrlKeyGap not from 0", RuleIds.ObjectUrlKeyGap, SpecFormat.Json,
            Group($"\"objectUrl_1\": \"{Url}\""), Group($"\"objectUrl_0\": \"{Url}\""), "image_groups[0].objectUrl_1", "\"objectUrl_1\""),
        new("ObjectUrlKeyOrder", RuleIds.ObjectUrlKeyOrder, SpecFormat.Json,
            Group($"\"objectUrl_1\": \"{Url2}\", \"objectUrl_0\": \"{Url}\""), Group($"\"objectUrl_0\": \"{Url}\", \"objectUrl_1\": \"{Url2}\""), "image_groups[0].objectUrl_0", "\"objectUrl_0\""),
        // Metadata
        new("ClientMetadataNotObject", RuleIds.ClientMetadataNotObject, SpecFormat.Json, Images(Image(", \"clientMetadata\": \"{}\"")), Images(Image(", \"clientMetadata\": {}")), "images[0].clientMetadata", "\"{}\""),
        new("ClientMetadataTooLarge", RuleIds.ClientMetadataTooLarge, SpecFormat.Json,
            Images(Image($", \"clientMetadata\": {{\"blob\": \"{new string('x', SpecLimits.MaxClientMetadataBytes)}\"}}")),
            Images(Image($", \"clientMetadata\": {{\"blob\": \"{new string('x', SpecLimits.MaxClientMetadataBytes - 20)}\"}}")),
            "images[0].clientMetadata", "{\"blob"),
        new("MediaMetadataNotObject", RuleIds.MediaMetadataNotObject, SpecFormat.Json, Images(Image(", \"imageMetadata\": []")),
            Images(Image(", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": 1, \"width\": 2, \"height\": 3}")), "images[0].imageMetadata", "[]"),
        new("MediaMetadataInvalid type", RuleIds.MediaMetadataInvalid, SpecFormat.Json,
            Images(Image(", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": \"1\", \"width\": 2, \"height\": 3}")),
            Images(Image(", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": 1, \"width\": 2, \"height\": 3}")), "images[0].imageMetadata.fileSize", "\"1\""),
        new("MediaMetadataInvalid missing", RuleIds.MediaMetadataInvalid, SpecFormat.Json,
            "{\"audio\": [{\"objectUrl\": \"s3://b/a.wav\", \"audioMetadata\": {\"duration\": 1.5, \"fileSize\": 1, \"mimeType\": \"audio/wav\", \"sampleRate\": 44100, \"bitDepth\": 16, \"codec\": \"pcm\"}}]}",
            "{\"audio\": [{\"objectUrl\": \"s3://b/a.wav\", \"audioMetadata\": {\"duration\": 1.5, \"fileSize\": 1, \"mimeType\": \"audio/wav\", \"sampleRate\": 44100, \"bitDepth\": 16, \"codec\": \"pcm\", \"numChannels\": 2}}]}",
            "audio[0].audioMetadata", "{\"duration"),
        new("MediaMetadataInvalid pdf type", RuleIds.MediaMetadataInvalid, SpecFormat.Json,
            "{\"pdf\": [{\"objectUrl\": \"s3://b/a.pdf\", \"pdfMetadata\": {\"file_size\": 1024, \"num_pages\": \"3\"}}]}",
            "{\"pdf\": [{\"objectUrl\": \"s3://b/a.pdf\", \"pdfMetadata\": {\"file_size\": 1024, \"num_pages\": 3}}]}",
            "pdf[0].pdfMetadata.num_pages", "\"3\""),
        new("MediaMetadataInvalid text missing", RuleIds.MediaMetadataInvalid, SpecFormat.Json,
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\", \"textMetadata\": {\"file_size\": 10}}]}",
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\", \"textMetadata\": {\"file_size\": 10, \"mime_type\": \"text/plain\"}}]}",
            "text[0].textMetadata", "{\"file_size"),
        new("MediaMetadataNotObject text", RuleIds.MediaMetadataNotObject, SpecFormat.Json,
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\", \"textMetadata\": \"text/plain\"}]}",
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\", \"textMetadata\": {\"fileSize\": 10, \"mimeType\": \"text/plain\"}}]}",
            "text[0].textMetadata", "\"text/plain\""),
        new("SectionNotArray text", RuleIds.SectionNotArray, SpecFormat.Json, "{\"text\": {\"objectUrl\": \"s3://b/a.txt\"}}", "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\"}]}", "text", "{\"objectUrl"),
        new("MediaMetadataMissing", RuleIds.MediaMetadataMissing, SpecFormat.Json,
            Images(Image()), Images(Image(", \"imageMetadata\": {\"mimeType\": \"image/jpeg\", \"fileSize\": 1, \"width\": 2, \"height\": 3}")),
            "images[0]", "{\"objectUrl", Integration: IntegrationKind.StrictClientOnly),
        new("MediaMetadataMissing only under StrictClientOnly", RuleIds.MediaMetadataMissing, SpecFormat.Json,
            "{\"pdf\": [{\"objectUrl\": \"s3://b/a.pdf\"}]}", "{\"pdf\": [{\"objectUrl\": \"s3://b/a.pdf\"}]}",
            "pdf[0]", "{\"objectUrl", Integration: IntegrationKind.StrictClientOnly, GoodIntegration: IntegrationKind.Standard),
        new("MediaMetadataMissing text, never nifti or groups", RuleIds.MediaMetadataMissing, SpecFormat.Json,
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\"}], \"nifti\": [{\"objectUrl\": \"s3://b/a.nii\"}]}",
            "{\"text\": [{\"objectUrl\": \"s3://b/a.txt\", \"textMetadata\": {\"file_size\": 3, \"mime_type\": \"text/plain\"}}], \"nifti\": [{\"objectUrl\": \"s3://b/a.nii\"}], " +
            $"\"image_groups\": [{{\"title\": \"g\", \"objectUrl_0\": \"{Url}\"}}]}}",
            "text[0]", "{\"objectUrl", Integration: IntegrationKind.StrictClientOnly),
        new("MediaMetadataMissing CSV", RuleIds.MediaMetadataMissing, SpecFormat.Csv, CsvHeader + Video + ",,\r\n", CsvHeader + Url + ",g,\r\n",
            "row 1, ObjectUrl", null, Line: 2, Integration: IntegrationKind.StrictClientOnly),
        // Platform limits (the per-file counts have their own tests)
        new("FileNameTooLong", RuleIds.FileNameTooLong, SpecFormat.Json, Images(Image()), Images(Image()), "", null),
        // CSV
        new("CsvHeaderMissing", RuleIds.CsvHeaderMissing, SpecFormat.Csv, "ObjectUrl,Image group title\r\n" + Url + ",\r\n", CsvHeader + Url + ",,\r\n", "header", null, Line: 1),
        new("CsvHeaderMissing near miss", RuleIds.CsvHeaderMissing, SpecFormat.Csv, "objecturl,Image group title,Create video\r\n" + Url + ",,\r\n", CsvHeader + Url + ",,\r\n", "header", null, Line: 1),
        new("CsvHeaderDuplicate", RuleIds.CsvHeaderDuplicate, SpecFormat.Csv, "ObjectUrl,Image group title,Create video,Create video\r\n" + Url + ",,,\r\n", CsvHeader + Url + ",,\r\n", "header", ",Create video\r\n", AtOffset: 1),
        new("CsvUnknownColumn", RuleIds.CsvUnknownColumn, SpecFormat.Csv, "ObjectUrl,Image group title,Create video,Notes\r\n" + Url + ",,,x\r\n", CsvHeader + Url + ",,\r\n", "header", "Notes"),
        new("CsvMalformed", RuleIds.CsvMalformed, SpecFormat.Csv, CsvHeader + Url + ",,\r\n\"" + Url2 + "\"x,,\r\n", CsvHeader + Url + ",,\r\n\"" + Url2 + "\",,\r\n", "row 2", null, Line: 3),
        new("CsvTooManyFields", RuleIds.CsvTooManyFields, SpecFormat.Csv, CsvHeader + Url + ",,,extra\r\n", CsvHeader + Url + ",,\r\n", "row 1", "extra"),
        new("CsvCreateVideoInvalid", RuleIds.CsvCreateVideoInvalid, SpecFormat.Csv, CsvHeader + Url + ",g,TRUE\r\n", CsvHeader + Url + ",g,true\r\n", "row 1, Create video", "TRUE"),
        new("CsvCreateVideoMismatch", RuleIds.CsvCreateVideoMismatch, SpecFormat.Csv, CsvHeader + Url + ",g,\r\n" + Url2 + ",g,false\r\n", CsvHeader + Url + ",g,false\r\n" + Url2 + ",g,false\r\n", "row 2, Create video", "false"),
        new("CsvCreateVideoWithoutTitle", RuleIds.CsvCreateVideoWithoutTitle, SpecFormat.Csv, CsvHeader + Video + ",,false\r\n", CsvHeader + Video + ",,\r\n", "row 1, Create video", "false"),
        new("CsvGroupRowsApart", RuleIds.CsvGroupRowsApart, SpecFormat.Csv,
            CsvHeader + Url + ",g,\r\n" + Video + ",,\r\n" + Url2 + ",g,\r\n", CsvHeader + Url + ",g,\r\n" + Url2 + ",g,\r\n" + Video + ",,\r\n", "row 3, Image group title", Url2 + ",g", AtOffset: Url2.Length + 1),
    };

    public static RuleCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }
}
