using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using EncordSpec.Reading;

namespace EncordSpec.Cmdlets;

/// <summary>What Test-EncordSpec and ConvertFrom-EncordSpec share: the spec to read (-Path with wildcards,
/// -LiteralPath, file objects from the pipeline, or -Spec text), its format, stopping on Ctrl+C, and writing
/// findings as errors and warnings.</summary>
public abstract class SpecFileCommandBase : CancellableCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";
    protected const string SpecSet = "Spec";

    private ProgressReporter? progress;

    /// <summary>The spec files to read. Wildcards are allowed; several paths may be given or piped.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The spec files to read, taken exactly as written (no wildcards). Files piped from Get-ChildItem bind
    /// here through their PSPath (or FullName) property, so names with [ or ] work.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The spec itself as text (JSON, or CSV), for instance the output of ConvertTo-EncordSpec.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SpecSet)]
    [AllowEmptyString]
    public string Spec { get; set; } = "";

    /// <summary>Json or Csv. By default a .csv file is read as CSV and any other file as JSON; -Spec text is JSON
    /// when it starts with { or [, otherwise CSV.</summary>
    [Parameter]
    public SpecFormat? Format { get; set; }

    /// <summary>The CSV field separator to read with; ',' unless ConvertFrom-EncordSpec -Delimiter says otherwise.</summary>
    private protected virtual char? CsvDelimiter => null;

    /// <summary>The format a spec is read as: -Format, else CSV when a -Delimiter is given, else by the file's
    /// extension or the text's first character.</summary>
    private SpecFormat FormatOf(string? path) =>
        Format ?? (CsvDelimiter is not null ? SpecFormat.Csv : path is null ? SpecFormats.FromText(Spec) : SpecFormats.FromPath(path));

    /// <summary>The integration the specs are for (Test-EncordSpec -Integration); Standard otherwise.</summary>
    private protected virtual IntegrationKind IntegrationToCheck => IntegrationKind.Standard;

    /// <summary>Build the items (ConvertFrom-EncordSpec) or only check (Test-EncordSpec).</summary>
    private protected abstract bool ReadItems { get; }

    /// <summary>Receives one spec's findings and items.</summary>
    private protected abstract ISpecReadListener CreateListener();

    /// <summary>Called before a spec is read; <paramref name="size"/> is its length in bytes.</summary>
    private protected virtual void OnSpecStarting(string? path, SpecFormat format, long size) { }

    /// <summary>Called after a spec was read; the summary counts its findings.</summary>
    private protected virtual void OnSpecRead(string? path, SpecReadSummary summary) { }

    /// <summary>Called for a path that could not be read at all (the error is written already).</summary>
    private protected virtual void OnSpecUnreadable(string path) { }

    protected override void BeginProcessing() =>
        progress = new ProgressReporter(this, 1, MyInvocation.MyCommand.Name);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SpecSet)
        {
            var format = FormatOf(null);
            using var text = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(Spec));
            ReadSpec(text, format, null);
            return;
        }
        foreach (string file in ResolveFiles())
            ReadFile(file);
    }

    protected override void EndProcessing() => progress?.Complete();

    private IEnumerable<string> ResolveFiles()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string path in literal ? LiteralPath : Path)
        {
            var resolved = new List<string>();
            try
            {
                ProviderInfo provider;
                if (literal)
                {
                    resolved.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _));
                }
                else
                {
                    resolved.AddRange(GetResolvedProviderPathFromPSPath(path, out provider));
                    if (resolved.Count == 0)
                        WriteError(new ErrorRecord(new ItemNotFoundException($"No file matches '{path}'."), "PathNotFound", ErrorCategory.ObjectNotFound, path));
                }
                if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                {
                    WriteError(new ErrorRecord(new ArgumentException($"'{path}' is not a file system path."), "NotAFileSystemPath", ErrorCategory.InvalidArgument, path));
                    continue;
                }
            }
            catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                WriteError(new ErrorRecord(e, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                OnSpecUnreadable(path);
                continue;
            }
            foreach (string file in resolved)
                yield return file;
        }
    }

    private void ReadFile(string file)
    {
        FileStream stream;
        try
        {
            if (Directory.Exists(file))
                throw new IOException($"'{file}' is a folder, not a spec file. Use Get-ChildItem '{file}' -Filter *.json | {MyInvocation.MyCommand.Name}.");
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bool missing = e is FileNotFoundException or DirectoryNotFoundException;
            WriteError(new ErrorRecord(e, missing ? "PathNotFound" : "SpecFileNotReadable",
                missing ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, file));
            OnSpecUnreadable(file);
            return;
        }
        using (stream)
        {
            try
            {
                ReadSpec(stream, FormatOf(file), file);
            }
            catch (IOException e)
            {
                WriteError(new ErrorRecord(e, "SpecFileNotReadable", ErrorCategory.ReadError, file));
                OnSpecUnreadable(file);
            }
        }
    }

    private void ReadSpec(Stream stream, SpecFormat format, string? path)
    {
        string activity = (path is null ? "items read" : "items read from " + System.IO.Path.GetFileName(path));
        var options = new SpecReadOptions
        {
            Path = path,
            ReadItems = ReadItems,
            CsvDelimiter = CsvDelimiter ?? ',',
            Integration = IntegrationToCheck,
            CancellationToken = StopToken,
            Progress = count => progress!.Report(count, activity),
        };
        OnSpecStarting(path, format, stream.CanSeek ? stream.Length : 0);
        var summary = UntilStopped(() => SpecReader.Read(stream, format, options, CreateListener()));
        OnSpecRead(path, summary);
    }

    /// <summary>Writes a finding as the error or warning users see (the rule id is the ErrorId).</summary>
    private protected void WriteFinding(SpecFinding finding, bool warningsAsErrors)
    {
        if (finding.Severity == FindingSeverity.Error || warningsAsErrors)
            WriteError(ErrorRecords.ForFinding(finding));
        else
            WriteWarning(finding.RuleId + ": " + finding);
    }
}
