using System;
using System.Collections.Generic;

namespace EncordSpec.Format;

/// <summary>The rule catalog: every rule Test-EncordSpec applies, with its severity and a one-line description.
/// The single source of truth for severities; about_EncordSpec_Rules explains each rule at length.</summary>
public static class SpecRules
{
    private static readonly Dictionary<string, SpecRule> ById = new(StringComparer.Ordinal);

    /// <summary>All rules, in the order about_EncordSpec_Rules lists them.</summary>
    public static IReadOnlyList<SpecRule> All { get; } = Build();

    /// <summary>The rule with this id; throws for an unknown id, which is a bug in the caller.</summary>
    public static SpecRule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException($"'{id}' is not a rule id.", nameof(id));

    public static bool TryGet(string id, out SpecRule rule) => ById.TryGetValue(id, out rule!);

    private static SpecRule[] Build()
    {
        const FindingSeverity E = FindingSeverity.Error;
        const FindingSeverity W = FindingSeverity.Warning;
        var rules = new[]
        {
            // Text and syntax
            new SpecRule(RuleIds.InvalidJson, E, "The file is not well-formed JSON (the reader's reason, line and column are given)."),
            new SpecRule(RuleIds.TrailingComma, E, "A comma before a closing } or ]; JSON does not allow it and the platform rejects the file."),
            new SpecRule(RuleIds.NestingTooDeep, E, $"JSON nested deeper than {SpecLimits.MaxJsonDepth} levels."),
            new SpecRule(RuleIds.ValueTooLarge, E, $"A single JSON value or CSV row larger than {SpecLimits.MaxBufferedBytes / (1024 * 1024)} MB; reading stops there."),
            new SpecRule(RuleIds.InvalidEscape, E, @"A \u escape that encodes half of a surrogate pair, which PostgreSQL's jsonb rejects."),
            new SpecRule(RuleIds.ControlCharacter, E, @"A string holds \u0000, which PostgreSQL's jsonb refuses (keys, titles, metadata at any depth), or an object URL holds a control character (U+0000-U+001F, U+007F)."),
            new SpecRule(RuleIds.NumberOutOfRange, E, "A number too large for the platform to store (such as 1e400)."),
            new SpecRule(RuleIds.InvalidUtf8, E, "Bytes that are not valid UTF-8; the first such place is named."),
            new SpecRule(RuleIds.EncodingNotUtf8, E, "The file is UTF-16 or UTF-32; the platform reads UTF-8."),
            new SpecRule(RuleIds.ByteOrderMark, W, "The file starts with a UTF-8 byte order mark, which some readers take as part of the first key or header."),
            // Document structure
            new SpecRule(RuleIds.SpecEmpty, E, "The file is empty, or the spec lists no items."),
            new SpecRule(RuleIds.TopLevelNotObject, E, "The JSON document is not an object ({ ... })."),
            new SpecRule(RuleIds.UnknownTopLevelKey, W, "A top-level key the platform does not know; the nearest known key is suggested."),
            new SpecRule(RuleIds.SectionNotArray, E, "A section (images, videos, image_groups, dicom_series, audio, text, pdf, nifti) is not an array."),
            new SpecRule(RuleIds.ItemNotObject, E, "An entry of a section is not an object such as {\"objectUrl\": \"...\"}."),
            new SpecRule(RuleIds.UnknownItemKey, W, "An item key the platform does not know for that section; the nearest known key is suggested."),
            new SpecRule(RuleIds.DuplicateKey, E, "The same key twice in one JSON object (top level, item or metadata at any depth); only one value survives."),
            new SpecRule(RuleIds.FlagNotBoolean, E, "createVideo, skip_duplicate_urls or upsert_metadata is not true or false."),
            new SpecRule(RuleIds.UpsertMetadataIneffective, W, "upsert_metadata is true without skip_duplicate_urls: true, so it has no effect."),
            // Object URLs
            new SpecRule(RuleIds.ObjectUrlMissing, E, "An image, video, audio, text, PDF or NIfTI item has no objectUrl."),
            new SpecRule(RuleIds.ObjectUrlNotString, E, "An objectUrl or objectUrl_N value is not a string."),
            new SpecRule(RuleIds.ObjectUrlEmpty, E, "An object URL is empty."),
            new SpecRule(RuleIds.ObjectUrlWhitespace, E, "An object URL contains whitespace (any Unicode whitespace)."),
            new SpecRule(RuleIds.ObjectUrlTooLong, E, $"An object URL is longer than {SpecLimits.MaxObjectUrlLength} characters."),
            new SpecRule(RuleIds.ObjectUrlPlaceholder, E, "An object URL is still the format page's placeholder, such as <object url>."),
            new SpecRule(RuleIds.ObjectUrlUnsupported, E, "An object URL is not an https://, s3:// or gs:// URL of a storage service."),
            new SpecRule(RuleIds.ObjectUrlSigned, E, "An object URL carries a signature or SAS token (X-Amz-Signature, X-Goog-Signature, sig=, se=, ...), which expires and leaks access."),
            new SpecRule(RuleIds.ObjectUrlUserInfo, E, "An http(s) object URL has a user name or password before its host (https://user:password@host/...)."),
            new SpecRule(RuleIds.ObjectUrlLegacyS3, W, "A deprecated S3 URL form: a host without region (s3.amazonaws.com) or with s3-<region>."),
            new SpecRule(RuleIds.ObjectUrlOtherHost, W, "An https URL of a host that is not AWS, Azure, GCS or OTC (legal for S3-compatible stores)."),
            new SpecRule(RuleIds.ObjectUrlNotHttps, W, "An http:// URL; the page's URL forms are https://, s3:// and gs://."),
            new SpecRule(RuleIds.DuplicateUrl, W, "The same object URL appears again, in the same section or another one."),
            new SpecRule(RuleIds.DuplicateUrlInGroup, E, "One image group or DICOM series lists the same object URL twice."),
            new SpecRule(RuleIds.UnsupportedFileType, W, "A file's extension is not one the platform documents for its section (never checked for dicom_series)."),
            new SpecRule(RuleIds.ObjectNameTooLong, E, $"An object's file name (the URL's last path segment, decoded) is longer than {SpecLimits.MaxFileNameLength} characters, the platform's limit for uploaded files."),
            // Titles and groups
            new SpecRule(RuleIds.TitleMissing, E, "An image group or DICOM series has no title, or an empty one."),
            new SpecRule(RuleIds.TitleNotString, E, "A title is not a string."),
            new SpecRule(RuleIds.DuplicateTitle, W, "Two image groups or DICOM series have the same title."),
            new SpecRule(RuleIds.TitleExtensionMissing, W, "A video, audio or NIfTI title has no extension of its type (.mp4, .mp3, .nii.gz, ...); the platform's SDK says such titles keep it."),
            new SpecRule(RuleIds.GroupTitleExtension, W, "An image group or DICOM series title ends in a file extension (.jpg, .dcm, ...); the platform's SDK says group titles have none."),
            new SpecRule(RuleIds.GroupEmpty, E, "An image group or DICOM series has no objectUrl_N keys."),
            new SpecRule(RuleIds.ObjectUrlKeyInvalid, E, "A key such as objectUrl_01 or objectUrl_x: N must be 0 or a number without leading zeros."),
            new SpecRule(RuleIds.ObjectUrlKeyGap, E, "The objectUrl_N keys of a group do not start at 0 or skip a number."),
            new SpecRule(RuleIds.ObjectUrlKeyOrder, E, "The objectUrl_N keys of a group are not in ascending order in the text."),
            // Metadata
            new SpecRule(RuleIds.ClientMetadataNotObject, E, "clientMetadata is not a JSON object."),
            new SpecRule(RuleIds.ClientMetadataTooLarge, E, $"An item's clientMetadata is larger than {SpecLimits.MaxClientMetadataText} as compact UTF-8 JSON."),
            new SpecRule(RuleIds.MediaMetadataNotObject, E, "imageMetadata, videoMetadata, audioMetadata, textMetadata or pdfMetadata is not a JSON object."),
            new SpecRule(RuleIds.MediaMetadataInvalid, E, "A media metadata field is missing or has the wrong type (numbers and strings where due)."),
            new SpecRule(RuleIds.MediaMetadataMissing, E, "With -Integration StrictClientOnly, an image, video, audio, text or PDF item has no media metadata, or lacks fields the platform requires."),
            // Platform limits
            new SpecRule(RuleIds.TooManyItems, E, $"More than {SpecLimits.MaxItemsPerFile:N0} items in one file."),
            new SpecRule(RuleIds.TooManyUrls, E, $"More than {SpecLimits.MaxObjectUrlsPerFile:N0} object URLs in one file."),
            new SpecRule(RuleIds.FileNameTooLong, E, $"The spec's file name is longer than {SpecLimits.MaxFileNameLength} characters."),
            // CSV
            new SpecRule(RuleIds.CsvHeaderMissing, E, "One of the headers ObjectUrl, Image group title, Create video is missing (names must match exactly)."),
            new SpecRule(RuleIds.CsvHeaderDuplicate, E, "A header appears twice."),
            new SpecRule(RuleIds.CsvUnknownColumn, W, "A column the platform does not know."),
            new SpecRule(RuleIds.CsvMalformed, E, "Broken CSV quoting: a stray quote, text after a closing quote, or a quote never closed."),
            new SpecRule(RuleIds.CsvTooManyFields, E, "A row has more fields than the header."),
            new SpecRule(RuleIds.CsvCreateVideoInvalid, E, "A Create video value other than true, false or blank."),
            new SpecRule(RuleIds.CsvCreateVideoMismatch, E, "Rows of one image group disagree on Create video."),
            new SpecRule(RuleIds.CsvCreateVideoWithoutTitle, W, "A Create video value on a row without an image group title, where it means nothing."),
            new SpecRule(RuleIds.CsvGroupRowsApart, W, "The rows of one image group are not next to each other."),
        };
        foreach (var rule in rules)
            ById.Add(rule.Id, rule);
        return rules;
    }
}
