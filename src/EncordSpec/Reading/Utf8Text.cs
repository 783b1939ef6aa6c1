using System;
using System.Text;

namespace EncordSpec.Reading;

/// <summary>Strict UTF-8 checks for the rare paths where a string could not be decoded.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Strict.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Is this the start of a UTF-16 or UTF-32 text (by byte order mark, or by the zero bytes that ASCII
    /// characters have in those encodings)? Returns the encoding's name, or null for UTF-8 or unknown.</summary>
    public static string? DetectWideEncoding(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 4 && start[0] == 0xFF && start[1] == 0xFE && start[2] == 0 && start[3] == 0) return "UTF-32 LE";
        if (start.Length >= 4 && start[0] == 0 && start[1] == 0 && start[2] == 0xFE && start[3] == 0xFF) return "UTF-32 BE";
        if (start.Length >= 2 && start[0] == 0xFF && start[1] == 0xFE) return "UTF-16 LE";
        if (start.Length >= 2 && start[0] == 0xFE && start[1] == 0xFF) return "UTF-16 BE";
        if (start.Length >= 4)
        {
            bool evenZero = start[0] == 0 && start[2] == 0 && IsAscii(start[1]) && IsAscii(start[3]);
            bool oddZero = start[1] == 0 && start[3] == 0 && IsAscii(start[0]) && IsAscii(start[2]);
            if (evenZero) return "UTF-16 BE";
            if (oddZero) return "UTF-16 LE";
        }
        return null;
    }

    public static bool HasUtf8ByteOrderMark(ReadOnlySpan<byte> start) =>
        start.Length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;

    private static bool IsAscii(byte b) => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t';
}
