using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Validation;
using EncordSpec.Metadata;

namespace EncordSpec.Reading;

/// <summary>Reads an item's clientMetadata or media metadata object. The whole value is buffered first (it is
/// bounded: 10 MB is the platform's limit), then checked in one pass over a copy of the reader: repeated keys at
/// any depth, escapes and numbers PostgreSQL cannot store, and the media metadata fields. Only then, when items
/// are wanted (or the value is large enough to need measuring), <see cref="JsonTreeReader"/> builds the tree.</summary>
internal sealed class JsonMetadataReader
{
    /// <summary>Below this many bytes as written, the compact form cannot exceed 10 MB, so it is not measured.</summary>
    private const int MeasureAboveBytes = 1024 * 1024;

    private readonly JsonTokenStream tokens;
    private readonly SpecCheckContext check;
    private readonly List<Frame> frames = new();
    private readonly List<MediaField> mediaFields = new();
    private int depth;

    public JsonMetadataReader(JsonTokenStream tokens, SpecCheckContext check)
    {
        this.tokens = tokens;
        this.check = check;
    }

    /// <summary>Reads the object the reader stands on (StartObject) and leaves the reader on its EndObject.
    /// Returns false when the value cannot be carried faithfully (bad escapes or numbers, or too large to buffer).</summary>
    /// <param name="reader">On the metadata's StartObject.</param>
    /// <param name="key">clientMetadata, imageMetadata, videoMetadata or audioMetadata.</param>
    /// <param name="where">The item, which names the value's location (images[3].clientMetadata) for findings.</param>
    /// <param name="schema">The media metadata fields to check, or null for clientMetadata.</param>
    /// <param name="buildTree">Whether to return the tree.</param>
    /// <param name="tree">The tree, when asked for and readable.</param>
    [MethodImpl(HotPath.Optimized)]
    public bool Read(ref Utf8JsonReader reader, string key, ItemLocation where, MediaMetadataSchema? schema, bool buildTree, out OrderedDictionary? tree)
    {
        tree = null;
        var location = new LazyLocation(where, key);
        var start = tokens.PositionOf(reader);
        if (!tokens.BufferWholeValue(ref reader, tokens.MaxBufferBytes))
        {
            string size = $"more than {tokens.MaxBufferBytes / (1024 * 1024)} MB as written";
            if (schema is null)
                check.Report(RuleIds.ClientMetadataTooLarge, location.ToString(), start,
                    $"The clientMetadata is {size}; the platform allows at most 10 MB per item. Keep large data in your bucket and put a reference in the metadata.");
            else
                check.Report(RuleIds.ValueTooLarge, location.ToString(), start, $"The {key} is {size}; it holds a few numbers and strings.");
            tokens.Skip(ref reader);
            return false;
        }

        var probe = reader;
        var invalidUtf8Before = tokens.Positions.FirstInvalidUtf8;
        bool readable = Check(ref probe, location, schema, start);
        tokens.Positions.Advance(tokens.Chunk, (int)probe.BytesConsumed);
        if (invalidUtf8Before is null && tokens.Positions.FirstInvalidUtf8 is not null)
            readable = false; // reported by the document reader; the tree could not decode those bytes

        long bytesAsWritten = probe.BytesConsumed - reader.TokenStartIndex;
        if (readable && (buildTree || (schema is null && bytesAsWritten > MeasureAboveBytes)))
        {
            OrderedDictionary value;
            try
            {
                value = (OrderedDictionary)JsonTreeReader.ReadValue(ref reader)!;
            }
            catch (InvalidOperationException)
            {
                // Bytes that are not UTF-8, after the first such place in the file (which alone is reported).
                reader = probe;
                return false;
            }
            if (schema is null)
            {
                long bytes = JsonTreeWriter.CompactByteCount(value);
                if (bytes > SpecLimits.MaxClientMetadataBytes)
                    check.Report(RuleIds.ClientMetadataTooLarge, location.ToString(), start,
                        $"The clientMetadata is {bytes:N0} bytes as compact JSON; the platform allows at most {SpecLimits.MaxClientMetadataText} ({SpecLimits.MaxClientMetadataBytes:N0} bytes) per item. " +
                        "Keep large data in your bucket and put a reference in the metadata.");
            }
            if (buildTree) tree = value;
        }
        else
        {
            reader = probe;
        }
        return readable;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Check(ref Utf8JsonReader probe, LazyLocation location, MediaMetadataSchema? schema, TextPosition start)
    {
        bool readable = true;
        depth = 0;
        mediaFields.Clear();
        Push(isArray: false);
        while (depth > 0 && probe.Read())
        {
            var top = frames[depth - 1];
            switch (probe.TokenType)
            {
                case JsonTokenType.PropertyName:
                    string? key = KeyOf(ref probe, location, ref readable);
                    top.Key = key ?? "?";
                    if (key is null)
                        continue;
                    if (!top.Keys.Add(top.Key))
                        check.Report(RuleIds.DuplicateKey, PathOf(location), tokens.PositionOf(probe),
                            $"The key '{top.Key}' appears twice in this object. PostgreSQL's jsonb keeps only the last value; remove or rename one of them.");
                    if (schema is not null && depth == 1)
                        mediaFields.Add(new MediaField(top.Key, tokens.PositionOf(probe)));
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    OnValue(top, schema, MediaValueKind.Other, probe);
                    Push(probe.TokenType == JsonTokenType.StartArray);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    depth--;
                    continue;
                case JsonTokenType.String:
                    OnValue(top, schema, MediaValueKind.String, probe);
                    if (probe.ValueIsEscaped) TryGetString(ref probe, location, ref readable);
                    continue;
                case JsonTokenType.Number:
                    OnValue(top, schema, probe.TryGetInt64(out _) ? MediaValueKind.Integer : MediaValueKind.Number, probe);
                    if (!probe.TryGetDouble(out double number) || double.IsInfinity(number) || double.IsNaN(number))
                    {
                        readable = false;
                        check.Report(RuleIds.NumberOutOfRange, PathOf(location), tokens.PositionOf(probe),
                            $"The number {System.Text.Encoding.UTF8.GetString(probe.ValueSpan.ToArray())} is too large to store. Write it as a string if it is an identifier.");
                    }
                    continue;
                default:
                    OnValue(top, schema, MediaValueKind.Other, probe);
                    continue;
            }
        }
        if (schema is not null)
            CheckMediaFields(schema, location, start);
        return readable;
    }

    /// <summary>Counts array elements (for paths) and records the kind of top-level media fields.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void OnValue(Frame top, MediaMetadataSchema? schema, MediaValueKind kind, in Utf8JsonReader probe)
    {
        if (top.IsArray)
            top.ArrayIndex++;
        else if (schema is not null && depth == 1 && mediaFields.Count > 0)
            mediaFields[mediaFields.Count - 1] = mediaFields[mediaFields.Count - 1].WithValue(kind, tokens.PositionOf(probe));
    }

    private void CheckMediaFields(MediaMetadataSchema schema, LazyLocation location, TextPosition start)
    {
        var present = new bool[schema.FieldCount];
        foreach (var field in mediaFields)
        {
            int index = schema.IndexOf(field.Name);
            if (index < 0)
            {
                check.Report(RuleIds.UnknownItemKey, location + "." + field.Name, field.KeyPosition,
                    $"'{field.Name}' is not a field of {schema.Key}; the platform ignores it.{KeySuggestion.Hint(field.Name, schema.FieldNames)} " +
                    $"The fields are {string.Join(", ", schema.FieldNames)}.");
                continue;
            }
            present[index] = true;
            if (!schema.Accepts(index, field.Kind))
                check.Report(RuleIds.MediaMetadataInvalid, location + "." + field.Name, field.ValuePosition,
                    $"{schema.Key}.{field.Name} must be {MediaMetadataSchema.Describe(schema.FieldKind(index))}, not {MediaMetadataSchema.Describe(field.Kind)}.");
        }
        for (int i = 0; i < present.Length; i++)
            if (!present[i])
                check.Report(RuleIds.MediaMetadataInvalid, location.ToString(), start,
                    $"{schema.Key} has no '{schema.FieldName(i)}'. The platform needs all of {string.Join(", ", schema.FieldNames)} when it is given, " +
                    "since it then uses these values instead of reading the file.");
    }

    /// <summary>The property name the probe stands on; null when it cannot be decoded (reported).</summary>
    private string? KeyOf(ref Utf8JsonReader probe, LazyLocation location, ref bool readable)
    {
        if (probe.ValueIsEscaped)
            return TryGetString(ref probe, location, ref readable);
        // Bytes that are not UTF-8 are the document reader's to report; here they only name the key.
        return JsonTokens.TryGetString(ref probe, out string? text) ? text : System.Text.Encoding.UTF8.GetString(probe.ValueSpan.ToArray());
    }

    private string? TryGetString(ref Utf8JsonReader probe, LazyLocation location, ref bool readable)
    {
        if (JsonTokens.TryGetString(ref probe, out string? text))
        {
            // Only an escape can put U+0000 in a JSON string, so only escaped strings come here to be checked.
            if (text!.IndexOf('\0') >= 0)
                check.Report(RuleIds.ControlCharacter, PathOf(location), tokens.PositionOf(probe),
                    ControlCharacters.NulMessage(probe.TokenType == JsonTokenType.PropertyName ? $"The key '{ControlCharacters.Escaped(text)}'" : "This string"));
            return text;
        }
        readable = false;
        if (Utf8Text.IsValid(probe.ValueSpan))
            check.Report(RuleIds.InvalidEscape, PathOf(location), tokens.PositionOf(probe),
                @"A \u escape here encodes half of a surrogate pair, which PostgreSQL's jsonb rejects. Write the character itself or a complete pair.");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private void Push(bool isArray)
    {
        if (frames.Count == depth)
            frames.Add(new Frame());
        var frame = frames[depth++];
        frame.IsArray = isArray;
        frame.ArrayIndex = -1;
        frame.Key = null;
        frame.Keys.Clear();
    }

    /// <summary>The location of the current token: the metadata's location and the keys and indexes inside it.</summary>
    private string PathOf(LazyLocation location)
    {
        var path = new System.Text.StringBuilder(location.ToString());
        for (int i = 0; i < depth; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                if (frame.ArrayIndex >= 0) path.Append('[').Append(frame.ArrayIndex).Append(']');
            }
            else if (frame.Key is not null)
            {
                path.Append('.').Append(frame.Key);
            }
        }
        return path.ToString();
    }

    /// <summary>The value's location, made only when a finding needs it.</summary>
    private readonly struct LazyLocation
    {
        private readonly ItemLocation where;
        private readonly string key;

        public LazyLocation(ItemLocation where, string key)
        {
            this.where = where;
            this.key = key;
        }

        public override string ToString() => where.LocationOf(key);
    }

    /// <summary>An object or array being checked; reused for the next one at the same depth.</summary>
    private sealed class Frame
    {
        public bool IsArray;
        public int ArrayIndex;
        /// <summary>The object's current key ("?" when it could not be decoded).</summary>
        public string? Key;
        /// <summary>The object's keys so far, to find repeats.</summary>
        public readonly HashSet<string> Keys = new(StringComparer.Ordinal);
    }

    private readonly struct MediaField
    {
        public MediaField(string name, TextPosition keyPosition) : this(name, keyPosition, MediaValueKind.Other, keyPosition) { }

        private MediaField(string name, TextPosition keyPosition, MediaValueKind kind, TextPosition valuePosition)
        {
            Name = name;
            KeyPosition = keyPosition;
            Kind = kind;
            ValuePosition = valuePosition;
        }

        public string Name { get; }
        public TextPosition KeyPosition { get; }
        public MediaValueKind Kind { get; }
        public TextPosition ValuePosition { get; }

        public MediaField WithValue(MediaValueKind kind, TextPosition position) => new(Name, KeyPosition, kind, position);
    }
}
