using EncordSpec.Format;

namespace EncordSpec.Input;

/// <summary>What the cmdlets say when they leave out a file that the item being made cannot take: one warning per
/// file and a count at the end, the same in ConvertTo-EncordSpec, New-EncordImageGroup and New-EncordDicomSeries, so
/// a Thumbs.db in a folder never stops a run that uses $ErrorActionPreference = 'Stop'.</summary>
internal static class SkippedFiles
{
    /// <summary>A file of another kind than a group holds.</summary>
    /// <param name="url">The file's object URL.</param>
    /// <param name="type">What the file is, by its DataType property or its extension.</param>
    /// <param name="noun">"image" or "DICOM file".</param>
    /// <param name="group">"image group" or "DICOM series".</param>
    public static string NotMember(string url, DataType type, string noun, string group) =>
        $"Skipped '{url}': it is not {Article(noun)} {noun} ({type}, by its {(type == DataType.Unsupported ? "extension" : "type")}), so it cannot be in {Article(group)} {group}.";

    /// <summary>The count at the end.</summary>
    public static string Summary(long count, string what) => $"Skipped {count:N0} {what}; see the warnings above.";

    private static string Article(string noun) => "aeiouAEIOU".IndexOf(noun[0]) >= 0 ? "an" : "a";
}
