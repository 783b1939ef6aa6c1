using System;

namespace EncordSpec.Reading;

internal static class SpecFormats
{
    /// <summary>CSV for a .csv file, JSON for anything else (.json, .txt, no extension).</summary>
    public static SpecFormat FromPath(string path) =>
        string.Equals(System.IO.Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase) ? SpecFormat.Csv : SpecFormat.Json;

    /// <summary>For spec text without a file name: JSON when it starts with { or [, else CSV.</summary>
    public static SpecFormat FromText(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            return c is '{' or '[' ? SpecFormat.Json : SpecFormat.Csv;
        }
        return SpecFormat.Json;
    }
}
