using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Decodes the JSON reader's string tokens, and says why one could not be decoded: a lone surrogate escape
/// (reported where it is) or bytes that are not UTF-8 (only the first such place in the file is reported).</summary>
internal sealed class JsonStringDecoder
{
    private readonly JsonTokenStream tokens;
    private readonly SpecCheckContext check;
    private char[] decoded = new char[1024];
    private bool invalidUtf8Reported;

    public JsonStringDecoder(JsonTokenStream tokens, SpecCheckContext check)
    {
        this.tokens = tokens;
        this.check = check;
    }

    /// <summary>Decodes a string token into a reused buffer, so that checking makes no string per URL or title.
    /// False when it cannot be decoded (invalid UTF-8 or a lone surrogate escape). The span lasts until the next call.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool TryDecode(ref Utf8JsonReader reader, out ReadOnlySpan<char> text)
    {
        int needed = reader.ValueSpan.Length; // unescaping and UTF-16 never need more characters than bytes
        if (decoded.Length < needed)
            decoded = new char[Math.Max(needed, decoded.Length * 2)];
        try
        {
            text = new ReadOnlySpan<char>(decoded, 0, reader.CopyString(decoded));
            return true;
        }
        catch (InvalidOperationException)
        {
            text = default;
            return false;
        }
    }

    /// <summary>Reports why the string token the reader stands on could not be decoded.</summary>
    public void ReportUndecodable(ref Utf8JsonReader reader, string location, TextPosition position)
    {
        tokens.Positions.Advance(tokens.Chunk, (int)reader.BytesConsumed);
        if (Utf8Text.IsValid(reader.ValueSpan))
            check.Report(RuleIds.InvalidEscape, location, position,
                @"A \u escape here encodes half of a surrogate pair, which PostgreSQL's jsonb and most JSON readers reject. Write the character itself or a complete pair.");
        ReportFirstInvalidUtf8(location);
    }

    /// <summary>Reports the first place that is not UTF-8, once the position tracker has passed it.</summary>
    public void ReportFirstInvalidUtf8(string location = "")
    {
        if (invalidUtf8Reported || tokens.Positions.FirstInvalidUtf8 is not { } position)
            return;
        invalidUtf8Reported = true;
        check.Report(RuleIds.InvalidUtf8, location, position,
            "The file is not valid UTF-8 here (this is the first such place). The platform cannot read it; save the file as UTF-8.");
    }
}
