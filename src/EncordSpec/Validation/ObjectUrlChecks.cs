using System;
using System.Collections.Generic;

namespace EncordSpec;

/// <summary>The checks of one object URL that need nothing but the URL and its section: placeholder, signature,
/// whitespace and length (<see cref="SpecItemRules.CheckUrl"/>), provider style (<see cref="ObjectUrlParser"/>)
/// and file type (<see cref="FileTypeClassifier"/>). Messages show URLs without signatures.</summary>
public static class ObjectUrlChecks
{
    private const int MaxShownUrlLength = 200;

    /// <summary>Adds the URL's problems to <paramref name="problems"/>. Returns false when the URL is a placeholder,
    /// which stands for no URL at all, so that callers skip their duplicate checks too.</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="key">Names the URL in messages: objectUrl, objectUrl_3 or ObjectUrl.</param>
    /// <param name="section">Decides the file types expected; null skips the file type check.</param>
    /// <param name="problems">Receives the problems.</param>
    public static bool Check(string url, string key, SpecSection? section, List<ItemProblem> problems)
    {
        if (IsPlaceholder(url))
        {
            problems.Add(new ItemProblem(RuleIds.ObjectUrlPlaceholder,
                $"The {key} is the format page's placeholder '{Shown(url)}'. Replace it with the object's URL."));
            return false;
        }

        string checkedUrl = url;
        string? signing = SignedUrlDetector.FindSigningParameter(url);
        if (signing is not null)
        {
            checkedUrl = SignedUrlDetector.WithoutQuery(url);
            problems.Add(new ItemProblem(RuleIds.ObjectUrlSigned,
                $"The {key} '{Shown(checkedUrl)}?...' is a signed URL (it has the query parameter '{signing}'). Signed URLs expire " +
                "and give access to anyone holding them; use the plain object URL and let the platform read through your integration."));
        }

        var basic = SpecItemRules.CheckUrl(checkedUrl, key);
        if (basic is not null)
        {
            problems.Add(basic);
            if (basic.RuleId == RuleIds.ObjectUrlEmpty)
                return true;
        }

        CheckStyle(checkedUrl, key, problems);
        if (section is { } known)
            CheckFileType(checkedUrl, key, known, problems);
        return true;
    }

    /// <summary>The page's own placeholders are written in angle brackets: &lt;object url&gt;.</summary>
    public static bool IsPlaceholder(string url)
    {
        string trimmed = url.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>';
    }

    private static void CheckStyle(string url, string key, List<ItemProblem> problems)
    {
        var parsed = ObjectUrlParser.Parse(url);
        switch (parsed.Style)
        {
            case ObjectUrlStyle.Unrecognized:
                problems.Add(new ItemProblem(RuleIds.ObjectUrlUnsupported,
                    $"The {key} '{Shown(url)}' is not a URL the platform can fetch. Use one of the page's forms: " +
                    "https://<bucket>.s3.<region>.amazonaws.com/<key>, s3://<bucket>/<key>, gs://<bucket>/<key>, " +
                    "https://storage.cloud.google.com/<bucket>/<key>, https://<account>.blob.core.windows.net/<container>/<blob> " +
                    "or https://<bucket>.obs.<region>.otc.t-systems.com/<key>."));
                return;
            case ObjectUrlStyle.S3Legacy:
                problems.Add(new ItemProblem(RuleIds.ObjectUrlLegacyS3,
                    $"The {key} '{Shown(url)}' uses a deprecated S3 host ('{parsed.Host}'). Prefer the virtual-hosted form " +
                    $"https://{parsed.Bucket}.s3.<region>.amazonaws.com/<key>."));
                break;
            case ObjectUrlStyle.OtherHttps:
                problems.Add(new ItemProblem(RuleIds.ObjectUrlOtherHost,
                    $"The {key} '{Shown(url)}' is on '{parsed.Host}', which is not AWS S3, Azure Blob, GCS or Open Telekom Cloud. " +
                    "That is fine for an S3-compatible store your integration points at; otherwise check the host."));
                break;
        }
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            problems.Add(new ItemProblem(RuleIds.ObjectUrlNotHttps,
                $"The {key} '{Shown(url)}' uses http://. Use https:// (or s3:// or gs://)."));
    }

    /// <summary>The data type a section holds, or null for dicom_series, whose files often have no extension.</summary>
    public static DataType? ExpectedType(SpecSection section) => section switch
    {
        SpecSection.Images or SpecSection.ImageGroups => DataType.Image,
        SpecSection.Videos => DataType.Video,
        SpecSection.Audio => DataType.Audio,
        _ => null,
    };

    private static void CheckFileType(string url, string key, SpecSection section, List<ItemProblem> problems)
    {
        if (ExpectedType(section) is not { } expected)
            return;
        var actual = FileTypeClassifier.Classify(url);
        if (actual == expected)
            return;
        string extension = ObjectUrlPath.GetExtension(url);
        string where = section == SpecSection.ImageGroups ? "an image group" : section.JsonName();
        string noun = expected.ToString().ToLowerInvariant();
        string reason = actual == DataType.Unsupported
            ? extension.Length == 0
                ? "has no file extension"
                : $"has the extension '.{extension}', which is not a {noun} format the platform knows"
            : $"is {(actual == DataType.Image ? "an image" : actual == DataType.Audio ? "an audio file" : "a " + actual.ToString().ToLowerInvariant() + " file")}";
        problems.Add(new ItemProblem(RuleIds.UnsupportedFileType,
            $"The {key} '{Shown(url)}' {reason}, but it is in {where}. Known {noun} extensions: " +
            string.Join(", ", FileTypeClassifier.ExtensionsOf(expected)) + ". Check the URL, or move the file to the section of its type."));
    }

    /// <summary>The URL as messages show it: long ones shortened.</summary>
    public static string Shown(string url) =>
        url.Length <= MaxShownUrlLength ? url : url.Substring(0, MaxShownUrlLength) + "...";
}
