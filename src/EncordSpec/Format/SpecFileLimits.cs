using System;

namespace EncordSpec.Format;

/// <summary>How many items and object URLs one spec file may hold: the platform's limits, or smaller ones a user
/// chose (the platform's docs recommend far smaller files, e.g. 10,000 entries). A writer starts a new file where the
/// next item would take the current one over either limit, so an item is never split across files.</summary>
internal sealed class SpecFileLimits
{
    /// <summary>The platform's own limits: 500,000 items and 1,000,000 object URLs per file.</summary>
    public static SpecFileLimits Platform { get; } = new(SpecLimits.MaxItemsPerFile, SpecLimits.MaxObjectUrlsPerFile);

    public SpecFileLimits(int maxItems, int maxObjectUrls)
    {
        if (maxItems < 1 || maxItems > SpecLimits.MaxItemsPerFile)
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, $"Between 1 and {SpecLimits.MaxItemsPerFile:N0} items per file.");
        if (maxObjectUrls < 1 || maxObjectUrls > SpecLimits.MaxObjectUrlsPerFile)
            throw new ArgumentOutOfRangeException(nameof(maxObjectUrls), maxObjectUrls, $"Between 1 and {SpecLimits.MaxObjectUrlsPerFile:N0} object URLs per file.");
        MaxItems = maxItems;
        MaxObjectUrls = maxObjectUrls;
    }

    public int MaxItems { get; }
    public int MaxObjectUrls { get; }

    /// <summary>Whether <paramref name="item"/> may join a file that holds <paramref name="file"/> already.</summary>
    public bool Fits(SpecCounts file, EncordDataItem item) =>
        file.Items < MaxItems && file.ObjectUrls + SpecCounts.ObjectUrlsOf(item) <= MaxObjectUrls;

    /// <summary>An item no file can hold: a group or series with more object URLs than a whole file may have. It is
    /// never split across files (the platform would make two items of it), so it cannot be written at all.</summary>
    public ItemProblem? CheckItem(EncordDataItem item)
    {
        int urls = SpecCounts.ObjectUrlsOf(item);
        if (urls <= MaxObjectUrls)
            return null;
        string kind = item is EncordImageGroup ? "image group" : "DICOM series";
        string limit = MaxObjectUrls == SpecLimits.MaxObjectUrlsPerFile
            ? $"the platform accepts at most {MaxObjectUrls:N0} per file"
            : $"-MaxUrlsPerFile allows at most {MaxObjectUrls:N0} per file";
        return new ItemProblem(RuleIds.TooManyUrls,
            $"The {kind} '{item.Title}' holds {urls:N0} object URLs; {limit}, and a group or series is never split across files. " +
            $"Split it into smaller ones{(MaxObjectUrls == SpecLimits.MaxObjectUrlsPerFile ? "" : " or raise -MaxUrlsPerFile")}.");
    }

    /// <summary>The platform's limit on a spec's file name.</summary>
    public static ItemProblem? CheckFileName(string fileName) =>
        fileName.Length <= SpecLimits.MaxFileNameLength ? null
            : new ItemProblem(RuleIds.FileNameTooLong,
                $"The file name '{fileName}' is {fileName.Length} characters long; the platform accepts at most {SpecLimits.MaxFileNameLength}. Choose a shorter name.");

    /// <summary>"at most 500,000 items and 1,000,000 object URLs per file", for messages.</summary>
    public override string ToString() => $"at most {MaxItems:N0} items and {MaxObjectUrls:N0} object URLs per file";
}
