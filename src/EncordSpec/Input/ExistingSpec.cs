using System;
using System.IO;
using System.Threading;
using EncordSpec.Reading;

namespace EncordSpec.Input;

/// <summary>ConvertTo-EncordSpec -Append: the items of the spec already at -Path, read back (as ConvertFrom-EncordSpec
/// reads them) so that they are written first, with the new items after them.</summary>
internal static class ExistingSpec
{
    /// <summary>Reads the spec at <paramref name="path"/>, handing each item to <paramref name="onItem"/> and each finding
    /// to <paramref name="onFinding"/>; the summary has the file's flags and how many errors it has.</summary>
    public static SpecReadSummary Read(string path, SpecFormat format, Action<EncordDataItem> onItem, Action<SpecFinding> onFinding,
        CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var options = new SpecReadOptions { Path = path, ReadItems = true, CancellationToken = cancellationToken };
        return SpecReader.Read(stream, format, options, new Listener(onItem, onFinding));
    }

    private sealed class Listener : ISpecReadListener
    {
        private readonly Action<EncordDataItem> onItem;
        private readonly Action<SpecFinding> onFinding;

        public Listener(Action<EncordDataItem> onItem, Action<SpecFinding> onFinding)
        {
            this.onItem = onItem;
            this.onFinding = onFinding;
        }

        public void OnItem(EncordDataItem item) => onItem(item);

        public void OnFinding(SpecFinding finding) => onFinding(finding);
    }
}
