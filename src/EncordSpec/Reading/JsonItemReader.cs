using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Reads one item of a JSON spec's section: dispatches each key (<see cref="ItemKeys"/>) to what reads and
/// checks its value, then checks what the item as a whole needs and hands it to the listener when items are wanted.</summary>
internal sealed class JsonItemReader
{
    private static readonly string[] MediaKeys = { SpecKeys.ImageMetadata, SpecKeys.VideoMetadata, SpecKeys.AudioMetadata, SpecKeys.TextMetadata, SpecKeys.PdfMetadata };

    private readonly JsonTokenStream tokens;
    private readonly SpecCheckContext check;
    private readonly SpecReadOptions options;
    private readonly ISpecReadListener listener;
    private readonly JsonStringDecoder strings;
    private readonly JsonMetadataReader metadata;
    private readonly GroupUrlIndexes urlBuffer;

    public JsonItemReader(JsonTokenStream tokens, SpecCheckContext check, SpecReadOptions options, ISpecReadListener listener, JsonStringDecoder strings)
    {
        this.tokens = tokens;
        this.check = check;
        this.options = options;
        this.listener = listener;
        this.strings = strings;
        metadata = new JsonMetadataReader(tokens, check);
        urlBuffer = new GroupUrlIndexes(keepUrls: options.ReadItems);
    }

    /// <summary>Reads the item whose '{' the reader stands on, up to its '}'. <paramref name="place"/> follows the
    /// key being read, for the findings only the document reader can place.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Read(ref Utf8JsonReader reader, SpecSection section, int index, ref JsonPlace place)
    {
        var position = tokens.PositionOf(reader);
        check.CountItem(ItemLocation.Item(section, index), position);
        bool isGroup = section is SpecSection.ImageGroups or SpecSection.DicomSeries;
        var item = new JsonItem(section, index, position, isGroup ? check.NewGroup() : 0, urlBuffer);
        place.EnterItem();
        int keys = 0;
        while (tokens.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if ((++keys & 4095) == 0)
                options.CancellationToken.ThrowIfCancellationRequested(); // a group can hold a million URLs
            var keyPosition = tokens.PositionOf(reader);
            var key = ItemKeys.Identify(ref reader, section, out int urlIndex, out string? name);
            if (key == ItemKey.Undecodable)
            {
                item.Unreadable = true;
                strings.ReportUndecodable(ref reader, item.Location, keyPosition);
                tokens.Read(ref reader);
                tokens.Skip(ref reader);
                continue;
            }
            place.AtItemKey(name, urlIndex);
            tokens.Read(ref reader);
            ReadValue(ref reader, ref item, key, name, urlIndex, keyPosition);
            place.BetweenItemKeys();
        }
        Finish(ref item);
    }

    /// <summary>Reads the value of one item key. <paramref name="name"/> is null for objectUrl_N keys, whose name is
    /// only made when a message needs it.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void ReadValue(ref Utf8JsonReader reader, ref JsonItem item, ItemKey key, string? name, int urlIndex, TextPosition keyPosition)
    {
        var position = tokens.PositionOf(reader);
        switch (key)
        {
            case ItemKey.ObjectUrl:
                if (item.HasObjectUrl) ReportRepeatedKey(ref item, SpecKeys.ObjectUrl, keyPosition);
                item.HasObjectUrl = true;
                if (ReadUrl(ref reader, ref item, new UrlKey(SpecKeys.ObjectUrl), position) is { } url)
                    item.ObjectUrl = url;
                return;

            case ItemKey.IndexedObjectUrl:
                if (!item.TryAddUrlIndex(urlIndex)) ReportRepeatedKey(ref item, SpecKeys.IndexedObjectUrl(urlIndex), keyPosition);
                string? memberUrl = ReadUrl(ref reader, ref item, UrlKey.Indexed(urlIndex), position, urlIndex);
                item.AddGroupUrl(urlIndex, keyPosition, memberUrl);
                return;

            case ItemKey.MalformedObjectUrlKey:
                RejectValue(ref reader, ref item, RuleIds.ObjectUrlKeyInvalid, name!, keyPosition,
                    $"'{name}' is not a valid key: after objectUrl_ comes the image's number, 0, 1, 2, ... without leading zeros " +
                    "(objectUrl_0, objectUrl_10). The platform would not read this URL.");
                return;

            case ItemKey.Title:
                ReadTitle(ref reader, ref item, keyPosition, position);
                return;

            case ItemKey.CreateVideo:
                if (item.CreateVideo is not null) ReportRepeatedKey(ref item, SpecKeys.CreateVideo, keyPosition);
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                    item.CreateVideo = reader.TokenType == JsonTokenType.True;
                else
                    RejectValue(ref reader, ref item, RuleIds.FlagNotBoolean, SpecKeys.CreateVideo, position,
                        $"createVideo must be true or false (without quotes), not {JsonTokens.Describe(reader.TokenType)}. Leave it out for the default, true.");
                return;

            case ItemKey.ClientMetadata:
                if (item.HasClientMetadata) ReportRepeatedKey(ref item, SpecKeys.ClientMetadata, keyPosition);
                item.HasClientMetadata = true;
                item.ClientMetadata = ReadMetadata(ref reader, ref item, SpecKeys.ClientMetadata, null, position, RuleIds.ClientMetadataNotObject,
                    "a JSON object such as {\"key\": \"value\"}");
                return;

            case ItemKey.MediaMetadata:
                if (item.HasMediaMetadata) ReportRepeatedKey(ref item, name!, keyPosition);
                item.HasMediaMetadata = true;
                var mediaTree = ReadMetadata(ref reader, ref item, name!, MediaMetadataSchema.For(item.Section), position, RuleIds.MediaMetadataNotObject,
                    "a JSON object with the file's properties");
                // Typed as Get-CloudObject fills it; fields the type has no place for stay as read (OtherFields).
                item.MediaMetadata = mediaTree is null ? null : MediaMetadataFields.FromSpecObject(mediaTree, name!);
                return;

            default:
                if (!item.AddOtherKey(name!)) ReportRepeatedKey(ref item, name!, keyPosition);
                if (name!.IndexOf('\0') >= 0)
                    check.Report(RuleIds.ControlCharacter, item.KeyLocation(ControlCharacters.Escaped(name)), keyPosition,
                        ControlCharacters.NulMessage($"The key '{ControlCharacters.Escaped(name)}'"));
                check.Report(RuleIds.UnknownItemKey, item.KeyLocation(name!), keyPosition, UnknownKeyMessage(ref item, name!));
                tokens.Skip(ref reader);
                return;
        }
    }

    private void ReadTitle(ref Utf8JsonReader reader, ref JsonItem item, TextPosition keyPosition, TextPosition position)
    {
        if (item.HasTitle) ReportRepeatedKey(ref item, SpecKeys.Title, keyPosition);
        item.HasTitle = true;
        item.TitlePosition = position;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (strings.TryDecode(ref reader, out var title))
            {
                item.TitleIsEmpty = title.Length == 0;
                if (reader.ValueIsEscaped && title.IndexOf('\0') >= 0)
                    check.Report(RuleIds.ControlCharacter, item.KeyLocation(SpecKeys.Title), position, ControlCharacters.NulMessage("The title"));
                bool hasTitleRule = SpecItemRules.HasTitleRule(item.Section);
                // One string at most, shared by the item and the title rule (a title can be megabytes long).
                string? text = options.ReadItems || hasTitleRule ? title.ToString() : null;
                if (options.ReadItems) item.Title = text;
                if (item.IsGroup && title.Length > 0) check.CheckGroupTitle(title, item.Where, position, item.GroupKind);
                if (hasTitleRule && SpecItemRules.CheckTitle(item.Section, text) is { } titleProblem)
                    check.Report(titleProblem.RuleId, item.KeyLocation(SpecKeys.Title), position, titleProblem.Message);
            }
            else
            {
                item.Unreadable = true;
                strings.ReportUndecodable(ref reader, item.KeyLocation(SpecKeys.Title), position);
            }
        }
        else if (reader.TokenType == JsonTokenType.Null)
        {
            item.TitleIsNull = true;
        }
        else
        {
            RejectValue(ref reader, ref item, RuleIds.TitleNotString, SpecKeys.Title, position,
                $"The title must be a string (in quotes), not {JsonTokens.Describe(reader.TokenType)}.");
        }
    }

    /// <summary>Reports a value that cannot be used, skips it and keeps the item from being returned.</summary>
    private void RejectValue(ref Utf8JsonReader reader, ref JsonItem item, string ruleId, string key, TextPosition position, string message)
    {
        check.Report(ruleId, item.KeyLocation(key), position, message);
        item.Unreadable = true;
        tokens.Skip(ref reader);
    }

    /// <summary>Reads clientMetadata or media metadata (<paramref name="schema"/>): the tree when items are built.</summary>
    private OrderedDictionary? ReadMetadata(ref Utf8JsonReader reader, ref JsonItem item, string key, MediaMetadataSchema? schema,
        TextPosition position, string notObjectRule, string expected)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            RejectValue(ref reader, ref item, notObjectRule, key, position, $"{key} must be {expected}, not {JsonTokens.Describe(reader.TokenType)}.");
            return null;
        }
        if (!metadata.Read(ref reader, key, item.Where, schema, options.ReadItems, out var tree))
            item.Unreadable = true;
        return tree;
    }

    private static string UnknownKeyMessage(ref JsonItem item, string name)
    {
        string what = item.IsGroup ? (item.Section == SpecSection.ImageGroups ? "an image group" : "a DICOM series") : $"an item of {item.Section.JsonName()}";
        string advice;
        if (Array.IndexOf(MediaKeys, name) >= 0)
            advice = MediaMetadataSchema.For(item.Section) is { } schema
                ? $" {name} belongs to another section; here it is {schema.Key}."
                : " Media metadata is given only for single images, videos, audio, text and PDF files (not groups, series or NIfTI).";
        else if (name == SpecKeys.ObjectUrl && item.IsGroup)
            advice = " A group lists its files as objectUrl_0, objectUrl_1, ...";
        else if (name.StartsWith(SpecKeys.ObjectUrlPrefix, StringComparison.Ordinal) && !item.IsGroup)
            advice = " A single item has one objectUrl; use image_groups for several files.";
        else
            advice = KeySuggestion.Hint(name, ItemKeys.KnownKeys(item.Section));
        return $"The platform does not know the key '{name}' in {what} and ignores it.{advice}";
    }

    private void ReportRepeatedKey(ref JsonItem item, string name, TextPosition position) =>
        check.Report(RuleIds.DuplicateKey, item.KeyLocation(name), position,
            $"The key '{name}' appears twice in this item; only the last value counts. Remove one of them.");

    /// <summary>Reads an object URL value and checks it. Returns it when it is a readable string.</summary>
    [MethodImpl(HotPath.Optimized)]
    private string? ReadUrl(ref Utf8JsonReader reader, ref JsonItem item, UrlKey key, TextPosition position, int urlIndex = -1)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            RejectValue(ref reader, ref item, RuleIds.ObjectUrlNotString, key.ToString(), position,
                $"The {key} must be a string (the URL in quotes), not {JsonTokens.Describe(reader.TokenType)}.");
            return null;
        }
        if (!strings.TryDecode(ref reader, out var url))
        {
            item.Unreadable = true;
            strings.ReportUndecodable(ref reader, item.KeyLocation(key.ToString()), position);
            return null;
        }
        check.CheckObjectUrl(url, key, item.Section, item.Where, position, item.GroupId);
        if (item.Section == SpecSection.ImageGroups && item.SequenceTiffIndex < 0 && !FileTypeClassifier.FitsImageSequence(url))
        {
            item.SequenceTiffIndex = urlIndex;
            item.SequenceTiffPosition = position;
        }
        return options.ReadItems ? url.ToString() : null;
    }

    /// <summary>The checks of the item as a whole, once its '}' is read; then the item goes to the listener.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void Finish(ref JsonItem item)
    {
        if (item.IsGroup)
            FinishGroup(ref item);
        else if (!item.HasObjectUrl)
        {
            check.Report(RuleIds.ObjectUrlMissing, item.Location, item.Position,
                $"This item has no objectUrl. Add \"objectUrl\": \"<the file's URL>\".");
            item.Unreadable = true;
        }
        else if (check.RequiresMediaMetadata && !item.HasMediaMetadata) // the location string is made only then
        {
            check.CheckMediaMetadataGiven(item.Section, given: false, item.Location, item.Position, "This item");
        }

        if (options.ReadItems && !item.Unreadable)
            listener.OnItem(item.Build(options.Path));
    }

    [MethodImpl(HotPath.Optimized)]
    private void FinishGroup(ref JsonItem item)
    {
        string kind = item.GroupKind;
        if (!item.HasTitle || item.TitleIsNull || item.TitleIsEmpty)
        {
            bool given = item.HasTitle && !item.TitleIsNull;
            check.Report(RuleIds.TitleMissing, given ? item.KeyLocation(SpecKeys.Title) : item.Location, given ? item.TitlePosition : item.Position,
                given ? $"The {kind}'s title is empty. Give it a title: the platform requires one for every {kind}."
                      : $"This {kind} has no title. Add \"title\": \"...\": the platform requires one for every {kind}.");
        }

        if (item.SequenceTiffIndex >= 0 && item.CreateVideo != false)
        {
            string tiffKey = SpecKeys.IndexedObjectUrl(item.SequenceTiffIndex);
            check.Report(RuleIds.UnsupportedFileType, item.KeyLocation(tiffKey), item.SequenceTiffPosition,
                $"{tiffKey} is a TIFF image, which an image sequence (createVideo: true{(item.CreateVideo is null ? ", the default" : "")}) cannot take. " +
                "Convert the images, or set \"createVideo\": false to keep the original images.");
        }

        if (item.GroupUrls.Count == 0)
        {
            if (!item.Unreadable)
                check.Report(RuleIds.GroupEmpty, item.Location, item.Position,
                    $"This {kind} has no objectUrl_N keys. List its files as \"objectUrl_0\": \"...\", \"objectUrl_1\": \"...\", ...");
            return;
        }
        foreach (var problem in item.GroupUrls.Check())
            check.Report(problem.RuleId, item.KeyLocation(problem.Key), problem.KeyPosition, problem.Message);
    }
}
