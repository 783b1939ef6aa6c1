namespace EncordSpec;

/// <summary>Stable ids of the spec rules. They are the ErrorIds users see and filter on, in the writer's errors and
/// in Test-EncordSpec's findings alike, so never rename one.</summary>
public static class RuleIds
{
    public const string ObjectUrlMissing = "ObjectUrlMissing";
    public const string ObjectUrlEmpty = "ObjectUrlEmpty";
    public const string ObjectUrlWhitespace = "ObjectUrlWhitespace";
    public const string ObjectUrlTooLong = "ObjectUrlTooLong";
    public const string TitleMissing = "TitleMissing";
    public const string GroupEmpty = "GroupEmpty";
    public const string DuplicateUrlInGroup = "DuplicateUrlInGroup";
    public const string ClientMetadataNotObject = "ClientMetadataNotObject";
    public const string ClientMetadataTooLarge = "ClientMetadataTooLarge";
    public const string UnsupportedFileType = "UnsupportedFileType";
}
