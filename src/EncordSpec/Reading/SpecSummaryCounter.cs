namespace EncordSpec.Reading;

/// <summary>Counts the items of one spec as they are read, for Test-EncordSpec -Summary.</summary>
internal sealed class SpecSummaryCounter
{
    private readonly SpecSummary summary;

    public SpecSummaryCounter(string? path, SpecFormat format, long size) =>
        summary = new SpecSummary { Path = path, Format = format, Size = size };

    public void Add(EncordDataItem item)
    {
        switch (item.Section)
        {
            case SpecSection.Images: summary.Images++; break;
            case SpecSection.Videos: summary.Videos++; break;
            case SpecSection.Audio: summary.Audio++; break;
            case SpecSection.ImageGroups: summary.ImageGroups++; break;
            case SpecSection.DicomSeries: summary.DicomSeries++; break;
        }
        if (item is EncordGroupItem group)
        {
            bool first = summary.ImageGroups + summary.DicomSeries == 1;
            summary.SmallestGroup = first ? group.Count : System.Math.Min(summary.SmallestGroup, group.Count);
            summary.LargestGroup = first ? group.Count : System.Math.Max(summary.LargestGroup, group.Count);
            summary.ObjectUrls += group.Count;
        }
        else
        {
            summary.ObjectUrls++;
        }
    }

    /// <summary>The summary, once the spec has been read to its end.</summary>
    public SpecSummary Finish(SpecReadSummary read, bool warningsAsErrors)
    {
        summary.Passed = read.Passed(warningsAsErrors);
        summary.Errors = read.Errors;
        summary.Warnings = read.Warnings;
        summary.SkipDuplicateUrls = read.SkipDuplicateUrls;
        summary.UpsertMetadata = read.UpsertMetadata;
        return summary;
    }
}
