using System.Management.Automation;
using EncordSpec.Reading;

namespace EncordSpec.Cmdlets;

/// <summary>Reads Encord upload specs (JSON or CSV) back into typed items, one object per item, as they are read.</summary>
[Cmdlet(VerbsData.ConvertFrom, "EncordSpec", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EncordImage), typeof(EncordVideo), typeof(EncordAudio), typeof(EncordText), typeof(EncordPdf), typeof(EncordNifti), typeof(EncordImageGroup), typeof(EncordDicomSeries))]
public sealed partial class ConvertFromEncordSpecCommand : SpecFileCommandBase
{
    private protected override bool ReadItems => true;

    private protected override ISpecReadListener CreateListener() => new ItemWriter(this);

    private protected override void OnSpecRead(string? path, SpecReadSummary summary) =>
        WriteVerbose($"{path ?? "-Spec text"}: {summary.Items:N0} items, {summary.ObjectUrls:N0} object URLs, {summary.Errors} errors, {summary.Warnings} warnings.");

    private sealed class ItemWriter : ISpecReadListener
    {
        private readonly ConvertFromEncordSpecCommand command;

        public ItemWriter(ConvertFromEncordSpecCommand command) => this.command = command;

        public void OnItem(EncordDataItem item) => command.WriteObject(item);

        public void OnFinding(SpecFinding finding) => command.WriteFinding(finding, warningsAsErrors: false);
    }
}
