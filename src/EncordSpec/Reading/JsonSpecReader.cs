using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Reads a JSON spec as a stream of tokens, in one pass and constant memory: checks every rule on the
/// way and hands each item (when wanted) and each finding to the listener as soon as it is complete.
/// A syntax error ends the read (JSON cannot be resumed after one); everything before it has been delivered.</summary>
internal sealed class JsonSpecReader
{
    private static readonly string[] TopLevelKeys =
    {
        SpecSectionNames.Images, SpecSectionNames.Videos, SpecSectionNames.ImageGroups, SpecSectionNames.DicomSeries,
        SpecSectionNames.Audio, SpecKeys.SkipDuplicateUrls, SpecKeys.UpsertMetadata,
    };

    private static readonly string[] MediaKeys = { SpecKeys.ImageMetadata, SpecKeys.VideoMetadata, SpecKeys.AudioMetadata };

    private readonly JsonTokenStream tokens;
    private readonly SpecCheckContext check;
    private readonly ISpecReadListener listener;
    private readonly JsonMetadataReader metadata;
    private readonly JsonItemParts item = new();
    private readonly HashSet<string> topLevelSeen = new(StringComparer.Ordinal);

    // Where the reader is, for the location of syntax errors.
    private string? topLevelKey;
    private SpecSection? section;
    private int sectionIndex = -1;
    private string? itemKey;
    private int itemUrlIndex = -1;
    private bool inItem;

    private bool utf8Reported;
    private TextPosition upsertPosition;
    private char[] decoded = new char[1024];

    public JsonSpecReader(Stream stream, SpecCheckContext check, ISpecReadListener listener)
    {
        this.check = check;
        this.listener = listener;
        tokens = new JsonTokenStream(stream, SpecLimits.MaxJsonDepth, check.Options.MaxBufferedBytes);
        metadata = new JsonMetadataReader(tokens, check);
    }

    private SpecReadOptions Options => check.Options;

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
            check.Report(RuleIds.ValueTooLarge, CurrentLocation(), tokens.PositionAt((int)reader.BytesConsumed),
                e.Message + " No valid spec has such a value (object URLs are at most 16 KB, metadata at most 10 MB); reading stops here.");
        }
        ReportInvalidUtf8();
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
        tokens.Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            check.Report(RuleIds.TopLevelNotObject, "", tokens.PositionOf(reader),
                $"The spec is {Describe(reader.TokenType)}, but it must be a JSON object such as {{\"images\": [{{\"objectUrl\": \"...\"}}]}}." +
                (reader.TokenType == JsonTokenType.StartArray ? " Put the array under a section key: images, videos, image_groups, dicom_series or audio." : ""));
            return false;
        }

        while (tokens.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyPosition = tokens.PositionOf(reader);
            topLevelKey = TryGetString(ref reader, out string? key) ? key : null;
            section = null;
            sectionIndex = -1;
            if (key is null)
            {
                ReportUndecodable(ref reader, "", keyPosition);
                tokens.Read(ref reader);
                SkipValue(tokens, ref reader);
                continue;
            }
            tokens.Read(ref reader);
            if (!topLevelSeen.Add(key))
                check.Report(RuleIds.DuplicateKey, key, keyPosition,
                    $"The top-level key '{key}' appears twice; only the last one counts, so everything under the first is lost. Merge them into one.");

            if (SpecSectionNames.TryParse(key, out var found))
            {
                section = found;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadSection(ref reader, found);
                }
                else
                {
                    check.Report(RuleIds.SectionNotArray, key, tokens.PositionOf(reader),
                        $"'{key}' must be an array of items ([{{...}}, ...]), not {Describe(reader.TokenType)}.");
                    SkipValue(tokens, ref reader);
                }
                section = null;
            }
            else if (key is SpecKeys.SkipDuplicateUrls or SpecKeys.UpsertMetadata)
            {
                ReadTopLevelFlag(ref reader, key);
            }
            else
            {
                string hint = KeySuggestion.Hint(key, TopLevelKeys);
                check.Report(RuleIds.UnknownTopLevelKey, key, keyPosition,
                    $"The platform does not know the top-level key '{key}' and ignores it.{hint} The keys are {string.Join(", ", TopLevelKeys)}.");
                SkipValue(tokens, ref reader);
            }
        }
        topLevelKey = null;
        // The end object is read; a further token (or trailing garbage) throws here.
        tokens.Read(ref reader);
        return true;
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
                $"'{key}' must be true or false (without quotes), not {Describe(reader.TokenType)}.");
            SkipValue(tokens, ref reader);
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
    private void ReadSection(ref Utf8JsonReader reader, SpecSection found)
    {
        sectionIndex = 0;
        while (tokens.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            Options.CancellationToken.ThrowIfCancellationRequested();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadItem(ref reader, found, sectionIndex);
            }
            else
            {
                var position = tokens.PositionOf(reader);
                item.Begin(found, sectionIndex, position);
                string location = item.Location;
                string example = found is SpecSection.ImageGroups or SpecSection.DicomSeries
                    ? "{\"title\": \"...\", \"objectUrl_0\": \"...\"}"
                    : "{\"objectUrl\": \"...\"}";
                check.CountItem(item.Where, position);
                check.Report(RuleIds.ItemNotObject, location, position,
                    $"Each entry of '{found.JsonName()}' must be an object such as {example}, not {Describe(reader.TokenType)}.");
                SkipValue(tokens, ref reader);
            }
            sectionIndex++;
            ReportInvalidUtf8();
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadItem(ref Utf8JsonReader reader, SpecSection itemSection, int index)
    {
        item.Begin(itemSection, index, tokens.PositionOf(reader));
        inItem = true;
        check.CountItem(item.Where, item.Position);
        item.GroupId = item.IsGroup ? check.NewGroup() : 0;
        int keys = 0;
        while (tokens.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if ((++keys & 4095) == 0)
                Options.CancellationToken.ThrowIfCancellationRequested(); // a group can hold a million URLs
            var keyPosition = tokens.PositionOf(reader);
            var key = ItemKeys.Identify(ref reader, itemSection, out int urlIndex, out string? name);
            if (key == ItemKey.Undecodable)
            {
                ReportUndecodable(ref reader, item.Location, keyPosition);
                tokens.Read(ref reader);
                SkipValue(tokens, ref reader);
                continue;
            }
            itemKey = name;
            itemUrlIndex = urlIndex;
            tokens.Read(ref reader);
            ReadItemValue(ref reader, key, name, urlIndex, keyPosition);
            itemKey = null;
            itemUrlIndex = -1;
        }
        inItem = false;
        FinishItem();
    }

    /// <summary>Reads the value of one item key. <paramref name="name"/> is null for objectUrl_N keys, whose name is
    /// only made when a message needs it.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void ReadItemValue(ref Utf8JsonReader reader, ItemKey key, string? name, int urlIndex, TextPosition keyPosition)
    {
        var position = tokens.PositionOf(reader);
        switch (key)
        {
            case ItemKey.ObjectUrl:
                if (item.HasObjectUrl) ReportRepeatedKey(SpecKeys.ObjectUrl, keyPosition);
                item.HasObjectUrl = true;
                if (ReadUrl(ref reader, new UrlKey(SpecKeys.ObjectUrl), position) is { } url)
                    item.ObjectUrl = url;
                return;

            case ItemKey.IndexedObjectUrl:
                if (!item.AddIndex(urlIndex)) ReportRepeatedKey(SpecKeys.IndexedObjectUrl(urlIndex), keyPosition);
                string? memberUrl = ReadUrl(ref reader, UrlKey.Indexed(urlIndex), position);
                item.GroupUrls.Add(new IndexedUrl(urlIndex, keyPosition, Options.ReadItems ? memberUrl : null));
                return;

            case ItemKey.MalformedObjectUrlKey:
                RejectValue(ref reader, RuleIds.ObjectUrlKeyInvalid, name!, keyPosition,
                    $"'{name}' is not a valid key: after objectUrl_ comes the image's number, 0, 1, 2, ... without leading zeros " +
                    "(objectUrl_0, objectUrl_10). The platform would not read this URL.");
                return;

            case ItemKey.Title:
                if (item.HasTitle) ReportRepeatedKey(SpecKeys.Title, keyPosition);
                item.HasTitle = true;
                item.TitlePosition = position;
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (TryDecode(ref reader, out var title))
                    {
                        item.TitleIsEmpty = title.Length == 0;
                        if (Options.ReadItems) item.Title = title.ToString();
                        if (item.IsGroup && title.Length > 0) check.CheckGroupTitle(title, item.Where, position, item.GroupKind);
                    }
                    else
                    {
                        ReportUndecodable(ref reader, item.KeyLocation(SpecKeys.Title), position);
                    }
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    item.TitleIsNull = true;
                }
                else
                {
                    RejectValue(ref reader, RuleIds.TitleNotString, SpecKeys.Title, position,
                        $"The title must be a string (in quotes), not {Describe(reader.TokenType)}.");
                }
                return;

            case ItemKey.CreateVideo:
                if (item.CreateVideo is not null) ReportRepeatedKey(SpecKeys.CreateVideo, keyPosition);
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                    item.CreateVideo = reader.TokenType == JsonTokenType.True;
                else
                    RejectValue(ref reader, RuleIds.FlagNotBoolean, SpecKeys.CreateVideo, position,
                        $"createVideo must be true or false (without quotes), not {Describe(reader.TokenType)}. Leave it out for the default, true.");
                return;

            case ItemKey.ClientMetadata:
                if (item.HasClientMetadata) ReportRepeatedKey(SpecKeys.ClientMetadata, keyPosition);
                item.HasClientMetadata = true;
                item.ClientMetadata = ReadMetadata(ref reader, SpecKeys.ClientMetadata, null, position, RuleIds.ClientMetadataNotObject,
                    "a JSON object such as {\"key\": \"value\"}");
                return;

            case ItemKey.MediaMetadata:
                if (item.HasMediaMetadata) ReportRepeatedKey(name!, keyPosition);
                item.HasMediaMetadata = true;
                item.MediaMetadata = ReadMetadata(ref reader, name!, MediaMetadataSchema.For(item.Section), position, RuleIds.MediaMetadataNotObject,
                    "a JSON object with the file's properties");
                return;

            default:
                if (!item.OtherKeys.Add(name!)) ReportRepeatedKey(name!, keyPosition);
                check.Report(RuleIds.UnknownItemKey, item.KeyLocation(name!), keyPosition, UnknownKeyMessage(name!));
                SkipValue(tokens, ref reader);
                return;
        }
    }

    /// <summary>Reports a value that cannot be used, skips it and keeps the item from being returned.</summary>
    private void RejectValue(ref Utf8JsonReader reader, string ruleId, string key, TextPosition position, string message)
    {
        check.Report(ruleId, item.KeyLocation(key), position, message);
        item.Unreadable = true;
        SkipValue(tokens, ref reader);
    }

    /// <summary>Reads clientMetadata or media metadata (<paramref name="schema"/>): the tree when items are built.</summary>
    private System.Collections.Specialized.OrderedDictionary? ReadMetadata(ref Utf8JsonReader reader, string key, MediaMetadataSchema? schema,
        TextPosition position, string notObjectRule, string expected)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            RejectValue(ref reader, notObjectRule, key, position, $"{key} must be {expected}, not {Describe(reader.TokenType)}.");
            return null;
        }
        if (!metadata.Read(ref reader, key, item.Where, schema, Options.ReadItems, out var tree))
            item.Unreadable = true;
        return tree;
    }

    private string UnknownKeyMessage(string name)
    {
        string what = item.IsGroup ? (item.Section == SpecSection.ImageGroups ? "an image group" : "a DICOM series") : $"an item of {item.Section.JsonName()}";
        string advice;
        if (Array.IndexOf(MediaKeys, name) >= 0)
            advice = MediaMetadataSchema.For(item.Section) is { } schema
                ? $" {name} belongs to another section; here it is {schema.Key}."
                : " Media metadata is given only for single images, videos and audio files.";
        else if (name == SpecKeys.ObjectUrl && item.IsGroup)
            advice = " A group lists its files as objectUrl_0, objectUrl_1, ...";
        else if (name.StartsWith(SpecKeys.ObjectUrlPrefix, StringComparison.Ordinal) && !item.IsGroup)
            advice = " A single item has one objectUrl; use image_groups for several files.";
        else
            advice = KeySuggestion.Hint(name, ItemKeys.KnownKeys(item.Section));
        return $"The platform does not know the key '{name}' in {what} and ignores it.{advice}";
    }

    private void ReportRepeatedKey(string name, TextPosition position) =>
        check.Report(RuleIds.DuplicateKey, item.KeyLocation(name), position,
            $"The key '{name}' appears twice in this item; only the last value counts. Remove one of them.");

    /// <summary>Reads an object URL value and checks it. Returns it when it is a readable string.</summary>
    [MethodImpl(HotPath.Optimized)]
    private string? ReadUrl(ref Utf8JsonReader reader, UrlKey key, TextPosition position)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            RejectValue(ref reader, RuleIds.ObjectUrlNotString, key.ToString(), position,
                $"The {key} must be a string (the URL in quotes), not {Describe(reader.TokenType)}.");
            return null;
        }
        if (!TryDecode(ref reader, out var url))
        {
            ReportUndecodable(ref reader, item.KeyLocation(key.ToString()), position);
            return null;
        }
        check.CheckObjectUrl(url, key, item.Section, item.Where, position, item.GroupId);
        return Options.ReadItems ? url.ToString() : null;
    }

    /// <summary>Decodes a string token into a reused buffer, so that checking makes no string per URL or title.
    /// False when it cannot be decoded (invalid UTF-8 or a lone surrogate escape). The span lasts until the next call.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool TryDecode(ref Utf8JsonReader reader, out ReadOnlySpan<char> text)
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

    [MethodImpl(HotPath.Optimized)]
    private void FinishItem()
    {
        if (item.IsGroup)
            FinishGroup();
        else if (!item.HasObjectUrl)
        {
            check.Report(RuleIds.ObjectUrlMissing, item.Location, item.Position,
                $"This item has no objectUrl. Add \"objectUrl\": \"<the file's URL>\".");
            item.Unreadable = true;
        }

        if (Options.ReadItems && !item.Unreadable)
            listener.OnItem(item.Build(Options.Path));
    }

    [MethodImpl(HotPath.Optimized)]
    private void FinishGroup()
    {
        string kind = item.GroupKind;
        if (!item.HasTitle || item.TitleIsNull || item.TitleIsEmpty)
        {
            bool given = item.HasTitle && !item.TitleIsNull;
            check.Report(RuleIds.TitleMissing, given ? item.KeyLocation(SpecKeys.Title) : item.Location, given ? item.TitlePosition : item.Position,
                given ? $"The {kind}'s title is empty. Give it a title: the platform requires one for every {kind}."
                      : $"This {kind} has no title. Add \"title\": \"...\": the platform requires one for every {kind}.");
        }

        var urls = item.GroupUrls;
        if (urls.Count == 0)
        {
            if (!item.Unreadable)
                check.Report(RuleIds.GroupEmpty, item.Location, item.Position,
                    $"This {kind} has no objectUrl_N keys. List its files as \"objectUrl_0\": \"...\", \"objectUrl_1\": \"...\", ...");
            return;
        }

        for (int i = 1; i < urls.Count; i++)
        {
            if (urls[i].Index < urls[i - 1].Index)
            {
                string key = SpecKeys.IndexedObjectUrl(urls[i].Index);
                check.Report(RuleIds.ObjectUrlKeyOrder, item.KeyLocation(key), urls[i].KeyPosition,
                    $"{key} comes after {SpecKeys.IndexedObjectUrl(urls[i - 1].Index)}. The platform needs the objectUrl_N keys in ascending order; reorder them.");
                break;
            }
        }

        var sorted = new int[urls.Count];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = urls[i].Index;
        Array.Sort(sorted);
        int expected = 0;
        foreach (int index in sorted)
        {
            if (index == expected - 1) continue; // a repeated key, reported already
            if (index != expected)
            {
                string missing = SpecKeys.IndexedObjectUrl(expected);
                string next = SpecKeys.IndexedObjectUrl(index);
                check.Report(RuleIds.ObjectUrlKeyGap, item.KeyLocation(next), KeyPositionOf(index),
                    $"{missing} is missing: the objectUrl_N keys must run 0, 1, 2, ... without gaps, but {next} follows " +
                    (expected == 0 ? "no objectUrl_0." : SpecKeys.IndexedObjectUrl(expected - 1) + ".") + " Renumber them.");
                break;
            }
            expected++;
        }
    }

    private TextPosition KeyPositionOf(int urlIndex)
    {
        foreach (var url in item.GroupUrls)
            if (url.Index == urlIndex)
                return url.KeyPosition;
        return item.Position;
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

    /// <summary>A string that could not be decoded: invalid UTF-8 (reported once, by position) or a bad escape.</summary>
    private void ReportUndecodable(ref Utf8JsonReader reader, string location, TextPosition position)
    {
        item.Unreadable = true;
        tokens.Positions.Advance(tokens.Chunk, (int)reader.BytesConsumed);
        if (Utf8Text.IsValid(reader.ValueSpan))
            check.Report(RuleIds.InvalidEscape, location, position,
                @"A \u escape here encodes half of a surrogate pair, which PostgreSQL's jsonb and most JSON readers reject. Write the character itself or a complete pair.");
        ReportInvalidUtf8(location);
    }

    private void ReportInvalidUtf8(string location = "")
    {
        if (utf8Reported || tokens.Positions.FirstInvalidUtf8 is not { } position)
            return;
        utf8Reported = true;
        check.Report(RuleIds.InvalidUtf8, location, position,
            "The file is not valid UTF-8 here (this is the first such place). The platform cannot read it; save the file as UTF-8.");
    }

    private void ReportSyntaxError(ref Utf8JsonReader reader, JsonException e)
    {
        var chunk = tokens.Chunk;
        int errorIndex = e.LineNumber is long line
            ? tokens.Positions.IndexOf(chunk, line, e.BytePositionInLine ?? 0)
            : -1;
        if (errorIndex < 0) errorIndex = Math.Min((int)reader.BytesConsumed, chunk.Length);
        string location = CurrentLocation();

        int comma = TrailingCommaBefore(chunk, errorIndex);
        if (comma >= 0)
        {
            char closing = errorIndex < chunk.Length ? (char)chunk[errorIndex] : '}';
            if (!inItem && section is { } current && sectionIndex > 0)
                location = current.JsonName() + "[" + (sectionIndex - 1) + "]"; // the comma follows the last item
            check.Report(RuleIds.TrailingComma, location, tokens.PositionAt(comma),
                $"A comma before the closing '{closing}'. JSON does not allow a comma after the last entry, and the platform rejects the whole file; remove this comma.");
            return;
        }
        if (errorIndex < chunk.Length && chunk[errorIndex] is (byte)'{' or (byte)'[' && DepthOfContainerAt(ref reader, chunk, errorIndex) >= SpecLimits.MaxJsonDepth)
        {
            check.Report(RuleIds.NestingTooDeep, location, tokens.PositionAt(errorIndex),
                $"The JSON is nested more than {SpecLimits.MaxJsonDepth} levels deep here. Flatten the metadata.");
            return;
        }
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason.Substring(0, cut);
        string hint = LooksLikeCsv(chunk) ? " The file looks like a CSV spec; use -Format Csv (or the .csv extension)." : "";
        check.Report(RuleIds.InvalidJson, location, tokens.PositionAt(errorIndex), $"The file is not valid JSON here: {reason}{hint}");
    }

    /// <summary>The depth the '{' or '[' at <paramref name="index"/> would have, counted from the reader's last
    /// token (outside strings), which may lie further back when a buffered value was being checked.</summary>
    private static int DepthOfContainerAt(ref Utf8JsonReader reader, ReadOnlySpan<byte> chunk, int index)
    {
        int depth = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? reader.CurrentDepth + 1 : reader.CurrentDepth;
        bool inString = false;
        for (int i = (int)reader.BytesConsumed; i < index; i++)
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

    /// <summary>The index of a comma that directly precedes (apart from whitespace) the '}' or ']' at
    /// <paramref name="index"/>, or -1.</summary>
    private static int TrailingCommaBefore(ReadOnlySpan<byte> chunk, int index)
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

    private bool LooksLikeCsv(ReadOnlySpan<byte> chunk) =>
        tokens.ChunkOffset <= 3 && chunk.Length > 0 && chunk[0] is not ((byte)'{' or (byte)'[') && chunk.IndexOf((byte)',') > 0 &&
        System.Text.Encoding.UTF8.GetString(chunk.Slice(0, Math.Min(chunk.Length, 64)).ToArray()).StartsWith(SpecKeys.CsvObjectUrl, StringComparison.OrdinalIgnoreCase);

    private string CurrentLocation()
    {
        if (inItem)
            return itemKey is not null ? item.KeyLocation(itemKey)
                : itemUrlIndex >= 0 ? item.KeyLocation(SpecKeys.IndexedObjectUrl(itemUrlIndex))
                : item.Location;
        if (section is { } current && sectionIndex >= 0)
            return current.JsonName() + "[" + sectionIndex + "]";
        return topLevelKey ?? "";
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>Gets a string token's text; false when it cannot be decoded (invalid UTF-8 or a lone surrogate escape).</summary>
    internal static bool TryGetString(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return text is not null;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    /// <summary>Skips the value the reader stands on (all of an object or array), refilling as needed.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static void SkipValue(JsonTokenStream tokens, ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        int depth = reader.CurrentDepth;
        while (tokens.Read(ref reader))
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                return;
    }
}
