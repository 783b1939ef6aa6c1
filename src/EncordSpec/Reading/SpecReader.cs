using System.IO;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Reads a JSON or CSV spec from a stream: checks every rule of the catalog (<see cref="Format.SpecRules"/>) and,
/// when asked, builds the items. Findings and items go to the listener as they are found, in file order; nothing
/// is thrown for bad input, however broken.</summary>
internal static class SpecReader
{
    public static SpecReadSummary Read(Stream stream, SpecFormat format, SpecReadOptions options, ISpecReadListener listener)
    {
        bool large = !stream.CanSeek || stream.Length - stream.Position >= options.PipelineAboveBytes;
        using var check = new SpecCheckContext(options, listener, large);
        if (format == SpecFormat.Csv)
            new CsvSpecReader(stream, check, listener).Read();
        else
            new JsonSpecReader(stream, check, listener).Read();
        return check.Finish();
    }

    /// <summary>Reads spec text (the -Spec parameter).</summary>
    public static SpecReadSummary ReadText(string text, SpecFormat format, SpecReadOptions options, ISpecReadListener listener)
    {
        using var stream = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(text));
        return Read(stream, format, options, listener);
    }
}
