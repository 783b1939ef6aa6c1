using System.Management.Automation;
using EncordSpec.Reading;

namespace EncordSpec.Cmdlets;

/// <summary>Reads Encord upload specs (JSON or CSV) back into typed items, one object per item, as they are read.</summary>
[Cmdlet(VerbsData.ConvertFrom, "EncordSpec", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EncordImage), typeof(EncordVideo), typeof(EncordAudio), typeof(EncordText), typeof(EncordPdf), typeof(EncordNifti), typeof(EncordImageGroup), typeof(EncordDicomSeries))]
public sealed partial class ConvertFromEncordSpecCommand : SpecFileCommandBase
{
    /// <summary>The field separator of a CSV spec that is not comma-separated, such as ';' for a file Excel saved
    /// with semicolons. It implies -Format Csv. The platform itself reads only commas: write the items out again
    /// with ConvertTo-EncordSpec -Csv to get a file it takes.</summary>
    [Parameter]
    public char? Delimiter { get; set; }

    private protected override bool ReadItems => true;

    private protected override char? CsvDelimiter => Delimiter;

    /// <summary>The flags of the spec being read, filled in when it has been read to the end.</summary>
    private ReadSpecFlags? flags;

    private protected override ISpecReadListener CreateListener() => new ItemWriter(this);

    private protected override void OnSpecStarting(string? path, SpecFormat format, long size) => flags = new ReadSpecFlags(path);

    private protected override void OnSpecRead(string? path, SpecReadSummary summary)
    {
        flags?.Complete(summary);
        WriteVerbose($"{path ?? "-Spec text"}: {summary.Items:N0} items, {summary.ObjectUrls:N0} object URLs, {summary.Errors} errors, {summary.Warnings} warnings.");
    }

    private sealed class ItemWriter : ISpecReadListener
    {
        private readonly ConvertFromEncordSpecCommand command;

        public ItemWriter(ConvertFromEncordSpecCommand command) => this.command = command;

        public void OnItem(EncordDataItem item)
        {
            item.ReadFlags = command.flags;
            command.WriteObject(item);
        }

        public void OnFinding(SpecFinding finding) => command.WriteFinding(finding, warningsAsErrors: false);
    }
}
