using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EncordSpec.Writing;
using EncordSpec.Format;
using EncordSpec.Input;
using EncordSpec.Metadata;
using EncordSpec.Reading;
using System.Threading;

namespace EncordSpec.Cmdlets;

/// <summary>Writes Encord items and object URLs from the pipeline as an Encord private-cloud upload spec in JSON or CSV.</summary>
[Cmdlet(VerbsData.ConvertTo, "EncordSpec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed partial class ConvertToEncordSpecCommand : PSCmdlet, IDisposable
{
    private SpecItemConverter converter = new();
    private UniqueItems? unique;
    private ClientMetadataParameter? clientMetadata;
    private SpecOutput? output;
    private SpecWriterOptions flags = new();
    private bool writingCsv;
    private readonly CarriedFlags carried = new();
    private ProgressReporter? progress;
    private long received;

    /// <summary>What to write, usually from the pipeline: image groups and DICOM series, typed single items,
    /// object URLs as strings, or objects with an ObjectUrl (or Url) property and optional Title and ClientMetadata
    /// properties, such as rows of Import-Csv or CloudObject objects from Get-CloudObject.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes the spec as JSON. This is the default; the switch makes it explicit. It cannot be combined
    /// with -Csv.</summary>
    [Parameter]
    public SwitchParameter Json { get; set; }

    /// <summary>Writes the spec as CSV with the header ObjectUrl,Image group title,Create video, values quoted where
    /// needed and true/false in lower case. CSV cannot carry audio, DICOM series, titles of single files,
    /// clientMetadata, -SkipDuplicateUrls or -UpsertMetadata; any of them is a terminating error.</summary>
    [Parameter]
    public SwitchParameter Csv { get; set; }

    /// <summary>The file to write, relative to the current location. Its folder must exist, and an existing file is
    /// replaced only with -Force. Without -Path the spec is output as a string instead.</summary>
    [Parameter(Position = 0)]
    [Alias("FilePath", "OutFile")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Replaces the file at -Path if it exists. Without it, an existing file is a terminating error
    /// (SpecFileNotWritable) and is left as it was.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes "skip_duplicate_urls": true, which makes the upload idempotent: the platform skips files
    /// already in the dataset with the same object URL, and groups and series whose object URLs all match an
    /// existing one, so an interrupted upload can be retried with the same spec. JSON only.</summary>
    [Parameter]
    public SwitchParameter SkipDuplicateUrls { get; set; }

    /// <summary>Writes "upsert_metadata": true, which has the platform update the clientMetadata of the items it
    /// skips as duplicates. It has an effect only together with -SkipDuplicateUrls. JSON only.</summary>
    [Parameter]
    public SwitchParameter UpsertMetadata { get; set; }

    /// <summary>Custom metadata for every single file (images, videos, audio), written as its clientMetadata: a
    /// hashtable, ordered dictionary or PSCustomObject used for every file, or a scriptblock that runs for each file
    /// with the pipeline object as $_ and returns one. Its keys are added to the file's own metadata, replacing
    /// keys of the same name. Values may be strings, numbers, booleans, $null, dates (written in ISO 8601), arrays
    /// and nested hashtables. A value that is not a JSON object is a terminating error; a scriptblock that fails or
    /// returns something else gives a non-terminating error for that file (ClientMetadataNotObject). Groups and
    /// series are not changed: give them metadata with New-EncordImageGroup -ClientMetadata. JSON only.</summary>
    [Parameter]
    public object? ClientMetadata { get; set; }

    /// <summary>Keeps each file and each group once, to merge specs: a single file (image, video, audio) once per object
    /// URL, an image group or DICOM series once per list of object URLs (same URLs, same order), the first that comes.
    /// Dropped duplicates are counted in a verbose message; one whose title, clientMetadata or other values differ from
    /// the one kept also gets a warning. (Sort-Object ObjectUrl -Unique would drop every group: groups have no
    /// ObjectUrl.)</summary>
    [Parameter]
    public SwitchParameter Unique { get; set; }

    /// <summary>Adds the items to the spec already at -Path instead of replacing it: its items are written first, as
    /// they are, then the new ones, and its skip_duplicate_urls and upsert_metadata are kept unless -SkipDuplicateUrls
    /// or -UpsertMetadata say otherwise. The file is written anew through a temporary file, so an error leaves it as
    /// it was; a spec with errors is not added to (SpecToAppendInvalid). When the file does not exist yet, it is
    /// created. Its format is -Json or -Csv when given, else its extension's (.csv is CSV). Use -Unique to keep items
    /// that are in the file already from being added twice.</summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    /// <summary>The property that holds each input object's URL, when it is not ObjectUrl or Url: a name such as
    /// object_url, or a scriptblock that makes the URL from $_, such as { "s3://$($_.BucketName)/$($_.Key)" } for
    /// AWS.Tools' Get-S3Object output (s3:// URIs take the key as stored). Strings and Encord items are taken as
    /// they are.</summary>
    [Parameter]
    [Alias("ObjectUrlProperty")]
    public PropertySelector? UrlProperty { get; set; }

    protected override void BeginProcessing()
    {
        CheckParameters();
        if (UrlProperty is not null)
            converter = new SpecItemConverter(UrlProperty, ObjectUrlInput.Selector(UrlProperty, RunScript));
        if (Unique)
            unique = new UniqueItems();
        string? fullPath = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        bool appending = Append && fullPath is not null && File.Exists(fullPath);
        var format = Csv ? SpecFormat.Csv : Json || !appending ? SpecFormat.Json : SpecFormats.FromPath(fullPath!);
        writingCsv = format == SpecFormat.Csv;
        if (writingCsv)
            CheckCsvParameters();
        flags = new SpecWriterOptions { SkipDuplicateUrls = SkipDuplicateUrls, UpsertMetadata = UpsertMetadata };
        if (fullPath is null)
        {
            output = SpecOutput.ToText(format, flags);
        }
        else if (ShouldProcess(fullPath, "Write Encord upload spec"))
        {
            try
            {
                output = SpecOutput.ToFile(fullPath, Force || Append, format, flags);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "SpecFileNotWritable",
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, fullPath));
            }
        }
        else
        {
            output = SpecOutput.Nowhere(format, flags); // -WhatIf: still check every item, touch no disk
        }
        progress = new ProgressReporter(this, 1, "ConvertTo-EncordSpec");
        if (appending)
            AddExistingItems(fullPath!, format, flags);
    }

    /// <summary>-Append: the items of the spec at -Path go first; its flags stay unless the user set them.</summary>
    private void AddExistingItems(string fullPath, SpecFormat format, SpecWriterOptions flags)
    {
        int errors = 0;
        // An item that breaks a rule has its finding already; the spec is then not added to at all.
        var summary = ExistingSpec.Read(fullPath, format, item => { if (SpecItemRules.Check(item) is null) Add(item); },
            finding =>
            {
                if (finding.Severity == FindingSeverity.Error) errors++;
                else WriteWarning(finding.RuleId + ": " + finding);
            }, CancellationToken.None);
        if (errors > 0)
        {
            output!.Dispose();
            ThrowTerminatingError(ErrorRecords.Terminating("SpecToAppendInvalid",
                $"The spec '{fullPath}' has {errors} error(s), so nothing was added to it and it is left as it was. Run Test-EncordSpec -Path '{fullPath}' to see them.",
                ErrorCategory.InvalidData, fullPath));
        }
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(SkipDuplicateUrls)))
            flags.SkipDuplicateUrls = summary.SkipDuplicateUrls;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(UpsertMetadata)))
            flags.UpsertMetadata = summary.UpsertMetadata;
        WriteVerbose($"-Append: {summary.Items:N0} items of '{fullPath}' come first.");
    }

    private static IReadOnlyList<object?> RunScript(ScriptBlock script, object input) =>
        script.InvokeWithContext(null, new List<PSVariable> { new("_", input) });

    private void CheckParameters()
    {
        if (Json && Csv)
            ThrowParameterError("JsonAndCsv", "Use either -Json or -Csv, not both.");
        if (Append && Path is null)
            ThrowParameterError("AppendNeedsPath", "-Append adds to the spec file at -Path; give -Path.");
        if (ClientMetadata is ScriptBlock script)
        {
            clientMetadata = ClientMetadataParameter.PerInput(input => script.InvokeWithContext(null, new List<PSVariable> { new("_", input) }));
        }
        else if (ClientMetadata is not null)
        {
            try
            {
                clientMetadata = ClientMetadataParameter.Fixed(ClientMetadata);
            }
            catch (ClientMetadataException e)
            {
                ThrowParameterError(RuleIds.ClientMetadataNotObject, "-ClientMetadata: " + e.Message);
            }
        }
    }

    /// <summary>What the CSV form cannot hold (also when -Append finds a .csv file).</summary>
    private void CheckCsvParameters()
    {
        if (SkipDuplicateUrls)
            ThrowParameterError("CsvCannotSkipDuplicates", "-SkipDuplicateUrls is supported only for JSON specs (the CSV form has no such flag). Use -Json.");
        if (UpsertMetadata)
            ThrowParameterError("CsvCannotUpsertMetadata", "-UpsertMetadata is supported only for JSON specs. Use -Json.");
        if (ClientMetadata is not null)
            ThrowParameterError("CsvCannotHoldMetadata", "-ClientMetadata cannot be written to CSV: the CSV form has no metadata column. Use -Json.");
    }

    private void ThrowParameterError(string errorId, string message) =>
        ThrowTerminatingError(ErrorRecords.Terminating(errorId, message, ErrorCategory.InvalidArgument, null));

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
            Write(element);
    }

    private void Write(object? element)
    {
        var outcome = converter.Convert(element, out var finishedGroup);
        if (finishedGroup is not null)
            Add(finishedGroup);
        if (outcome.Item is not null && clientMetadata is not null)
            outcome = clientMetadata.Apply(outcome.Item, element);
        if (outcome.Problem is not null)
            WriteError(ErrorRecords.ForProblem(outcome.Problem));
        if (outcome.Warning is not null)
            WriteWarning(outcome.Warning);
        if (outcome.Item is { } item)
            Add(item);
    }

    private void Add(EncordDataItem item)
    {
        if (SpecItemRules.Check(item) is { } problem)
        {
            WriteError(ErrorRecords.ForProblem(problem, item));
            return;
        }
        if (Csv && SpecItemRules.CsvLimitation(item) is { } limitation)
            ThrowTerminatingError(ErrorRecords.Terminating("CsvCannotExpress", limitation, ErrorCategory.InvalidData, item));
        if (unique is not null && !unique.TryAdd(item, out string? differs))
        {
            if (differs is not null)
                WriteWarning(differs);
            return;
        }

        output!.Add(item);
        carried.Note(item);
        progress!.Report(++received, "items written");
    }

    protected override void EndProcessing()
    {
        if (converter.Finish() is { } lastGroup)
            Add(lastGroup);
        progress?.Complete();
        var counts = output!.Counts;
        if (converter.SkippedUnsupported > 0)
            WriteWarning(SkippedFiles.Summary(converter.SkippedUnsupported, "item(s) of unsupported file type"));
        if (unique is { Dropped: > 0 })
            WriteVerbose($"-Unique dropped {unique.Dropped:N0} duplicate item(s).");
        if (counts.Items == 0)
        {
            // A spec without items is refused by the platform: write nothing, and say so in a way a runbook notices.
            output.Dispose();
            ThrowTerminatingError(ErrorRecords.Terminating(RuleIds.SpecEmpty,
                "No spec was written: no input made an item" +
                (converter.SkippedUnsupported > 0 ? $" ({converter.SkippedUnsupported:N0} skipped as unsupported)" : "") +
                ", and the platform refuses a spec without items. Check the input and the errors and warnings above.",
                ErrorCategory.InvalidData, Path));
        }
        WriteVerbose("Spec holds " + counts);
        CarryFlags();

        if (output.Complete() is { } written)
            WriteObject(written);
        // The spec is written either way (nothing is lost), but the platform would refuse it as it is.
        foreach (var problem in SpecFileLimits.Check(counts, Path is null ? null : System.IO.Path.GetFileName(Path)))
            WriteError(ErrorRecords.ForProblem(problem, Path));
    }

    /// <summary>ConvertFrom-EncordSpec | ConvertTo-EncordSpec keeps the specs' skip_duplicate_urls and upsert_metadata
    /// unless the parameters (or -Append's spec) say otherwise. The writer writes the flags last, so setting them here
    /// is in time.</summary>
    private void CarryFlags()
    {
        if (!carried.Any || Append)
            return;
        bool csv = writingCsv;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(SkipDuplicateUrls)) && carried.SkipDuplicateUrls(out string? skipWarning) is { } skip)
        {
            if (skipWarning is not null) WriteWarning(skipWarning);
            if (skip && csv) WriteWarning("The spec read sets skip_duplicate_urls, which a CSV spec cannot hold: the platform will not skip URLs that are in the dataset already. Use -Json to keep it.");
            else flags.SkipDuplicateUrls = skip;
        }
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(UpsertMetadata)) && carried.UpsertMetadata(out string? upsertWarning) is { } upsert)
        {
            if (upsertWarning is not null) WriteWarning(upsertWarning);
            if (upsert && csv) WriteWarning("The spec read sets upsert_metadata, which a CSV spec cannot hold. Use -Json to keep it.");
            else flags.UpsertMetadata = upsert;
        }
    }

    public void Dispose() => output?.Dispose();
}
