using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Management.Automation;
using System.Text;
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
    private ISpecWriter? writer;
    private AtomicFileWriter? file;
    private MemoryStream? textOutput;
    private OrderedDictionary? fixedMetadata;
    private ProgressReporter? progress;
    private readonly Dictionary<DataType, long> skippedByType = new();
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
        string? fullPath = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

        Stream output;
        if (fullPath is null)
        {
            output = textOutput = new MemoryStream();
        }
        else if (ShouldProcess(fullPath, "Write Encord upload spec"))
        {
            try
            {
                file = new AtomicFileWriter(fullPath, Force);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "SpecFileNotWritable",
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, fullPath));
            }
            output = file!.Stream;
        }
        else
        {
            output = Stream.Null; // -WhatIf: still check every item, write nothing
        }

        writer = Csv
            ? new SpecCsvWriter(output)
            : fullPath is null
                ? SpecJsonWriter.InMemory(output, FlagOptions())
                : new SpecJsonWriter(output, FlagOptions(), _ => SectionBufferFile(fullPath));
        progress = new ProgressReporter(this, 1, "ConvertTo-EncordSpec");
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
        if (ClientMetadata is not null and not ScriptBlock)
        {
            try
            {
                fixedMetadata = JsonValueNormalizer.ToJsonObject(ClientMetadata);
            }
            catch (ClientMetadataException e)
            {
                ThrowParameterError(RuleIds.ClientMetadataNotObject, "-ClientMetadata: " + e.Message);
            }
        }
    }

    private void ThrowParameterError(string errorId, string message) =>
        ThrowTerminatingError(ErrorRecords.Terminating(errorId, message, ErrorCategory.InvalidArgument, null));

    private SpecWriterOptions FlagOptions() => new() { SkipDuplicateUrls = SkipDuplicateUrls, UpsertMetadata = UpsertMetadata };

    /// <summary>Each section of a large JSON spec waits in a hidden file beside the target until the end.</summary>
    private static Stream SectionBufferFile(string targetPath) =>
        new FileStream(AtomicFileWriter.TempPathBeside(targetPath, "section"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
            Write(element);
    }

    private void Write(object? element)
    {
        var item = ToItem(element);
        if (item is null)
            return;
        var problem = SpecItemRules.Check(item);
        if (problem is not null)
        {
            WriteError(ErrorRecords.ForProblem(problem, item));
            return;
        }
        if (Csv && SpecItemRules.CsvLimitation(item) is { } limitation)
            ThrowTerminatingError(ErrorRecords.Terminating("CsvCannotExpress", limitation, ErrorCategory.InvalidData, item));

        writer!.Add(item);
        progress!.Report(++received, "items written");
    }

    /// <summary>The typed item for one input, or null after writing the error or warning that says why not.</summary>
    private EncordDataItem? ToItem(object? inputObject)
    {
        if (InputProperties.Unwrap(inputObject) is EncordDataItem typed)
            return WithParameterMetadata(typed, inputObject);

        var input = ObjectUrlInput.From(inputObject);
        if (input is null)
        {
            WriteError(ErrorRecords.ForItem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(inputObject)}; pass Encord items, object URLs, or objects with an ObjectUrl property.",
                inputObject));
            return null;
        }

        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        if (type == DataType.Dicom)
        {
            WriteError(ErrorRecords.ForItem("LoneDicomFile",
                $"'{input.ObjectUrl}' is a DICOM file; DICOM files go into a series. Pipe them through New-EncordDicomSeries first.",
                input.ObjectUrl));
            return null;
        }
        if (type == DataType.Unsupported)
        {
            skippedByType[type] = skippedByType.TryGetValue(type, out long count) ? count + 1 : 1;
            WriteWarning($"Skipped '{input.ObjectUrl}': its file type is not an image, video or audio format the platform supports.");
            return null;
        }

        try
        {
            return WithParameterMetadata(SingleItemFactory.Create(input, type)!, inputObject);
        }
        catch (ClientMetadataException e)
        {
            WriteError(ErrorRecords.ForItem(RuleIds.ClientMetadataNotObject, $"'{input.ObjectUrl}': {e.Message}", input.ObjectUrl));
            return null;
        }
    }

    /// <summary>Applies -ClientMetadata to single items: the hashtable, or what the scriptblock returns for this input.</summary>
    private EncordDataItem? WithParameterMetadata(EncordDataItem item, object? inputObject)
    {
        if (ClientMetadata is null || item is not EncordSingleItem single)
            return item;
        OrderedDictionary extra;
        if (ClientMetadata is ScriptBlock script)
        {
            try
            {
                var result = script.InvokeWithContext(null, new List<PSVariable> { new("_", inputObject) });
                extra = JsonValueNormalizer.ToJsonObject(result.Count == 1 ? result[0] : result);
            }
            catch (Exception e) when (e is RuntimeException or ClientMetadataException)
            {
                WriteError(ErrorRecords.ForItem(RuleIds.ClientMetadataNotObject,
                    $"-ClientMetadata for '{single.ObjectUrl}': {e.Message}", single.ObjectUrl));
                return null;
            }
        }
        else
        {
            extra = fixedMetadata!;
        }
        single.ClientMetadata = SingleItemFactory.Merge(single.ClientMetadata, extra);
        return single;
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        writer!.Complete();
        long skipped = 0;
        foreach (long count in skippedByType.Values) skipped += count;
        if (skipped > 0)
            WriteWarning($"Skipped {skipped:N0} item(s) of unsupported file type; see the warnings above.");
        if (writer.Counts.Items == 0)
            WriteWarning("The spec has no items; the platform would reject it.");
        WriteVerbose("Spec holds " + writer.Counts);

        if (textOutput is not null)
        {
            WriteObject(new UTF8Encoding(false).GetString(textOutput.GetBuffer(), 0, (int)textOutput.Length));
        }
        else if (file is not null)
        {
            writer.Dispose();
            WriteObject(file.Commit());
        }
        // The spec is written either way (nothing is lost), but the platform would refuse it as it is.
        foreach (var problem in SpecFileLimits.Check(writer.Counts, Path is null ? null : System.IO.Path.GetFileName(Path)))
            WriteError(ErrorRecords.ForProblem(problem, Path));
    }

    public void Dispose()
    {
        writer?.Dispose();
        file?.Dispose();
        textOutput?.Dispose();
    }
}
