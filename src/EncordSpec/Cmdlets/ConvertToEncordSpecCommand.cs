using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Management.Automation;
using System.Text;

namespace EncordSpec.Cmdlets;

[Cmdlet(VerbsData.ConvertTo, "EncordSpec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ConvertToEncordSpecCommand : PSCmdlet, IDisposable
{
    private ISpecWriter? writer;
    private AtomicFileWriter? file;
    private MemoryStream? textOutput;
    private OrderedDictionary? fixedMetadata;
    private ProgressReporter? progress;
    private readonly Dictionary<DataType, long> skippedByType = new();
    private long received;

    /// <summary>Encord items, object URLs, or objects with an ObjectUrl property.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public SwitchParameter Json { get; set; }

    [Parameter]
    public SwitchParameter Csv { get; set; }

    [Parameter(Position = 0)]
    [Alias("FilePath", "OutFile")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter SkipDuplicateUrls { get; set; }

    [Parameter]
    public SwitchParameter UpsertMetadata { get; set; }

    /// <summary>A hashtable (the same for every single item) or a scriptblock run per item with $_.</summary>
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
    }

    public void Dispose()
    {
        writer?.Dispose();
        file?.Dispose();
        textOutput?.Dispose();
    }
}
