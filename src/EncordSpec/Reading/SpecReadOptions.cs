using System;
using System.Threading;
using EncordSpec.Format;

namespace EncordSpec.Reading;

/// <summary>How to read one spec.</summary>
internal sealed class SpecReadOptions
{
    /// <summary>The spec's file path, named in findings and items' Source; null for a spec given as text.</summary>
    public string? Path { get; set; }

    /// <summary>Build the items (ConvertFrom-EncordSpec). Off, the reader only checks (Test-EncordSpec) and keeps no
    /// item, metadata tree or URL string longer than it takes to check it.</summary>
    public bool ReadItems { get; set; }

    /// <summary>The field separator of a CSV spec: ',' as the platform reads it; ConvertFrom-EncordSpec -Delimiter
    /// reads a spec saved with another (Excel's ';').</summary>
    public char CsvDelimiter { get; set; } = ',';

    /// <summary>The integration the spec is for: decides whether signed URLs and other hosts are findings and whether
    /// media metadata is required (<see cref="IntegrationRules"/>).</summary>
    public IntegrationKind Integration { get; set; }

    /// <summary>Checked between items and before each read of the input (whitespace has no items to stop between);
    /// cancelling ends the read with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Called after each item with the number of items read so far (for Write-Progress).</summary>
    public Action<long>? Progress { get; set; }

    /// <summary>From this size on, a spec that is only checked has its URLs checked on a second thread; tests set 0
    /// to run small specs that way too.</summary>
    internal long PipelineAboveBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest JSON token or buffered value, and CSV row; lower only in tests.</summary>
    internal int MaxBufferedBytes { get; set; } = SpecLimits.MaxBufferedBytes;
}
