using System;
using EncordSpec.Format;

namespace EncordSpec.Reading;

/// <summary>What a JSON syntax error is, in the user's terms: the rule it breaks, the byte to point at and what to do.</summary>
/// <param name="RuleId">TrailingComma, NestingTooDeep or InvalidJson.</param>
/// <param name="ByteIndex">The byte of the chunk to point at: the comma, the bracket too deep, or where parsing stopped.</param>
/// <param name="Message">The finding's message.</param>
internal sealed record JsonSyntaxProblem(string RuleId, int ByteIndex, string Message);

/// <summary>Turns the parser's complaint into a finding a user can act on, by looking at the bytes around the place
/// where parsing stopped: a comma before a closing bracket (the commonest hand-editing mistake), nesting deeper than
/// the platform reads, or a CSV file given as JSON. A pure function of the bytes, so each case is tested on its own.</summary>
internal static class JsonSyntaxDiagnosis
{
    /// <param name="chunk">The buffered bytes around the error.</param>
    /// <param name="errorIndex">Where in <paramref name="chunk"/> the parser stopped.</param>
    /// <param name="lastTokenEnd">Where the parser's last complete token ended; bytes from here on are re-scanned
    /// for the depth.</param>
    /// <param name="depthAtLastTokenEnd">The nesting depth there (a '{' or '[' counts once read).</param>
    /// <param name="chunkStartsTheFile">True when the chunk starts at the beginning of the file (after a byte
    /// order mark), so that its start tells what kind of file this is.</param>
    /// <param name="parserMessage">System.Text.Json's message, used when nothing better can be said.</param>
    public static JsonSyntaxProblem Diagnose(ReadOnlySpan<byte> chunk, int errorIndex, int lastTokenEnd, int depthAtLastTokenEnd,
        bool chunkStartsTheFile, string parserMessage)
    {
        int comma = TrailingCommaBefore(chunk, errorIndex);
        if (comma >= 0)
            return new JsonSyntaxProblem(RuleIds.TrailingComma, comma, TrailingCommaMessage((char)chunk[errorIndex]));

        if (errorIndex < chunk.Length && chunk[errorIndex] is (byte)'{' or (byte)'['
            && DepthOfContainerAt(chunk, errorIndex, lastTokenEnd, depthAtLastTokenEnd) >= SpecLimits.MaxJsonDepth)
            return new JsonSyntaxProblem(RuleIds.NestingTooDeep, errorIndex,
                $"The JSON is nested more than {SpecLimits.MaxJsonDepth} levels deep here. Flatten the metadata.");

        string reason = parserMessage;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason.Substring(0, cut);
        string hint = chunkStartsTheFile && LooksLikeCsv(chunk) ? " The file looks like a CSV spec; use -Format Csv (or the .csv extension)." : "";
        return new JsonSyntaxProblem(RuleIds.InvalidJson, errorIndex, $"The file is not valid JSON here: {reason}{hint}");
    }

    /// <summary>The message of a TrailingComma finding, for the comma before <paramref name="bracket"/>.</summary>
    public static string TrailingCommaMessage(char bracket) =>
        $"A comma before the closing '{bracket}'. JSON does not allow a comma after the last entry, and the platform rejects the whole file; remove this comma.";

    /// <summary>The index of a comma that directly precedes (apart from whitespace) the '}' or ']' at
    /// <paramref name="index"/>, or -1.</summary>
    internal static int TrailingCommaBefore(ReadOnlySpan<byte> chunk, int index)
    {
        if (index >= chunk.Length || chunk[index] is not ((byte)'}' or (byte)']'))
            return -1;
        for (int i = index - 1; i >= 0; i--)
        {
            byte b = chunk[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)',' ? i : -1;
        }
        return -1;
    }

    /// <summary>The depth the '{' or '[' at <paramref name="index"/> would have, counting brackets (outside strings)
    /// from <paramref name="from"/>, where the depth was <paramref name="depth"/>.</summary>
    internal static int DepthOfContainerAt(ReadOnlySpan<byte> chunk, int index, int from, int depth)
    {
        bool inString = false;
        for (int i = from; i < index; i++)
        {
            byte b = chunk[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'{' or (byte)'[': depth++; break;
                case (byte)'}' or (byte)']': depth--; break;
            }
        }
        return depth;
    }

    /// <summary>A CSV spec's header line: not a bracket first, a comma, and the ObjectUrl column first.</summary>
    internal static bool LooksLikeCsv(ReadOnlySpan<byte> start) =>
        start.Length > 0 && start[0] is not ((byte)'{' or (byte)'[') && start.IndexOf((byte)',') > 0 &&
        System.Text.Encoding.UTF8.GetString(start.Slice(0, Math.Min(start.Length, 64)).ToArray()).StartsWith(SpecKeys.CsvObjectUrl, StringComparison.OrdinalIgnoreCase);
}
