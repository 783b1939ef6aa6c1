namespace EncordSpec;

/// <summary>An item with one object URL: an image, a video or an audio file.</summary>
public abstract class EncordSingleItem : EncordDataItem
{
    public string ObjectUrl { get; set; } = "";

    /// <summary>The platform's per-item media metadata (imageMetadata, videoMetadata or audioMetadata by section),
    /// used instead of reading the file when an integration allows client-only access: from Get-CloudObject
    /// -MediaMetadata, or as a spec gave it. Null when absent.</summary>
    public MediaMetadata? MediaMetadata { get; set; }

    public override string ToString() => ObjectUrl;
}

public sealed class EncordImage : EncordSingleItem
{
    public EncordImage() { }
    public EncordImage(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Images;
}

public sealed class EncordVideo : EncordSingleItem
{
    public EncordVideo() { }
    public EncordVideo(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Videos;
}

public sealed class EncordAudio : EncordSingleItem
{
    public EncordAudio() { }
    public EncordAudio(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Audio;
}
