using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EncordSpec.Urls;

namespace EncordSpec.Format;

/// <summary>The checks of one object URL that need nothing but the URL and its section: placeholder, signature,
/// whitespace and length (<see cref="SpecItemRules.CheckUrl(ReadOnlySpan{char}, string)"/>), provider style (<see cref="ObjectUrlParser"/>)
/// and file type (<see cref="FileTypeClassifier"/>). Messages show URLs without signatures.
/// The style depends only on the scheme and host, and specs use few hosts and extensions, so both decisions are
/// remembered for the last few of each: a million URLs are checked without parsing each one (parsing each one took
/// checking a million URLs 1.6 times the CPU time).</summary>
internal sealed class ObjectUrlChecker
{
    private const int MaxShownUrlLength = 200;
    private const int Remembered = 8;

    private readonly string?[] hosts = new string?[Remembered];
    private readonly ObjectUrlStyle[] hostStyles = new ObjectUrlStyle[Remembered];
    private int nextHost;
    private readonly string?[] extensions = new string?[Remembered];
    private readonly DataType[] extensionTypes = new DataType[Remembered];
    private int nextExtension;
    private readonly IntegrationKind integration;

    /// <param name="integration">Decides whether signed URLs and other hosts are findings (<see cref="IntegrationRules"/>).</param>
    public ObjectUrlChecker(IntegrationKind integration = IntegrationKind.Standard) => this.integration = integration;

    /// <summary>Adds the URL's problems to <paramref name="problems"/>. Returns false when the URL is a placeholder,
    /// which stands for no URL at all, so that callers skip their duplicate checks too. The URL is a span so that a
    /// spec can be checked without making a string of every URL; one is made only for a message.</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="key">Names the URL in messages: objectUrl, objectUrl_3 or ObjectUrl.</param>
    /// <param name="section">Decides the file types expected; null skips the file type check.</param>
    /// <param name="problems">Receives the problems.</param>
    [MethodImpl(HotPath.Optimized)]
    public bool Check(ReadOnlySpan<char> url, UrlKey key, SpecSection? section, List<ItemProblem> problems)
    {
        if (IsPlaceholder(url))
        {
            problems.Add(new ItemProblem(RuleIds.ObjectUrlPlaceholder,
                $"The {key} is the format page's placeholder '{Shown(url.ToString())}'. Replace it with the object's URL."));
            return false;
        }

        // Cut once; each check below reads the parts it needs.
        var parts = UrlParts.Of(url);
        string? signing = SignedUrlDetector.FindSigningParameter(parts);
        if (signing is not null)
        {
            // Checked and shown without the query, so that no message carries the signature, whatever the integration.
            string withoutQuery = SignedUrlDetector.WithoutQuery(url.ToString());
            parts = UrlParts.Of(withoutQuery);
            if (IntegrationRules.SignedUrlProblem(Shown(withoutQuery), signing, key.ToString(), integration) is { } signed)
                problems.Add(signed);
        }

        if (parts.HasUserInfo)
            problems.Add(SpecItemRules.UserInfoProblem(parts.Text.ToString(), key.ToString()));

        var checkedUrl = parts.Text;
        if (url.Length == 0 || SpecItemRules.IndexOfWhitespace(checkedUrl) >= 0 || ControlCharacters.IndexOfControl(checkedUrl) >= 0
            || checkedUrl.Length > SpecLimits.MaxObjectUrlLength)
        {
            var basic = SpecItemRules.CheckUrl(checkedUrl, key.ToString())!;
            problems.Add(basic);
            if (basic.RuleId == RuleIds.ObjectUrlEmpty)
                return true;
        }

        if (SpecItemRules.CheckObjectName(parts, key.ToString()) is { } longName)
            problems.Add(longName);
        CheckStyle(parts, key, problems);
        if (section is { } known)
            CheckFileType(parts, key, known, problems);
        return true;
    }

    /// <summary>The page's own placeholders are written in angle brackets: &lt;object url&gt;.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsPlaceholder(ReadOnlySpan<char> url)
    {
        var trimmed = url.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>';
    }

    [MethodImpl(HotPath.Optimized)]
    private void CheckStyle(in UrlParts parts, UrlKey key, List<ItemProblem> problems)
    {
        var url = parts.Text;
        var style = StyleOf(parts);
        if (style is ObjectUrlStyle.Unrecognized)
        {
            problems.Add(new ItemProblem(RuleIds.ObjectUrlUnsupported,
                $"The {key} '{Shown(url.ToString())}' is not a URL the platform can fetch. Use one of the page's forms: " +
                "https://<bucket>.s3.<region>.amazonaws.com/<key>, s3://<bucket>/<key>, gs://<bucket>/<key>, " +
                "https://storage.cloud.google.com/<bucket>/<key>, https://<account>.blob.core.windows.net/<container>/<blob> " +
                "or https://<bucket>.obs.<region>.otc.t-systems.com/<key>."));
            return;
        }
        if (style is ObjectUrlStyle.S3Legacy || (style is ObjectUrlStyle.OtherHttps && !IntegrationRules.ExpectsAnyHttpsHost(integration)))
        {
            string text = url.ToString();
            var parsed = ObjectUrlParser.Parse(text);
            problems.Add(style == ObjectUrlStyle.S3Legacy
                ? new ItemProblem(RuleIds.ObjectUrlLegacyS3,
                    $"The {key} '{Shown(text)}' uses a deprecated S3 host ('{parsed.Host}'). Prefer the virtual-hosted form " +
                    $"https://{parsed.Bucket}.s3.<region>.amazonaws.com/<key>.")
                : new ItemProblem(RuleIds.ObjectUrlOtherHost,
                    $"The {key} '{Shown(text)}' is on '{parsed.Host}', which is not AWS S3, Azure Blob, GCS or Open Telekom Cloud. " +
                    "That is fine for an S3-compatible store your integration points at; otherwise check the host."));
        }
        if (url.StartsWith("http://".AsSpan(), StringComparison.OrdinalIgnoreCase))
            problems.Add(new ItemProblem(RuleIds.ObjectUrlNotHttps,
                $"The {key} '{Shown(url.ToString())}' uses http://. Use https:// (or s3:// or gs://)."));
    }

    /// <summary>The parser's style, remembered per scheme and host (everything before the path).</summary>
    [MethodImpl(HotPath.Optimized)]
    private ObjectUrlStyle StyleOf(in UrlParts parts)
    {
        if (!parts.HasScheme)
            return ObjectUrlStyle.Unrecognized;
        var schemeAndHost = parts.Text.Slice(0, parts.AuthorityEnd);
        for (int i = 0; i < Remembered; i++)
        {
            string? host = hosts[i];
            if (host is not null && schemeAndHost.SequenceEqual(host.AsSpan()))
                return hostStyles[i];
        }
        // The parser needs a string; a URL past the platform's length limit (reported as such) is parsed from its first
        // part only, which holds the scheme and host that decide the style, so a URL of 100 MB is not copied whole.
        var style = ObjectUrlParser.Parse(parts.Text.Slice(0, Math.Min(parts.Text.Length, Math.Max(SpecLimits.MaxObjectUrlLength, parts.AuthorityEnd))).ToString()).Style;
        hosts[nextHost] = schemeAndHost.ToString();
        hostStyles[nextHost] = style;
        nextHost = (nextHost + 1) % Remembered;
        return style;
    }

    /// <summary>The data type a section holds, or null for dicom_series, whose files often have no extension.</summary>
    public static DataType? ExpectedType(SpecSection section) => section switch
    {
        SpecSection.Images or SpecSection.ImageGroups => DataType.Image,
        SpecSection.Videos => DataType.Video,
        SpecSection.Audio => DataType.Audio,
        SpecSection.Text => DataType.Text,
        SpecSection.Pdf => DataType.Pdf,
        SpecSection.Nifti => DataType.Nifti,
        _ => null,
    };

    [MethodImpl(HotPath.Optimized)]
    private void CheckFileType(in UrlParts parts, UrlKey key, SpecSection section, List<ItemProblem> problems)
    {
        if (ExpectedType(section) is not { } expected)
            return;
        var actual = TypeOf(parts);
        if (actual == expected)
            return;
        string text = parts.Text.ToString();
        string extension = ObjectUrlPath.GetExtension(text);
        string where = section == SpecSection.ImageGroups ? "an image group" : section.JsonName();
        string noun = expected switch { DataType.Pdf => "PDF", DataType.Nifti => "NIfTI", _ => expected.ToString().ToLowerInvariant() };
        string reason = actual switch
        {
            DataType.Unsupported when extension.Length == 0 => "has no file extension",
            DataType.Unsupported => $"has the extension '.{extension}', which is not a {noun} format the platform knows",
            DataType.Image => "is an image",
            DataType.Audio => "is an audio file",
            DataType.Pdf => "is a PDF",
            DataType.Nifti => "is a NIfTI file",
            _ => $"is a {actual.ToString().ToLowerInvariant()} file",
        };
        problems.Add(new ItemProblem(RuleIds.UnsupportedFileType,
            $"The {key} '{Shown(text)}' {reason}, but it is in {where}. Known {noun} extensions: " +
            string.Join(", ", FileTypeClassifier.ExtensionsOf(expected)) + ". Check the URL, or move the file to the section of its type."));
    }

    /// <summary>The classifier's type, remembered for the last few extensions seen.</summary>
    [MethodImpl(HotPath.Optimized)]
    public DataType TypeOf(ReadOnlySpan<char> url) => TypeOf(UrlParts.Of(url));

    [MethodImpl(HotPath.Optimized)]
    private DataType TypeOf(in UrlParts parts)
    {
        var extension = ObjectUrlPath.GetExtension(parts);
        if (FileTypeClassifier.NeedsWholeName(extension))
            return FileTypeClassifier.Classify(parts);
        for (int i = 0; i < Remembered; i++)
        {
            string? known = extensions[i];
            if (known is not null && extension.Equals(known.AsSpan(), StringComparison.OrdinalIgnoreCase))
                return extensionTypes[i];
        }
        var type = FileTypeClassifier.Classify(parts);
        extensions[nextExtension] = extension.ToString();
        extensionTypes[nextExtension] = type;
        nextExtension = (nextExtension + 1) % Remembered;
        return type;
    }

    /// <summary>The URL as messages show it: long ones shortened.</summary>
    public static string Shown(string url)
    {
        url = SignedUrlDetector.UserInfoHidden(url);
        return url.Length <= MaxShownUrlLength ? url : url.Substring(0, MaxShownUrlLength) + "...";
    }
}
