using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Reads a JSON spec as a stream of tokens, in one pass and constant memory: walks the document (top-level
/// keys, sections, flags) and hands each item to <see cref="JsonItemReader"/>; every rule is checked on the way and
/// each item (when wanted) and each finding goes to the listener as soon as it is complete. A syntax error ends the
/// read (JSON cannot be resumed after one); everything before it has been delivered.</summary>
internal sealed class JsonSpecReader
{
    private static readonly string[] TopLevelKeys =
    {
        SpecSectionNames.Images, SpecSectionNames.Videos, SpecSectionNames.ImageGroups, SpecSectionNames.DicomSeries,
        SpecSectionNames.Audio, SpecSectionNames.Text, SpecSectionNames.Pdf, SpecSectionNames.Nifti, SpecKeys.SkipDuplicateUrls, SpecKeys.UpsertMetadata,
    };

    private readonly JsonTokenStream tokens;
    private readonly SpecCheckContext check;
    private readonly SpecReadOptions options;
    private readonly JsonStringDecoder strings;
    private readonly JsonItemReader items;
    private readonly HashSet<string> topLevelSeen = new(StringComparer.Ordinal);

    /// <summary>Where the reader is, for the findings it cannot place otherwise (syntax errors).</summary>
    private JsonPlace place;
    private TextPosition upsertPosition;

    public JsonSpecReader(Stream stream, SpecCheckContext check, SpecReadOptions options, ISpecReadListener listener)
    {
        this.check = check;
        this.options = options;
        tokens = new JsonTokenStream(stream, SpecLimits.MaxJsonDepth, options.MaxBufferedBytes, options.CancellationToken);
        strings = new JsonStringDecoder(tokens, check);
        items = new JsonItemReader(tokens, check, options, listener, strings);
    }

    public void Read()
    {
        check.CheckFileName();
        if (!CheckStart(tokens.Begin()))
            return;
        var reader = tokens.Start();
        bool complete = false;
        try
        {
            complete = ReadDocument(ref reader);
            tokens.Finish();
        }
        catch (JsonException e)
        {
            ReportSyntaxError(ref reader, e);
        }
        catch (SpecValueTooLargeException e)
        {
            check.Report(RuleIds.ValueTooLarge, place.ToString(), tokens.PositionAt((int)reader.BytesConsumed),
                e.Message + " No valid spec has such a value (object URLs are at most 16 KB, metadata at most 10 MB); reading stops here.");
        }
        strings.ReportFirstInvalidUtf8();
        if (complete)
            FinishDocument();
    }

    /// <summary>Encoding and emptiness, decided from the first bytes. False when there is nothing to read.</summary>
    private bool CheckStart(ReadOnlySpan<byte> start)
    {
        if (Utf8Text.DetectWideEncoding(start) is { } encoding)
        {
            check.Report(RuleIds.EncodingNotUtf8, "", new TextPosition(1, 1),
                $"The file is {encoding} text; the platform reads specs as UTF-8. Save it as UTF-8 (in PowerShell: Get-Content x.json | Set-Content -Encoding utf8NoBOM y.json).");
            return false;
        }
        if (Utf8Text.HasUtf8ByteOrderMark(start))
        {
            check.Report(RuleIds.ByteOrderMark, "", new TextPosition(1, 1),
                "The file starts with a UTF-8 byte order mark. Some JSON readers reject it (Python's json.loads does); save the file as UTF-8 without BOM.");
            tokens.SkipPrefix(3);
        }
        if (tokens.IsFinalBlock && IsAllWhitespace(tokens.Chunk))
        {
            check.Report(RuleIds.SpecEmpty, "", TextPosition.None,
                tokens.Chunk.Length == 0 ? "The file is empty." : "The file holds only whitespace.");
            return false;
        }
        return true;
    }

    private static bool IsAllWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false;
        return true;
    }

    /// <summary>Reads the top-level object. True when the whole document was read.</summary>
    private bool ReadDocument(ref Utf8JsonReader reader)
    {
        try
        {
            tokens.Read(ref reader);
        }
        catch (JsonException)
        {
            // The first value is itself broken ("abc with no closing quote): say what it was meant to be, then the error.
            if (FirstValueStart() is { } start)
                ReportTopLevelNotObject(start.Type, tokens.PositionAt(start.Index));
            throw;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportTopLevelNotObject(reader.TokenType, tokens.PositionOf(reader));
            // Not a spec, but maybe one an edit broke: its first syntax error (thrown here) is worth fixing too.
            tokens.Skip(ref reader);
            tokens.Read(ref reader);
            return false;
        }

        while (tokens.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyPosition = tokens.PositionOf(reader);
            JsonTokens.TryGetString(ref reader, out string? key);
            place.AtTopLevelKey(key);
            if (key is null)
            {
                strings.ReportUndecodable(ref reader, "", keyPosition);
                tokens.Read(ref reader);
                tokens.Skip(ref reader);
                continue;
            }
            tokens.Read(ref reader);
            if (!topLevelSeen.Add(key))
                check.Report(RuleIds.DuplicateKey, key, keyPosition,
                    $"The top-level key '{key}' appears twice; only the last one counts, so everything under the first is lost. Merge them into one.");

            if (SpecSectionNames.TryParse(key, out var section))
            {
                place.InSection(section);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadSection(ref reader, section);
                }
                else
                {
                    check.Report(RuleIds.SectionNotArray, key, tokens.PositionOf(reader),
                        $"'{key}' must be an array of items ([{{...}}, ...]), not {JsonTokens.Describe(reader.TokenType)}.");
                    tokens.Skip(ref reader);
                }
                place.AtTopLevelKey(key);
            }
            else if (key is SpecKeys.SkipDuplicateUrls or SpecKeys.UpsertMetadata)
            {
                ReadTopLevelFlag(ref reader, key);
            }
            else
            {
                if (key.IndexOf('\0') >= 0)
                    check.Report(RuleIds.ControlCharacter, ControlCharacters.Escaped(key), keyPosition,
                        ControlCharacters.NulMessage($"The top-level key '{ControlCharacters.Escaped(key)}'"));
                string hint = KeySuggestion.Hint(key, TopLevelKeys);
                check.Report(RuleIds.UnknownTopLevelKey, key, keyPosition,
                    $"The platform does not know the top-level key '{key}' and ignores it.{hint} The keys are {string.Join(", ", TopLevelKeys)}.");
                tokens.Skip(ref reader);
            }
        }
        place.AtTopLevelKey(null);
        // The end object is read; a further token (or trailing garbage) throws here.
        tokens.Read(ref reader);
        return true;
    }

    private void ReportTopLevelNotObject(JsonTokenType type, TextPosition position) =>
        check.Report(RuleIds.TopLevelNotObject, "", position,
            $"The spec is {JsonTokens.Describe(type)}, but it must be a JSON object such as {{\"images\": [{{\"objectUrl\": \"...\"}}]}}." +
            (type == JsonTokenType.StartArray ? " Put the array under a section key: images, videos, image_groups, dicom_series, audio, text, pdf or nifti." : ""));

    /// <summary>The kind of value the first significant byte of the buffer starts, and where, unless it is an object
    /// or not the start of any JSON value.</summary>
    private (JsonTokenType Type, int Index)? FirstValueStart()
    {
        var chunk = tokens.Chunk;
        for (int i = 0; i < chunk.Length; i++)
        {
            JsonTokenType? type = chunk[i] switch
            {
                (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' => JsonTokenType.None,
                (byte)'[' => JsonTokenType.StartArray,
                (byte)'"' => JsonTokenType.String,
                (byte)'-' or (>= (byte)'0' and <= (byte)'9') => JsonTokenType.Number,
                (byte)'t' => JsonTokenType.True,
                (byte)'f' => JsonTokenType.False,
                (byte)'n' => JsonTokenType.Null,
                _ => null,
            };
            if (type == JsonTokenType.None)
                continue;
            return type is { } found ? (found, i) : null;
        }
        return null;
    }

    private void ReadTopLevelFlag(ref Utf8JsonReader reader, string key)
    {
        var position = tokens.PositionOf(reader);
        bool? value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        if (value is null)
        {
            check.Report(RuleIds.FlagNotBoolean, key, position,
                $"'{key}' must be true or false (without quotes), not {JsonTokens.Describe(reader.TokenType)}.");
            tokens.Skip(ref reader);
            return;
        }
        if (key == SpecKeys.SkipDuplicateUrls)
        {
            check.SkipDuplicateUrls = value.Value;
        }
        else
        {
            check.UpsertMetadata = value.Value;
            upsertPosition = position;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadSection(ref Utf8JsonReader reader, SpecSection section)
    {
        int index = 0;
        place.AtEntry(index);
        while (tokens.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                items.Read(ref reader, section, index, ref place);
            }
            else
            {
                var position = tokens.PositionOf(reader);
                var where = ItemLocation.Item(section, index);
                string example = section is SpecSection.ImageGroups or SpecSection.DicomSeries
                    ? "{\"title\": \"...\", \"objectUrl_0\": \"...\"}"
                    : "{\"objectUrl\": \"...\"}";
                check.CountItem(where, position);
                check.Report(RuleIds.ItemNotObject, where.ToString(), position,
                    $"Each entry of '{section.JsonName()}' must be an object such as {example}, not {JsonTokens.Describe(reader.TokenType)}.");
                tokens.Skip(ref reader);
            }
            place.AtEntry(++index);
            strings.ReportFirstInvalidUtf8();
        }
    }

    private void FinishDocument()
    {
        if (check.Items == 0)
            check.Report(RuleIds.SpecEmpty, "", TextPosition.None,
                "The spec lists no items. Add at least one of images, videos, image_groups, dicom_series or audio with items in it.");
        if (check.UpsertMetadata && !check.SkipDuplicateUrls)
            check.Report(RuleIds.UpsertMetadataIneffective, SpecKeys.UpsertMetadata, upsertPosition,
                "upsert_metadata: true has no effect without \"skip_duplicate_urls\": true. Add that flag, or remove upsert_metadata.");
    }

    /// <summary>Places the parser's error in the file and lets <see cref="JsonSyntaxDiagnosis"/> say what it is.</summary>
    private void ReportSyntaxError(ref Utf8JsonReader reader, JsonException e)
    {
        var chunk = tokens.Chunk;
        int errorIndex = e.LineNumber is long line
            ? tokens.Positions.IndexOf(chunk, line, e.BytePositionInLine ?? 0)
            : -1;
        if (errorIndex < 0) errorIndex = Math.Min((int)reader.BytesConsumed, chunk.Length);
        int depth = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? reader.CurrentDepth + 1 : reader.CurrentDepth;
        var problem = JsonSyntaxDiagnosis.Diagnose(chunk, errorIndex, (int)reader.BytesConsumed, depth,
            chunkStartsTheFile: tokens.ChunkOffset <= 3, e.Message);
        string location = problem.RuleId == RuleIds.TrailingComma ? place.OfTrailingComma() : place.ToString();
        check.Report(problem.RuleId, location, tokens.PositionAt(problem.ByteIndex), problem.Message);
        if (problem.RuleId != RuleIds.TrailingComma)
            return;
        // The rest of the file is not parsed, but every other trailing comma in it is still worth pointing at.
        foreach (var (comma, bracket) in tokens.TrailingCommasAfter(problem.ByteIndex + 1))
            check.Report(RuleIds.TrailingComma, "", comma, JsonSyntaxDiagnosis.TrailingCommaMessage(bracket));
    }
}
