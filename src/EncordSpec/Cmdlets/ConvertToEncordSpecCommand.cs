using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EncordSpec.Writing;
using EncordSpec.Format;
using EncordSpec.Input;
using EncordSpec.Metadata;

namespace EncordSpec.Cmdlets;

/// <summary>Writes Encord items and object URLs from the pipeline as an Encord private-cloud upload spec in JSON or CSV.</summary>
[Cmdlet(VerbsData.ConvertTo, "EncordSpec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed partial class ConvertToEncordSpecCommand : PSCmdlet, IDisposable
{
    private readonly SpecItemConverter converter = new();
    private ClientMetadataParameter? clientMetadata;
    private SpecOutput? output;
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

    protected override void BeginProcessing()
    {
        CheckParameters();
        var format = Csv ? SpecFormat.Csv : SpecFormat.Json;
        var flags = new SpecWriterOptions { SkipDuplicateUrls = SkipDuplicateUrls, UpsertMetadata = UpsertMetadata };
        string? fullPath = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (fullPath is null)
        {
            output = SpecOutput.ToText(format, flags);
        }
        else if (ShouldProcess(fullPath, "Write Encord upload spec"))
        {
            try
            {
                output = SpecOutput.ToFile(fullPath, Force, format, flags);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ThrowNotWritable(e, fullPath);
            }
        }
        else
        {
            output = SpecOutput.Nowhere(format, flags); // -WhatIf: still check every item, touch no disk
        }
        progress = new ProgressReporter(this, 1, "ConvertTo-EncordSpec");
    }

    /// <summary>A spec file that cannot be written ends the run under the stable ErrorId of what went wrong
    /// (<see cref="SpecFileErrorIds"/>); the exception is always a <see cref="SpecFileException"/>.</summary>
    private void ThrowNotWritable(Exception e, string path)
    {
        var error = SpecFileErrors.Translate(path, e);
        ThrowTerminatingError(new ErrorRecord(error, error.ErrorId, error.ErrorId switch
        {
            SpecFileErrorIds.FolderNotFound => ErrorCategory.ObjectNotFound,
            SpecFileErrorIds.NotARegularFile => ErrorCategory.InvalidArgument,
            SpecFileErrorIds.DiskFull => ErrorCategory.WriteError,
            _ => e is UnauthorizedAccessException || e.InnerException is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError,
        }, path));
    }

    private void CheckParameters()
    {
        if (Json && Csv)
            ThrowParameterError("JsonAndCsv", "Use either -Json or -Csv, not both.");
        if (Csv && SkipDuplicateUrls)
            ThrowParameterError("CsvCannotSkipDuplicates", "-SkipDuplicateUrls is supported only for JSON specs (the CSV form has no such flag). Use -Json.");
        if (Csv && UpsertMetadata)
            ThrowParameterError("CsvCannotUpsertMetadata", "-UpsertMetadata is supported only for JSON specs. Use -Json.");
        if (Csv && ClientMetadata is not null)
            ThrowParameterError("CsvCannotHoldMetadata", "-ClientMetadata cannot be written to CSV: the CSV form has no metadata column. Use -Json.");
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

    private void ThrowParameterError(string errorId, string message) =>
        ThrowTerminatingError(ErrorRecords.Terminating(errorId, message, ErrorCategory.InvalidArgument, null));

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
            Write(element);
    }

    private void Write(object? element)
    {
        var outcome = converter.Convert(element);
        if (outcome.Item is not null && clientMetadata is not null)
            outcome = clientMetadata.Apply(outcome.Item, element);
        if (outcome.Problem is not null)
            WriteError(ErrorRecords.ForProblem(outcome.Problem));
        if (outcome.Skipped is not null)
            WriteWarning(outcome.Skipped);
        if (outcome.Item is not { } item)
            return;

        if (SpecItemRules.Check(item) is { } problem)
        {
            WriteError(ErrorRecords.ForProblem(problem, item));
            return;
        }
        if (Csv && SpecItemRules.CsvLimitation(item) is { } limitation)
            ThrowTerminatingError(ErrorRecords.Terminating("CsvCannotExpress", limitation, ErrorCategory.InvalidData, item));

        try
        {
            output!.Add(item);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowNotWritable(e, Path!);
        }
        progress!.Report(++received, "items written");
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        var counts = output!.Counts;
        if (converter.SkippedUnsupported > 0)
            WriteWarning($"Skipped {converter.SkippedUnsupported:N0} item(s) of unsupported file type; see the warnings above.");
        if (counts.Items == 0)
            WriteWarning("The spec has no items; the platform would reject it.");
        WriteVerbose("Spec holds " + counts);

        object? written = null;
        try
        {
            written = output.Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowNotWritable(e, Path!);
        }
        if (written is not null)
            WriteObject(written);
        // The spec is written either way (nothing is lost), but the platform would refuse it as it is.
        foreach (var problem in SpecFileLimits.Check(counts, Path is null ? null : System.IO.Path.GetFileName(Path)))
            WriteError(ErrorRecords.ForProblem(problem, Path));
    }

    public void Dispose() => output?.Dispose();
}
