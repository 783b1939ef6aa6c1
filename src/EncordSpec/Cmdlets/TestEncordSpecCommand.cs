using System.Management.Automation;
using EncordSpec.Reading;

namespace EncordSpec.Cmdlets;

/// <summary>Checks Encord upload specs (JSON or CSV) against every rule of the format and the platform's limits, offline.</summary>
[Cmdlet(VerbsDiagnostic.Test, "EncordSpec", DefaultParameterSetName = PathSet)]
[OutputType(typeof(bool), typeof(SpecFinding), typeof(SpecSummary))]
public sealed partial class TestEncordSpecCommand : SpecFileCommandBase
{
    private SpecSummaryCounter? counter;

    /// <summary>Output the findings as SpecFinding objects (with a table view) instead of errors, warnings and
    /// $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Output one SpecSummary per spec instead of $true/$false: its path, whether it passed, its errors and
    /// warnings, its items per section, object URLs, the smallest and largest group, its size and flags. Use it to
    /// see which of several files failed (Test-EncordSpec *.json -Summary) and what a spec holds before uploading
    /// it. With -Detailed, the findings come first.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Treat warnings as errors: they are written as errors and make the file fail.</summary>
    [Parameter]
    public SwitchParameter WarningsAsErrors { get; set; }

    /// <summary>The kind of integration the spec is for. Standard (the default): object URLs are plain, and a signed
    /// URL is an error (ObjectUrlSigned). StrictClientOnly: as Standard, and every image, video, audio, text and PDF
    /// item must carry its media metadata with every field the platform requires (MediaMetadataMissing). DirectAccess:
    /// the platform does not sign URLs, so pre-signed URLs and any HTTPS host are expected, not findings; whitespace,
    /// placeholders and the structure rules still apply.</summary>
    [Parameter]
    public IntegrationKind Integration { get; set; }

    private protected override IntegrationKind IntegrationToCheck => Integration;

    // Counting items per section means building them; without -Summary only the rules are checked.
    private protected override bool ReadItems => Summary;

    private protected override ISpecReadListener CreateListener() => new FindingWriter(this);

    private protected override void OnSpecStarting(string? path, SpecFormat format, long size) =>
        counter = Summary ? new SpecSummaryCounter(path, format, size) : null;

    private protected override void OnSpecRead(string? path, SpecReadSummary summary)
    {
        WriteVerbose($"{path ?? "-Spec text"}: {summary.Items:N0} items, {summary.ObjectUrls:N0} object URLs, {summary.Errors} errors, {summary.Warnings} warnings.");
        if (counter is not null)
            WriteObject(counter.Finish(summary, WarningsAsErrors));
        else if (!Detailed)
            WriteObject(summary.Passed(WarningsAsErrors));
    }

    private protected override void OnSpecUnreadable(string path)
    {
        if (Summary)
            WriteObject(new SpecSummary { Path = path, Format = SpecFormats.FromPath(path), Passed = false, Errors = 1 });
        else if (!Detailed)
            WriteObject(false);
    }

    private sealed class FindingWriter : ISpecReadListener
    {
        private readonly TestEncordSpecCommand command;

        public FindingWriter(TestEncordSpecCommand command) => this.command = command;

        public void OnItem(EncordDataItem item) => command.counter?.Add(item);

        public void OnFinding(SpecFinding finding)
        {
            if (command.Detailed)
                command.WriteObject(finding);
            else
                command.WriteFinding(finding, command.WarningsAsErrors);
        }
    }
}
