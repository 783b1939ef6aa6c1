using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Runtime.CompilerServices;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>What the JSON reader has gathered about the item it is reading; reused from item to item so that
/// checking a million items allocates no per-item collections.</summary>
internal sealed class JsonItemParts
{
    private readonly HashSet<int> groupIndexes = new();
    private string? location;

    public SpecSection Section { get; private set; }
    public int Index { get; private set; }
    public TextPosition Position { get; private set; }

    /// <summary>Set when a part the item needs could not be read (the item is then not returned).</summary>
    public bool Unreadable { get; set; }

    public bool HasObjectUrl { get; set; }
    public string? ObjectUrl { get; set; }
    public bool HasTitle { get; set; }
    /// <summary>The title's text; set only when items are built (checking needs only the flags below).</summary>
    public string? Title { get; set; }
    public bool TitleIsNull { get; set; }
    public bool TitleIsEmpty { get; set; }
    public TextPosition TitlePosition { get; set; }
    public bool? CreateVideo { get; set; }
    public bool HasClientMetadata { get; set; }
    public OrderedDictionary? ClientMetadata { get; set; }
    public bool HasMediaMetadata { get; set; }
    public OrderedDictionary? MediaMetadata { get; set; }

    /// <summary>The objectUrl_N keys in text order: N, where the key is, and the URL when items are built.</summary>
    public List<IndexedUrl> GroupUrls { get; } = new();

    /// <summary>Keys seen that are not the fixed ones, to find repeats.</summary>
    public HashSet<string> OtherKeys { get; } = new(StringComparer.Ordinal);

    public bool IsGroup => Section is SpecSection.ImageGroups or SpecSection.DicomSeries;

    /// <summary>"image group" or "DICOM series", for messages.</summary>
    public string GroupKind => Section == SpecSection.ImageGroups ? "image group" : "DICOM series";

    /// <summary>The item, as findings name it.</summary>
    public ItemLocation Where => ItemLocation.Item(Section, Index);

    /// <summary>images[3], image_groups[0]: the item's finding location.</summary>
    public string Location => location ??= Where.ToString();

    public string KeyLocation(string key) => Location + "." + key;

    /// <summary>The group's id for the URL checks (0 for single items).</summary>
    public long GroupId { get; set; }

    [MethodImpl(HotPath.Optimized)]
    public void Begin(SpecSection section, int index, TextPosition position)
    {
        Section = section;
        Index = index;
        Position = position;
        location = null;
        Unreadable = false;
        HasObjectUrl = false;
        ObjectUrl = null;
        HasTitle = false;
        Title = null;
        TitleIsNull = false;
        TitleIsEmpty = false;
        TitlePosition = default;
        CreateVideo = null;
        HasClientMetadata = false;
        ClientMetadata = null;
        HasMediaMetadata = false;
        MediaMetadata = null;
        GroupUrls.Clear();
        groupIndexes.Clear();
        OtherKeys.Clear();
    }

    /// <summary>Records objectUrl_N; false when N was already there.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool AddIndex(int index) => groupIndexes.Add(index);

    /// <summary>The item as the model holds it; a group's URLs in the order of their numbers.</summary>
    public EncordDataItem Build(string? path)
    {
        EncordDataItem item;
        switch (Section)
        {
            case SpecSection.Images:
            case SpecSection.Videos:
            case SpecSection.Audio:
                EncordSingleItem single = Section switch
                {
                    SpecSection.Images => new EncordImage(ObjectUrl!),
                    SpecSection.Videos => new EncordVideo(ObjectUrl!),
                    _ => new EncordAudio(ObjectUrl!),
                };
                single.MediaMetadata = MediaMetadata;
                item = single;
                break;
            default:
                var ordered = GroupUrls.ToArray();
                Array.Sort(ordered, (a, b) => a.Index.CompareTo(b.Index));
                var urls = Array.ConvertAll(ordered, u => u.Url ?? "");
                item = Section == SpecSection.ImageGroups
                    ? new EncordImageGroup { ObjectUrls = urls, CreateVideo = CreateVideo ?? true }
                    : new EncordDicomSeries { ObjectUrls = urls };
                break;
        }
        item.Title = Title;
        item.ClientMetadata = ClientMetadata;
        item.Source = new SpecItemSource(path, Section, Index, Position.Line);
        return item;
    }
}

/// <summary>One objectUrl_N of a group: N, the key's position, and the URL (when items are built).</summary>
internal readonly struct IndexedUrl
{
    public IndexedUrl(int index, TextPosition keyPosition, string? url)
    {
        Index = index;
        KeyPosition = keyPosition;
        Url = url;
    }

    public int Index { get; }
    public TextPosition KeyPosition { get; }
    public string? Url { get; }
}
