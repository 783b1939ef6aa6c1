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
    private SpecFileLimits limits = SpecFileLimits.Platform;
    private SpecOutput? output;
    private SpecWriterOptions flags = new();
    private bool writingCsv;
    private readonly CarriedFlags carried = new();
    private readonly CsvGroupTitles csvGroupTitles = new();
    private bool whatIf;
    private bool writingFiles;
    private ProgressReporter? progress;
    private string progressActivity = "items written";
    private int progressSpecs;
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
    /// needed and true/false in lower case. CSV cannot carry audio, text, PDF, NIfTI, DICOM series, titles of single
    /// files, clientMetadata, media metadata, -SkipDuplicateUrls or -UpsertMetadata; any of them is a terminating
    /// error.</summary>
    [Parameter]
    public SwitchParameter Csv { get; set; }

    /// <summary>The file to write, relative to the current location; its folder must exist. An input over the
    /// per-file limits goes into numbered files beside it instead (spec-0001.json, spec-0002.json, ...), and so does
    /// any input when -MaxItemsPerFile or -MaxUrlsPerFile is given. Existing files of that set are replaced only with
    /// -Force. Without -Path each spec is output as a string instead.</summary>
    [Parameter(Position = 0)]
    [Alias("FilePath", "OutFile")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Replaces the spec at -Path if it exists, together with the numbered files of an earlier split there
    /// (spec-0001.json, spec-0002.json, ... up to the first number missing): files of the earlier set that the new one
    /// does not replace are removed, with a warning, so none is uploaded by mistake. Without -Force any of those files
    /// is a terminating error (SpecFileNotWritable) before anything is written, and all are left as they were.</summary>
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

    /// <summary>The data types to write: Image, Video, Audio, Text, Pdf, Nifti. Inputs of other types are left out.
    /// Without it every type but Text is written: text files (.txt .json .csv .xml ...) beside media are mostly
    /// labels and sidecars, so they are skipped with one warning unless Text is named here, the listing came from
    /// Get-CloudObject -DataType Text, or the input has a DataType property. A single type also states the type of
    /// files whose extension does not tell: -DataType Audio writes .mp4 files as audio, and files of an extension
    /// the platform does not document are written as that type with a warning.</summary>
    [Parameter]
    [ValidateSet("Image", "Video", "Audio", "Text", "Pdf", "Nifti", IgnoreCase = true)]
    public DataType[]? DataType { get; set; }

    /// <summary>The kind of integration the spec is for. Standard (the default): object URLs must be plain; a signed
    /// URL is an error for that item (ObjectUrlSigned). StrictClientOnly: as Standard, and every image, video, audio,
    /// text and PDF item must carry media metadata with every field the platform requires, or it is left out with an
    /// error naming the missing fields (MediaMetadataMissing): pipe Get-CloudObject -MediaMetadata. DirectAccess: the
    /// platform does not sign URLs, so pre-signed URLs are written as given.</summary>
    [Parameter]
    public IntegrationKind Integration { get; set; }

    /// <summary>The most items (single files, image groups and DICOM series) one spec may hold; the default is the
    /// platform's limit. Where the next item would exceed it, a new file begins, so the files keep the input order and
    /// no group is split. The platform's docs recommend far smaller files than its limits, e.g. 10,000 entries on an
    /// Enterprise plan and 2,500 on Team. Given (as is -MaxUrlsPerFile), the files are always numbered, even when one
    /// holds everything, so a script finds spec-0001.json whatever the input's size.</summary>
    [Parameter]
    [ValidateRange(1, SpecLimits.MaxItemsPerFile)]
    public int MaxItemsPerFile { get; set; } = SpecLimits.MaxItemsPerFile;

    /// <summary>The most object URLs one spec may hold (a single file has one, a group one per image or slice); the
    /// default is the platform's limit. A group with more URLs than this is a non-terminating error (TooManyUrls)
    /// naming it, since a group is never split across files. Given, the files are always numbered, as with
    /// -MaxItemsPerFile.</summary>
    [Parameter]
    [ValidateRange(1, SpecLimits.MaxObjectUrlsPerFile)]
    public int MaxUrlsPerFile { get; set; } = SpecLimits.MaxObjectUrlsPerFile;

    protected override void BeginProcessing()
    {
        CheckParameters();
        if (Unique)
            unique = new UniqueItems();
        string? fullPath = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        bool appending = Append && fullPath is not null && File.Exists(fullPath);
        var format = Csv ? SpecFormat.Csv : Json || !appending ? SpecFormat.Json : SpecFormats.FromPath(fullPath!);
        writingCsv = format == SpecFormat.Csv;
        if (writingCsv)
            CheckCsvParameters();
        flags = new SpecWriterOptions { SkipDuplicateUrls = SkipDuplicateUrls, UpsertMetadata = UpsertMetadata };
        limits = new SpecFileLimits(MaxItemsPerFile, MaxUrlsPerFile);
        if (fullPath is null)
        {
            output = SpecOutput.ToText(format, flags, limits);
        }
        else
        {
            var names = new SpecFileNames(fullPath, LimitsGiven);
            string numbered = System.IO.Path.GetFileName(names.Numbered(1));
            if (ShouldProcess(
                    $"Writing the Encord upload spec {names.Plain}" +
                    (LimitsGiven ? $" as {numbered}, ... ({limits})." : $", or {numbered}, ... beside it if the input exceeds the platform's limits ({limits})."),
                    $"Write the Encord upload spec {names.Plain}?", "Write Encord upload spec", out var reason))
            {
                try
                {
                    output = SpecOutput.ToFiles(names, Force || Append, format, flags, limits); // -Append rewrites its file
                    writingFiles = true;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    ThrowNotWritable(e, names.Plain);
                }
            }
            else
            {
                whatIf = reason == ShouldProcessReason.WhatIf;
                output = SpecOutput.Nowhere(names, format, flags, limits); // still check every item, touch no disk
            }
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

    /// <summary>The user chose the limits, so the files are numbered whatever the input's size.</summary>
    private bool LimitsGiven => MyInvocation.BoundParameters.ContainsKey(nameof(MaxItemsPerFile)) ||
        MyInvocation.BoundParameters.ContainsKey(nameof(MaxUrlsPerFile));

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
        converter = UrlProperty is null
            ? new SpecItemConverter(DataType)
            : new SpecItemConverter(DataType, UrlProperty, ObjectUrlInput.Selector(UrlProperty, ScriptWithInput.Run));
        if (Json && Csv)
            ThrowParameterError("JsonAndCsv", "Use either -Json or -Csv, not both.");
        if (Append && Path is null)
            ThrowParameterError("AppendNeedsPath", "-Append adds to the spec file at -Path; give -Path.");
        if (ClientMetadata is ScriptBlock script)
        {
            clientMetadata = ClientMetadataParameter.PerInput(input => ScriptWithInput.Run(script, input));
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
            outcome = outcome.WithItem(clientMetadata.Apply(outcome.Item, element));
        if (outcome.Problem is not null)
            WriteError(ErrorRecords.ForProblem(outcome.Problem));
        if (outcome.Skipped is not null)
            WriteWarning(outcome.Skipped);
        if (outcome.Warning is not null && outcome.Item is not null)
            WriteWarning(outcome.Warning);
        if (outcome.Item is { } item)
            Add(item);
    }

    private void Add(EncordDataItem item)
    {
        if (SpecItemRules.Check(item, Integration) is { } problem)
        {
            WriteError(ErrorRecords.ForProblem(problem, item));
            return;
        }
        if (SpecItemRules.CheckTitle(item.Section, item.Title) is { } titleWarning)
            WriteWarning($"{titleWarning.RuleId}: {item}: {titleWarning.Message}");
        if (Csv && SpecItemRules.CsvLimitation(item) is { } limitation)
            ThrowTerminatingError(ErrorRecords.Terminating("CsvCannotExpress", limitation, ErrorCategory.InvalidData, item));
        if (limits.CheckItem(item) is { } tooLarge)
        {
            WriteError(ErrorRecords.ForProblem(tooLarge, item));
            return;
        }
        if (unique is not null && !unique.TryAdd(item, out string? differs))
        {
            if (differs is not null)
                WriteWarning(differs);
            return;
        }

        if (Csv && csvGroupTitles.Check(item) is { } sameTitle)
        {
            WriteError(ErrorRecords.ForProblem(sameTitle, item));
            return;
        }
        try
        {
            output!.Add(item);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowNotWritable(e, Path!);
        }
        carried.Note(item);
        if (output!.Specs != progressSpecs)
        {
            progressSpecs = output.Specs;
            progressActivity = progressSpecs == 1 ? "items written" : $"items written (spec {progressSpecs:N0})";
        }
        progress!.Report(++received, progressActivity);
    }

    protected override void EndProcessing()
    {
        if (converter.Finish() is { } lastGroup)
            Add(lastGroup);
        progress?.Complete();
        var counts = output!.Counts;
        if (converter.SkippedUnsupported > 0)
            WriteWarning(SkippedFiles.Summary(converter.SkippedUnsupported, "item(s) of unsupported file type"));
        if (converter.SkippedText > 0)
            WriteWarning($"Skipped {converter.SkippedText:N0} text file(s) (.txt, .json, .csv, .xml, ...): beside media they are " +
                "mostly labels and sidecars. To register them as text items, use -DataType Text (here or on Get-CloudObject).");
        if (converter.SkippedOtherTypes > 0)
            WriteVerbose($"Left out {converter.SkippedOtherTypes:N0} item(s) of other types than -DataType {string.Join(", ", DataType!)}.");
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

        IReadOnlyList<object> written = Array.Empty<object>();
        try
        {
            written = output.Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowNotWritable(e, Path!);
        }
        var parts = output.Parts;
        if (parts.Count > 1)
            WriteWarning(SplitWarning(counts, parts));
        if (parts.Count > 1)
            foreach (var part in parts)
                WriteVerbose($"Spec {part.Number:N0}{(part.Path is null ? "" : " (" + part.Path + ")")} holds {part.Counts}");
        if (whatIf)
            ReportWhatIf(parts);
        else if (writingFiles && Force)
            RemoveStaleFiles();

        foreach (object spec in written)
            WriteObject(spec);
        // The platform refuses a spec whose file name is too long; the files are written all the same (nothing is lost).
        foreach (var part in parts)
            if (part.Path is not null && SpecFileLimits.CheckFileName(System.IO.Path.GetFileName(part.Path)) is { } problem)
                WriteError(ErrorRecords.ForProblem(problem, part.Path));
    }

    private string SplitWarning(SpecCounts counts, IReadOnlyList<SpecPart> parts)
    {
        string where = parts[0].Path is null
            ? $"output {parts.Count:N0} specs"
            : $"{(whatIf ? "would write" : "wrote")} {parts.Count:N0} specs, {System.IO.Path.GetFileName(parts[0].Path)} to {System.IO.Path.GetFileName(parts[parts.Count - 1].Path)}";
        string whose = LimitsGiven ? "the limits given" : "the platform's limits";
        return $"The input holds {counts.Items:N0} items ({counts.ObjectUrls:N0} object URLs), more than one spec may hold " +
            $"under {whose} ({limits}): {where}. Upload each of them.";
    }

    /// <summary>-WhatIf: the files a real run would write, and under -Force the files of an earlier set it would remove.</summary>
    private void ReportWhatIf(IReadOnlyList<SpecPart> parts)
    {
        foreach (var part in parts)
            ShouldProcess($"Writing {part.Path}: {part.Counts}.", null, null);
        if (Force)
            foreach (string stale in output!.StaleFiles())
                ShouldProcess($"Removing {stale}, a file of an earlier spec at this path that the new one does not replace.", null, null);
    }

    /// <summary>-Force replaces the whole set at -Path: files of an earlier, larger split would be uploaded with the new
    /// set, so they go.</summary>
    private void RemoveStaleFiles()
    {
        var removed = new List<string>();
        foreach (var (stale, error) in output!.RemoveStaleFiles())
        {
            if (error is null)
                removed.Add(System.IO.Path.GetFileName(stale));
            else
                WriteError(new ErrorRecord(error, "StaleSpecFileNotRemoved", ErrorCategory.WriteError, stale));
        }
        if (removed.Count > 0)
            WriteWarning($"Removed {removed.Count:N0} file(s) of an earlier spec at this path that the new one does not replace: {string.Join(", ", removed)}.");
    }

    /// <summary>ConvertFrom-EncordSpec | ConvertTo-EncordSpec keeps the specs' skip_duplicate_urls and upsert_metadata
    /// unless the parameters (or -Append's spec) say otherwise. The writer writes the flags last, so setting them here
    /// is in time.</summary>
    private void CarryFlags()
    {
        if (!carried.Any || Append)
            return;
        if (output!.Specs > 1)
        {
            // The flags are known only once every spec was read, and the first files of a split are written by then:
            // carrying them into the last file alone would make the set disagree with itself.
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(SkipDuplicateUrls)) && carried.SkipDuplicateUrls(out _) == true)
                WarnNotCarried(SpecKeys.SkipDuplicateUrls, nameof(SkipDuplicateUrls));
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(UpsertMetadata)) && carried.UpsertMetadata(out _) == true)
                WarnNotCarried(SpecKeys.UpsertMetadata, nameof(UpsertMetadata));
            return;
        }
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

    private void WarnNotCarried(string key, string parameter) =>
        WriteWarning($"The specs read set {key}, but the input was split into several files, the first written before " +
            $"the last spec was read, so none of them sets it. Give -{parameter} to set it in every file.");

    public void Dispose() => output?.Dispose();
}
