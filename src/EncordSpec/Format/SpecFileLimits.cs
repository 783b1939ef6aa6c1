using System.Collections.Generic;

namespace EncordSpec.Format;

/// <summary>The platform's per-file limits as they apply to a spec being written: its item and URL counts and its
/// file name. Test-EncordSpec reports the same rules when it reads a spec.</summary>
internal static class SpecFileLimits
{
    public static IEnumerable<ItemProblem> Check(SpecCounts counts, string? fileName)
    {
        const string split = "Split the input into several specs, for example with Select-Object -Skip and -First.";
        if (counts.Items > SpecLimits.MaxItemsPerFile)
            yield return new ItemProblem(RuleIds.TooManyItems,
                $"The spec holds {counts.Items:N0} items; the platform accepts at most {SpecLimits.MaxItemsPerFile:N0} per file. {split}");
        if (counts.ObjectUrls > SpecLimits.MaxObjectUrlsPerFile)
            yield return new ItemProblem(RuleIds.TooManyUrls,
                $"The spec holds {counts.ObjectUrls:N0} object URLs; the platform accepts at most {SpecLimits.MaxObjectUrlsPerFile:N0} per file. {split}");
        if (fileName is not null && fileName.Length > SpecLimits.MaxFileNameLength)
            yield return new ItemProblem(RuleIds.FileNameTooLong,
                $"The file name is {fileName.Length} characters long; the platform accepts at most {SpecLimits.MaxFileNameLength}. Choose a shorter name.");
    }
}
