namespace EncordSpec.Format;

/// <summary>Stable ids of the spec rules. They are the ErrorIds users see and filter on, in the writer's errors and
/// in Test-EncordSpec's findings alike, so never rename one. <see cref="SpecRules"/> gives each its severity and
/// description; about_EncordSpec_Rules documents them.</summary>
internal static class RuleIds
{
    // Object URLs
    public const string ObjectUrlMissing = "ObjectUrlMissing";
    public const string ObjectUrlNotString = "ObjectUrlNotString";
    public const string ObjectUrlEmpty = "ObjectUrlEmpty";
    public const string ObjectUrlWhitespace = "ObjectUrlWhitespace";
    public const string ObjectUrlTooLong = "ObjectUrlTooLong";
    public const string ObjectUrlPlaceholder = "ObjectUrlPlaceholder";
    public const string ObjectUrlUnsupported = "ObjectUrlUnsupported";
    public const string ObjectUrlSigned = "ObjectUrlSigned";
    public const string ObjectUrlUserInfo = "ObjectUrlUserInfo";
    public const string ObjectUrlLegacyS3 = "ObjectUrlLegacyS3";
    public const string ObjectUrlOtherHost = "ObjectUrlOtherHost";
    public const string ObjectUrlNotHttps = "ObjectUrlNotHttps";
    public const string DuplicateUrl = "DuplicateUrl";
    public const string DuplicateUrlInGroup = "DuplicateUrlInGroup";
    public const string UnsupportedFileType = "UnsupportedFileType";
    public const string ObjectNameTooLong = "ObjectNameTooLong";

    // Titles and groups
    public const string TitleMissing = "TitleMissing";
    public const string TitleNotString = "TitleNotString";
    public const string DuplicateTitle = "DuplicateTitle";
    public const string TitleExtensionMissing = "TitleExtensionMissing";
    public const string GroupTitleExtension = "GroupTitleExtension";
    public const string GroupEmpty = "GroupEmpty";
    public const string ObjectUrlKeyInvalid = "ObjectUrlKeyInvalid";
    public const string ObjectUrlKeyGap = "ObjectUrlKeyGap";
    public const string ObjectUrlKeyOrder = "ObjectUrlKeyOrder";

    // Metadata
    public const string ClientMetadataNotObject = "ClientMetadataNotObject";
    public const string ClientMetadataTooLarge = "ClientMetadataTooLarge";
    public const string MediaMetadataNotObject = "MediaMetadataNotObject";
    public const string MediaMetadataInvalid = "MediaMetadataInvalid";
    public const string MediaMetadataMissing = "MediaMetadataMissing";

    // Document structure (JSON)
    public const string TopLevelNotObject = "TopLevelNotObject";
    public const string UnknownTopLevelKey = "UnknownTopLevelKey";
    public const string SectionNotArray = "SectionNotArray";
    public const string ItemNotObject = "ItemNotObject";
    public const string UnknownItemKey = "UnknownItemKey";
    public const string DuplicateKey = "DuplicateKey";
    public const string FlagNotBoolean = "FlagNotBoolean";
    public const string UpsertMetadataIneffective = "UpsertMetadataIneffective";

    // Text and syntax
    public const string InvalidJson = "InvalidJson";
    public const string TrailingComma = "TrailingComma";
    public const string NestingTooDeep = "NestingTooDeep";
    public const string ValueTooLarge = "ValueTooLarge";
    public const string InvalidEscape = "InvalidEscape";
    public const string NumberOutOfRange = "NumberOutOfRange";
    public const string InvalidUtf8 = "InvalidUtf8";
    public const string EncodingNotUtf8 = "EncodingNotUtf8";
    public const string ByteOrderMark = "ByteOrderMark";

    // Whole file and platform limits
    public const string SpecEmpty = "SpecEmpty";
    public const string TooManyItems = "TooManyItems";
    public const string TooManyUrls = "TooManyUrls";
    public const string FileNameTooLong = "FileNameTooLong";

    // CSV
    public const string CsvHeaderMissing = "CsvHeaderMissing";
    public const string CsvHeaderDuplicate = "CsvHeaderDuplicate";
    public const string CsvUnknownColumn = "CsvUnknownColumn";
    public const string CsvMalformed = "CsvMalformed";
    public const string CsvTooManyFields = "CsvTooManyFields";
    public const string CsvCreateVideoInvalid = "CsvCreateVideoInvalid";
    public const string CsvCreateVideoMismatch = "CsvCreateVideoMismatch";
    public const string CsvCreateVideoWithoutTitle = "CsvCreateVideoWithoutTitle";
    public const string CsvGroupRowsApart = "CsvGroupRowsApart";
}
