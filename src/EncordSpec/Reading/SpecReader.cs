using System.IO;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Reads a JSON or CSV spec from a stream: checks every rule of the catalog (<see cref="Format.SpecRules"/>) and,
/// when asked, builds the items. Findings and items go to the listener as they are found, in file order; nothing
/// is thrown for bad input, however broken. The readers parse; the checks that span the file are
/// <see cref="SpecCheckContext"/>'s (EncordSpec.Validation), which knows nothing of readers.</summary>
internal static class SpecReader
{
    public static SpecReadSummary Read(Stream stream, SpecFormat format, SpecReadOptions options, ISpecReadListener listener)
    {
        bool large = !stream.CanSeek || stream.Length - stream.Position >= options.PipelineAboveBytes;
        using var check = new SpecCheckContext(options.Path, listener.OnFinding, options.Progress, checkUrlsOnSecondThread: large && !options.ReadItems, options.Integration);
        if (format == SpecFormat.Csv)
            new CsvSpecReader(stream, check, options, listener).Read();
        else
            new JsonSpecReader(stream, check, options, listener).Read();
        check.Flush();
        return new SpecReadSummary(check.Errors, check.Warnings, check.Items, check.ObjectUrls, check.SkipDuplicateUrls, check.UpsertMetadata);
    }
}
