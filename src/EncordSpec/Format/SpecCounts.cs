using System.Text;

namespace EncordSpec.Format;

/// <summary>How many items of each section, and object URLs in all, a spec holds: what the per-file limits
/// (<see cref="SpecFileLimits"/>) are measured on.</summary>
internal sealed class SpecCounts
{
    private readonly long[] items = new long[SpecSectionNames.Count];

    public long Images => items[(int)SpecSection.Images];
    public long Videos => items[(int)SpecSection.Videos];
    public long ImageGroups => items[(int)SpecSection.ImageGroups];
    public long DicomSeries => items[(int)SpecSection.DicomSeries];
    public long Audio => items[(int)SpecSection.Audio];
    public long Text => items[(int)SpecSection.Text];
    public long Pdf => items[(int)SpecSection.Pdf];
    public long Nifti => items[(int)SpecSection.Nifti];
    public long Items
    {
        get
        {
            long sum = 0;
            foreach (long count in items)
                sum += count;
            return sum;
        }
    }
    public long ObjectUrls { get; private set; }

    public long this[SpecSection section] => items[(int)section];

    public void Count(EncordDataItem item)
    {
        items[(int)item.Section]++;
        ObjectUrls += ObjectUrlsOf(item);
    }

    /// <summary>The object URLs one item brings: 1 for a single file, one per image or slice of a group.</summary>
    public static int ObjectUrlsOf(EncordDataItem item) => item is EncordGroupItem group ? group.ObjectUrls.Length : 1;

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (SpecSection section in System.Enum.GetValues(typeof(SpecSection)))
        {
            if (this[section] == 0) continue;
            if (text.Length > 0) text.Append(", ");
            text.Append(this[section]).Append(' ').Append(section.JsonName());
        }
        if (text.Length == 0) text.Append("no items");
        return text.Append(" (").Append(ObjectUrls).Append(" object URLs)").ToString();
    }
}
