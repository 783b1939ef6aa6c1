using System.Management.Automation;
using EncordSpec.Reading;

namespace EncordSpec.Cmdlets;

/// <summary>Checks Encord upload specs (JSON or CSV) against every rule of the format and the platform's limits, offline.</summary>
/// <remarks>
/// <para>Test-EncordSpec reads each spec once, as a stream (a 1 GB spec is read in constant memory), and returns
/// $true or $false per file, like Test-Path. A file fails when it breaks a rule of Error severity; with
/// -WarningsAsErrors, also when it breaks one of Warning severity.</para>
/// <para>Each problem is written as a non-terminating error (Error severity) or a warning (Warning severity). The
/// ErrorId is the rule's stable id, such as ObjectUrlWhitespace, and the message names the item (for example
/// image_groups[2].objectUrl_3), the line and column, and what to do. With -Detailed, Test-EncordSpec outputs the
/// findings as objects (Severity, RuleId, Location, Line, Column, Message, Path) instead, for Group-Object,
/// Where-Object or Export-Csv; it then writes no errors or warnings and no $true/$false.</para>
/// <para>Get-Help about_EncordSpec_Rules lists every rule with its id, severity and meaning. Test-EncordSpec never
/// throws on bad input: empty files, binary files, invalid UTF-8, deep nesting and truncated files are findings.</para>
/// </remarks>
/// <example>
/// <code>Test-EncordSpec ./upload.json</code>
/// <para>Checks one spec. Returns $true when it has no errors; each problem is shown with its line and column.</para>
/// </example>
/// <example>
/// <code>Test-EncordSpec ./specs/*.json, ./specs/*.csv -WarningsAsErrors</code>
/// <para>Checks every JSON and CSV spec in the folder; warnings (duplicate URLs, unknown keys, ...) fail a file too.</para>
/// </example>
/// <example>
/// <code>Test-EncordSpec ./upload.json -Detailed | Group-Object RuleId | Sort-Object Count -Descending</code>
/// <para>Counts the problems of a large spec by rule.</para>
/// </example>
/// <example>
/// <code>Get-ChildItem ./exports -Recurse -Filter *.json | Where-Object { -not (Test-EncordSpec -LiteralPath $_.FullName -ErrorAction SilentlyContinue) }</code>
/// <para>Lists the specs under a folder that would fail.</para>
/// </example>
/// <example>
/// <code>$spec = 's3://bucket/a.jpg', 's3://bucket/b.mp4' | ConvertTo-EncordSpec; Test-EncordSpec -Spec $spec</code>
/// <para>Checks spec text that is not in a file; -Spec (Get-Content x.json -Raw) works too.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "EncordSpec", DefaultParameterSetName = PathSet)]
[OutputType(typeof(bool), typeof(SpecFinding))]
public sealed class TestEncordSpecCommand : SpecFileCommandBase
{
    /// <summary>Output the findings as SpecFinding objects (with a table view) instead of errors, warnings and
    /// $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Treat warnings as errors: they are written as errors and make the file fail.</summary>
    [Parameter]
    public SwitchParameter WarningsAsErrors { get; set; }

    private protected override bool ReadItems => false;

    private protected override ISpecReadListener CreateListener() => new FindingWriter(this);

    private protected override void OnSpecRead(string? path, SpecReadSummary summary)
    {
        WriteVerbose($"{path ?? "-Spec text"}: {summary.Items:N0} items, {summary.ObjectUrls:N0} object URLs, {summary.Errors} errors, {summary.Warnings} warnings.");
        if (!Detailed)
            WriteObject(summary.Passed(WarningsAsErrors));
    }

    private protected override void OnSpecUnreadable(string path)
    {
        if (!Detailed)
            WriteObject(false);
    }

    private sealed class FindingWriter : ISpecReadListener
    {
        private readonly TestEncordSpecCommand command;

        public FindingWriter(TestEncordSpecCommand command) => this.command = command;

        public void OnItem(EncordDataItem item) { }

        public void OnFinding(SpecFinding finding)
        {
            if (command.Detailed)
                command.WriteObject(finding);
            else
                command.WriteFinding(finding, command.WarningsAsErrors);
        }
    }
}
