using System.Collections.Specialized;
using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EncordSpec.Metadata;
using EncordSpec.Urls;

namespace EncordSpec.Format;

/// <summary>What every item must satisfy before a writer takes it. The writers never see a bad item: the cmdlets
/// report the problem as a non-terminating error for that item and go on.</summary>
internal static class SpecItemRules
{
    /// <summary>The first problem that keeps the item out of any spec, or null when it can be written.</summary>
    /// <param name="item">The item.</param>
    /// <param name="integration">Decides whether signed URLs are refused and media metadata is required
    /// (<see cref="IntegrationRules"/>).</param>
    public static ItemProblem? Check(EncordDataItem item, IntegrationKind integration = IntegrationKind.Standard)
    {
        switch (item)
        {
            case EncordSingleItem single:
                if (CheckUrl(single.ObjectUrl, "objectUrl") is { } urlProblem)
                    return urlProblem;
                if (IntegrationRules.CheckSigned(single.ObjectUrl, "objectUrl", integration) is { } signed)
                    return signed;
                if (IntegrationRules.CheckMediaMetadata(single.Section, single.MediaMetadata, $"The item '{ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(single.ObjectUrl))}'", integration) is { } missing)
                    return missing;
                if (single.MediaMetadata is not null && !SpecKeys.HasMediaMetadata(single.Section))
                    return new ItemProblem(RuleIds.MediaMetadataInvalid,
                        $"The NIfTI item '{SignedUrlDetector.QueryHidden(single.ObjectUrl)}' has MediaMetadata, but the platform takes no media metadata for NIfTI files. Leave it empty.");
                break;
            case EncordGroupItem group:
                string kind = group is EncordImageGroup ? "An image group" : "A DICOM series";
                if (string.IsNullOrEmpty(group.Title))
                    return new ItemProblem(RuleIds.TitleMissing, $"{kind} needs a title.");
                if (group.ObjectUrls.Length == 0)
                    return new ItemProblem(RuleIds.GroupEmpty, $"{kind} '{group.Title}' has no object URLs.");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < group.ObjectUrls.Length; i++)
                {
                    string key = SpecKeys.IndexedObjectUrl(i);
                    if (CheckUrl(group.ObjectUrls[i], key) is { } problem)
                        return problem;
                    if (IntegrationRules.CheckSigned(group.ObjectUrls[i], key, integration) is { } signedMember)
                        return signedMember;
                    if (!seen.Add(group.ObjectUrls[i]))
                        return new ItemProblem(RuleIds.DuplicateUrlInGroup,
                            $"'{group.Title}' lists the object URL '{ObjectUrlChecker.Shown(SignedUrlDetector.QueryHidden(group.ObjectUrls[i]))}' twice ({key}).");
                }
                break;
        }
        return CheckNul(item) ?? CheckMetadataSize(item.ClientMetadata);
    }

    /// <summary>A title or metadata string (or key) holding U+0000, which the platform's jsonb refuses.</summary>
    private static ItemProblem? CheckNul(EncordDataItem item)
    {
        if (ControlCharacters.CheckNul(item.Title, $"The title '{ControlCharacters.Escaped(item.Title ?? "")}'") is { } title)
            return title;
        if (ControlCharacters.FindNul(item.ClientMetadata, SpecKeys.ClientMetadata) is { } path)
            return new ItemProblem(RuleIds.ControlCharacter, ControlCharacters.NulMessage($"The item's {path}"));
        if (item is EncordSingleItem { MediaMetadata: { } media } single && SpecKeys.HasMediaMetadata(single.Section))
        {
            string key = SpecKeys.MediaMetadataKey(single.Section);
            if (ControlCharacters.FindNul(MediaMetadataFields.ToSpecObject(media, key), key) is { } mediaPath)
                return new ItemProblem(RuleIds.ControlCharacter, ControlCharacters.NulMessage($"The item's {mediaPath}"));
        }
        return null;
    }

    /// <summary>Checks one object URL; <paramref name="key"/> names it in the message.</summary>
    public static ItemProblem? CheckUrl(string? url, string key) =>
        string.IsNullOrEmpty(url) ? new ItemProblem(RuleIds.ObjectUrlEmpty, $"The {key} is empty.") : CheckUrl(url.AsSpan(), key);

    /// <summary>As <see cref="CheckUrl(string, string)"/> for a URL the reader decoded into a buffer: a message quotes
    /// the URL's beginning only (<see cref="ShownPart"/>), so a URL of many megabytes is never copied whole.</summary>
    public static ItemProblem? CheckUrl(ReadOnlySpan<char> url, string key)
    {
        if (url.IsEmpty)
            return new ItemProblem(RuleIds.ObjectUrlEmpty, $"The {key} is empty.");
        int whitespace = IndexOfWhitespace(url);
        if (whitespace >= 0)
            return new ItemProblem(RuleIds.ObjectUrlWhitespace,
                $"The {key} '{ObjectUrlChecker.Shown(SignedUrlDetector.QueryHidden(ShownPart(url)))}' contains whitespace (U+{(int)url[whitespace]:X4} at position {whitespace + 1}); " +
                "object URLs must not contain any. Encode it (a space is '+' in S3 console URLs, '%20' elsewhere).");
        int control = ControlCharacters.IndexOfControl(url);
        if (control >= 0)
            return ControlCharacters.InUrl(ShownPart(url), url[control], control, key);
        if (url.Length > SpecLimits.MaxObjectUrlLength)
            return new ItemProblem(RuleIds.ObjectUrlTooLong,
                $"The {key} is {url.Length} characters long; the platform accepts at most {SpecLimits.MaxObjectUrlLength}.");
        var parts = UrlParts.Of(url);
        if (parts.HasUserInfo)
            return UserInfoProblem(url.ToString(), key);
        return CheckObjectName(parts, key);
    }

    /// <summary>The part of a URL a message can quote: all of it up to the length limit, else its beginning (with the
    /// whole scheme and host, so that the user info in them is still recognised and hidden).</summary>
    private static string ShownPart(ReadOnlySpan<char> url) =>
        url.Length <= SpecLimits.MaxObjectUrlLength ? url.ToString() : url.Slice(0, Math.Max(SpecLimits.MaxObjectUrlLength, UrlParts.Of(url).AuthorityEnd)).ToString();

    /// <summary>The ObjectUrlUserInfo problem: a user name or password before the host is a credential, whatever the
    /// integration (the platform does not send it, and the spec would hand it to whoever reads the file).</summary>
    public static ItemProblem UserInfoProblem(string url, string key) =>
        new(RuleIds.ObjectUrlUserInfo,
            $"The {key} '{ObjectUrlChecker.Shown(SignedUrlDetector.QueryHidden(url))}' has a user name or password before its host. " +
            "Object URLs carry no credentials: remove them and let the platform read through your integration.");

    /// <summary>The object's file name when it is longer than the platform takes for an uploaded file
    /// (<see cref="SpecLimits.MaxFileNameLength"/>): the URL's last path segment, percent-decoded for https URLs (s3://
    /// and gs:// keys are raw). Null when it fits. Decoding only shortens, so names within the limit cost nothing.</summary>
    public static ItemProblem? CheckObjectName(in UrlParts parts, string key)
    {
        var path = parts.Path;
        var name = path.Slice(path.LastIndexOf('/') + 1);
        if (name.Length <= SpecLimits.MaxFileNameLength)
            return null;
        int length = name.Length;
        // Only a name with escapes is decoded (and so copied); a long plain name is measured where it is.
        if (parts.HasScheme && parts.Text.StartsWith("http".AsSpan(), StringComparison.OrdinalIgnoreCase) && name.IndexOf('%') >= 0)
            length = Uri.UnescapeDataString(name.ToString()).Length;
        return length <= SpecLimits.MaxFileNameLength
            ? null
            : new ItemProblem(RuleIds.ObjectNameTooLong,
                $"The {key}'s file name is {length} characters long ('{name.Slice(0, 40).ToString()}...'); the platform takes file names of at most " +
                $"{SpecLimits.MaxFileNameLength} characters. Rename the object.");
    }

    /// <summary>The SDK's title rules: a single video, audio or NIfTI title keeps its file's extension, a group or
    /// series title has none. Warnings: the platform takes such titles, but shows and exports them oddly.</summary>
    public static ItemProblem? CheckTitle(SpecSection section, string? title)
    {
        if (title is null || !HasTitleRule(section))
            return null;
        if (title.Length == 0)
            return null;
        var type = FileTypeClassifier.Classify(title);
        switch (section)
        {
            case SpecSection.Videos or SpecSection.Audio or SpecSection.Nifti:
                var expected = ObjectUrlChecker.ExpectedType(section)!.Value;
                bool fits = type == expected || (expected == DataType.Audio && Urls.ObjectUrlPath.GetExtension(title).Equals("mp4", StringComparison.OrdinalIgnoreCase));
                return fits ? null : new ItemProblem(RuleIds.TitleExtensionMissing,
                    $"The title '{title}' of this {Noun(section)} has no {Noun(section)} extension; the platform's SDK asks for one " +
                    $"(such as '{title}.{FirstExtension(expected)}').");
            case SpecSection.ImageGroups or SpecSection.DicomSeries:
                return type == DataType.Unsupported ? null : new ItemProblem(RuleIds.GroupTitleExtension,
                    $"The title '{title}' of this {Noun(section)} ends in a file extension ('.{Urls.ObjectUrlPath.GetExtension(title)}'); " +
                    "the platform's SDK asks for group and series titles without one.");
            default:
                return null;
        }
    }

    /// <summary>Whether <see cref="CheckTitle"/> has anything to say about titles of the section.</summary>
    public static bool HasTitleRule(SpecSection section) => section is not (SpecSection.Images or SpecSection.Text or SpecSection.Pdf);

    private static string Noun(SpecSection section) => section switch
    {
        SpecSection.Videos => "video",
        SpecSection.Audio => "audio file",
        SpecSection.Nifti => "NIfTI file",
        SpecSection.ImageGroups => "image group",
        _ => "DICOM series",
    };

    private static string FirstExtension(DataType type) => type == DataType.Nifti ? "nii.gz" : System.Linq.Enumerable.First(FileTypeClassifier.ExtensionsOf(type));

    /// <summary>Index of the first Unicode whitespace character, or -1.</summary>
    public static int IndexOfWhitespace(string text) => IndexOfWhitespace(text.AsSpan());

    /// <summary>Index of the first Unicode whitespace character, or -1. Every object URL is scanned, by the writers
    /// and by Test-EncordSpec: skipping whole vectors of plain characters makes checking a million URLs 5-10 % faster
    /// than a char.IsWhiteSpace loop (measured in one process, both builds alternating; 7 % of the CPU profile).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static int IndexOfWhitespace(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Skip whole vectors of characters between ' ' and U+0085, which are never whitespace (most URLs are all such).
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            var space = new Vector<ushort>(' ');
            var belowNextLine = new Vector<ushort>(0x84);
            for (int width = Vector<ushort>.Count; i + width <= chars.Length; i += width)
            {
                var block = MemoryMarshal.Read<Vector<ushort>>(MemoryMarshal.AsBytes(chars.Slice(i, width)));
                if (Vector.LessThanOrEqualAny(block, space) || Vector.GreaterThanAny(block, belowNextLine))
                    break;
            }
        }
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c > ' ' && c < '\u0085') continue; // printable ASCII is never whitespace: skip the slower lookup
            if (char.IsWhiteSpace(c))
                return i;
        }
        return -1;
    }

    /// <summary>The platform's limit on one item's clientMetadata (<see cref="SpecLimits.MaxClientMetadataBytes"/>).</summary>
    public static ItemProblem? CheckMetadataSize(OrderedDictionary? clientMetadata)
    {
        if (clientMetadata is null)
            return null;
        long bytes = JsonTreeWriter.CompactByteCount(clientMetadata);
        return bytes > SpecLimits.MaxClientMetadataBytes
            ? new ItemProblem(RuleIds.ClientMetadataTooLarge,
                $"The clientMetadata is {bytes:N0} bytes as JSON; the platform allows at most {SpecLimits.MaxClientMetadataText} ({SpecLimits.MaxClientMetadataBytes:N0} bytes) per item.")
            : null;
    }

    /// <summary>Why the CSV form cannot carry this item, or null when it can.</summary>
    public static string? CsvLimitation(EncordDataItem item)
    {
        string name = item is EncordSingleItem single ? $"'{SignedUrlDetector.QueryHidden(single.ObjectUrl)}'" : $"'{item.Title}'";
        return item switch
        {
            EncordAudio => $"The audio file {name} cannot be written as CSV: the CSV form has no audio. Use -Json.",
            EncordDicomSeries => $"The DICOM series {name} cannot be written as CSV: the CSV form has no DICOM series. Use -Json.",
            EncordText => $"The text file {name} cannot be written as CSV: the CSV form has no text files. Use -Json.",
            EncordPdf => $"The PDF {name} cannot be written as CSV: the CSV form has no PDFs. Use -Json.",
            EncordNifti => $"The NIfTI file {name} cannot be written as CSV: the CSV form has no NIfTI files. Use -Json.",
            EncordSingleItem { Title: not null } => $"The item {name} has a title, which the CSV form can only give image groups. Use -Json.",
            EncordSingleItem { MediaMetadata: not null } s => $"The item {name} has {SpecKeys.MediaMetadataKey(s.Section)}, which the CSV form cannot express. Use -Json.",
            { ClientMetadata: not null } => $"The item {name} has clientMetadata, which the CSV form cannot express. Use -Json.",
            _ => null,
        };
    }
}
