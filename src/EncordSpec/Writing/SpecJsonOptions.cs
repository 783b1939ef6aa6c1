using System.Text.Encodings.Web;
using System.Text.Json;
using EncordSpec.Metadata;

namespace EncordSpec.Writing;

/// <summary>How spec JSON is written: indented by four spaces like the format page's own script
/// (json.dump(..., indent=4)), '\n' line ends on every OS, and no needless escaping of '+', '&lt;' or
/// non-ASCII letters, so URLs read the same in the file as in the bucket console.</summary>
internal static class SpecJsonOptions
{
    public static readonly JavaScriptEncoder Encoder = JsonTreeWriter.Encoder;

    public static JsonWriterOptions Indented => new()
    {
        Encoder = Encoder,
        Indented = true,
        IndentSize = 4,
        NewLine = "\n",
    };
}
