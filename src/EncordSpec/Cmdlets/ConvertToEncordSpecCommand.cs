using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EncordSpec.Writing;
using EncordSpec.Format;
using EncordSpec.Input;
using EncordSpec.Metadata;

namespace EncordSpec.Cmdlets;

/// <summary>Writes Encord items and object URLs from the pipeline as an Encord private-cloud upload spec in JSON
/// or CSV.</summary>
/// <remarks>
/// <para>ConvertTo-EncordSpec turns what comes down the pipeline into the JSON or CSV file that the Encord
/// platform's private-cloud upload takes. It accepts the groups of <see cref="NewEncordImageGroupCommand"/> and
/// <see cref="NewEncordDicomSeriesCommand"/>, typed single items (EncordSpec.EncordImage, EncordVideo,
/// EncordAudio), object URLs as strings, and any object with an ObjectUrl (or Url) property, such as rows of
/// Import-Csv or the CloudObject objects of Get-CloudObject; an object's Title and ClientMetadata properties (the
/// latter an object, or JSON text as in a CSV column) become the item's title and clientMetadata.</para>
/// <para>Single files are sorted into the images, videos and audio sections by the extension of their URL (or
/// their DataType property). A file of an unsupported type gets a warning, is left out, and a count of the
/// skipped files follows at the end. A lone DICOM file gets a non-terminating error (LoneDicomFile): DICOM files
/// go into a series made with New-EncordDicomSeries. An item whose URL contains whitespace, or whose
/// clientMetadata is not a JSON object or is over 10 MB as JSON, gets a non-terminating error naming it and is
/// not written; the rest of the spec is.</para>
/// <para>JSON (the default, or -Json) follows the format page: sections in the order images, videos,
/// image_groups, dicom_series, audio; objectUrl_0, objectUrl_1, ... in order; createVideo always written;
/// title written only when given. CSV (-Csv) has the header ObjectUrl,Image group title,Create video and one row
/// per file (a row per image of an image group). The CSV form cannot carry audio, DICOM series, titles of single
/// files, clientMetadata or the top-level flags, so any of them is a terminating error that names the first such
/// item: nothing is silently dropped.</para>
/// <para>Without -Path the spec is output as one string. With -Path it is written as UTF-8 without a byte-order
/// mark, through a temporary file in the same folder that is moved into place at the end (an interrupted run
/// leaves no half-written spec), and the file's FileInfo is output. Items are written as they arrive, so a large
/// listing does not fill memory. -WhatIf checks every item and writes nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png',
/// 'https://cord-dev.s3.eu-west-2.amazonaws.com/Cooking.mp4',
/// 'gs://example-url/object.mp4' | ConvertTo-EncordSpec
/// </code>
/// <para>Outputs the JSON text of a spec with one image and two videos, sorted into the images and videos
/// sections by their extensions.</para>
/// </example>
/// <example>
/// <code>
/// Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ -DataType Image |
///     New-EncordImageGroup -GroupBy Folder |
///     ConvertTo-EncordSpec -Json -Path ./spec.json -WhatIf
/// </code>
/// <para>Lists the images under food-dataset/, groups them by folder and checks every group, reporting what
/// would be written to spec.json without writing it. Run it again without -WhatIf to write the file.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./videos.csv | ConvertTo-EncordSpec -Csv -Path ./videos-spec.csv -Force
/// </code>
/// <para>Writes the object URLs in the ObjectUrl column of videos.csv as a CSV spec, replacing the file if it
/// exists.</para>
/// </example>
/// <example>
/// <code>
/// Get-Content ./urls.txt -ReadCount 1000 |
///     ConvertTo-EncordSpec -Path ./spec.json -SkipDuplicateUrls -ClientMetadata ([ordered]@{ project = 'kitchen'; batch = 7 })
/// </code>
/// <para>Writes a spec of the object URLs listed in urls.txt, one per line, gives every file the same
/// clientMetadata, and sets "skip_duplicate_urls": true so that the upload can be retried without adding files
/// twice. -ReadCount 1000 hands the lines over in batches of 1,000, which ConvertTo-EncordSpec takes apart: on a
/// file of a million URLs that is about twice as fast as line by line.</para>
/// </example>
/// <example>
/// <code>
/// Import-Csv ./recordings.csv |
///     ConvertTo-EncordSpec -Path ./recordings.json -ClientMetadata { @{ camera = $_.Camera; recorded = [datetime]$_.Recorded } }
/// </code>
/// <para>Computes each file's clientMetadata from its own CSV row ($_): the Camera column as a string and the
/// Recorded column as a date, written in ISO 8601.</para>
/// </example>
/// <example>
/// <code>
/// $base = 'https://myaccount.blob.core.windows.net/mycontainer'
/// $groups = @(
///     "$base/myblob1.jpg", "$base/myblob2.jpg" | New-EncordImageGroup -Title image_group_1
///     "$base/myblob3.jpg", "$base/myblob4.jpg" | New-EncordImageGroup -Title image_group2
/// )
/// $groups | ConvertTo-EncordSpec -Path ./azure.json
/// </code>
/// <para>Builds two Azure Blob image groups, as in the format page's Azure example, and writes them into one
/// spec.</para>
/// </example>
/// <returns>Without -Path, the spec as one string (JSON or CSV text); with -Path, the FileInfo of the file written;
/// with -WhatIf, nothing.</returns>
/// <seealso cref="NewEncordImageGroupCommand"/>
/// <seealso cref="NewEncordDicomSeriesCommand"/>
[Cmdlet(VerbsData.ConvertTo, "EncordSpec", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ConvertToEncordSpecCommand : PSCmdlet, IDisposable
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
                ThrowTerminatingError(new ErrorRecord(e, "SpecFileNotWritable",
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, fullPath));
            }
        }
        else
        {
            output = SpecOutput.Nowhere(format, flags); // -WhatIf: still check every item, touch no disk
        }
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

        output!.Add(item);
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

        if (output.Complete() is { } written)
            WriteObject(written);
        // The spec is written either way (nothing is lost), but the platform would refuse it as it is.
        foreach (var problem in SpecFileLimits.Check(counts, Path is null ? null : System.IO.Path.GetFileName(Path)))
            WriteError(ErrorRecords.ForProblem(problem, Path));
    }

    public void Dispose() => output?.Dispose();
}
