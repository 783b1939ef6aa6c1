using System;

namespace EncordSpec;

/// <summary>An item made of several object URLs in a fixed order (objectUrl_0, objectUrl_1, ...).</summary>
public abstract class EncordGroupItem : EncordDataItem
{
    /// <summary>The files in objectUrl_N order. Each URL costs its string (2 bytes a character and about 24 bytes more)
    /// and 8 bytes here: a group of 10 million 48-character URLs holds about 1.3 GB.</summary>
    public string[] ObjectUrls { get; set; } = Array.Empty<string>();

    /// <summary>Number of object URLs, for table views and sorting.</summary>
    public int Count => ObjectUrls.Length;

    /// <summary>The first object URL (objectUrl_0), as the table view shows it, for Sort-Object and Select-Object; null
    /// for an empty group.</summary>
    public string? FirstObjectUrl => ObjectUrls.Length > 0 ? ObjectUrls[0] : null;

    public override string ToString() => Title ?? "";
}

public sealed class EncordImageGroup : EncordGroupItem
{
    /// <summary>Mirrors createVideo: true builds the video representation (the page's default), false keeps the
    /// original images. Always written explicitly, since the platform's SDK and the page disagree on the default.</summary>
    public bool CreateVideo { get; set; } = true;
    public override SpecSection Section => SpecSection.ImageGroups;
}

public sealed class EncordDicomSeries : EncordGroupItem
{
    public override SpecSection Section => SpecSection.DicomSeries;
}
