using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>What the JSON reader has gathered about one item so far. A new value is made for each item, so nothing
/// carries over from the item before. It is a struct, passed by reference, and a group's URLs go into a list the
/// reader lends it, so items make no garbage: a class per item took the peak memory of checking a million URLs from
/// about 165 MB to 250 MB.</summary>
internal struct JsonItem
{
    private readonly GroupUrlIndexes groupUrls;
    private string? location;
    private int highestUrlIndex;
    private HashSet<int>? urlIndexes;
    private HashSet<string>? otherKeys;

    /// <param name="section">The section the item is in.</param>
    /// <param name="index">Its index there.</param>
    /// <param name="position">Where its '{' is.</param>
    /// <param name="groupId">The group's id for the URL checks, 0 for a single item.</param>
    /// <param name="urlBuffer">Holds a group's objectUrl_N keys; emptied here, and the item's until the next one.</param>
    public JsonItem(SpecSection section, int index, TextPosition position, long groupId, GroupUrlIndexes urlBuffer)
    {
        Section = section;
        Index = index;
        Position = position;
        GroupId = groupId;
        urlBuffer.Clear();
        groupUrls = urlBuffer;
        highestUrlIndex = -1;
        SequenceTiffIndex = -1;
    }

    public SpecSection Section { get; }
    public int Index { get; }
    public TextPosition Position { get; }
    public long GroupId { get; }

    /// <summary>The N of an image group's first TIFF objectUrl_N, which an image sequence cannot take (createVideo may
    /// come after it, so it is reported when the group ends); -1 for none.</summary>
    public int SequenceTiffIndex { get; set; }
    public TextPosition SequenceTiffPosition { get; set; }

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
    public MediaMetadata? MediaMetadata { get; set; }

    /// <summary>The objectUrl_N keys in text order: N, where the key is, and the URL when items are built.</summary>
    public readonly GroupUrlIndexes GroupUrls => groupUrls;

    public readonly bool IsGroup => Section is SpecSection.ImageGroups or SpecSection.DicomSeries;

    /// <summary>"image group" or "DICOM series", for messages.</summary>
    public readonly string GroupKind => Section == SpecSection.ImageGroups ? "image group" : "DICOM series";

    /// <summary>The item, as findings name it.</summary>
    public readonly ItemLocation Where => ItemLocation.Item(Section, Index);

    /// <summary>images[3], image_groups[0]: the item's finding location.</summary>
    public string Location => location ??= Where.ToString();

    public string KeyLocation(string key) => Location + "." + key;

    /// <summary>Records N of an objectUrl_N key as it is met, before its value is read; false when N was there already.</summary>
    public bool TryAddUrlIndex(int index)
    {
        // The keys nearly always come in ascending order, so a set of the numbers is made only once one goes back.
        if (urlIndexes is null && index > highestUrlIndex)
        {
            highestUrlIndex = index;
            return true;
        }
        if (urlIndexes is null)
        {
            urlIndexes = new HashSet<int>();
            for (int i = 0; i < groupUrls.Count; i++)
                urlIndexes.Add(groupUrls.IndexAt(i));
        }
        return urlIndexes.Add(index);
    }

    /// <summary>Adds an objectUrl_N once its value is read (after <see cref="TryAddUrlIndex"/>).</summary>
    public readonly void AddGroupUrl(int index, TextPosition keyPosition, string? url) => groupUrls.Add(index, keyPosition, url);

    /// <summary>Records a key that is not one of the fixed ones; false when it was there already.</summary>
    public bool AddOtherKey(string name) => (otherKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    /// <summary>The item as the model holds it; a group's URLs in the order of their numbers.</summary>
    public readonly EncordDataItem Build(string? path)
    {
        EncordDataItem item;
        switch (Section)
        {
            case SpecSection.Images:
            case SpecSection.Videos:
            case SpecSection.Audio:
            case SpecSection.Text:
            case SpecSection.Pdf:
            case SpecSection.Nifti:
                EncordSingleItem single = Section switch
                {
                    SpecSection.Images => new EncordImage(ObjectUrl!),
                    SpecSection.Videos => new EncordVideo(ObjectUrl!),
                    SpecSection.Text => new EncordText(ObjectUrl!),
                    SpecSection.Pdf => new EncordPdf(ObjectUrl!),
                    SpecSection.Nifti => new EncordNifti(ObjectUrl!),
                    _ => new EncordAudio(ObjectUrl!),
                };
                single.MediaMetadata = MediaMetadata;
                item = single;
                break;
            default:
                var urls = groupUrls.UrlsInNumberOrder();
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
