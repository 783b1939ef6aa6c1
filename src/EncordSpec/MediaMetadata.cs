using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;

namespace EncordSpec;

/// <summary>What the platform needs to know about a media file so that it need not read the file itself: the spec's
/// imageMetadata, videoMetadata, audioMetadata, textMetadata or pdfMetadata. Get-CloudObject -MediaMetadata fills it
/// from the object's own header; ConvertFrom-EncordSpec from a spec. A value that is unknown or does not apply to the
/// kind of file is null.</summary>
public sealed class MediaMetadata
{
    /// <summary>The MIME type the file's content shows (image/png, video/mp4, audio/wav, application/pdf, ...).</summary>
    public string? MimeType { get; set; }
    /// <summary>The file's size in bytes.</summary>
    public long? FileSize { get; set; }
    /// <summary>Image or video width in pixels.</summary>
    public int? Width { get; set; }
    /// <summary>Image or video height in pixels.</summary>
    public int? Height { get; set; }
    /// <summary>Video or audio duration in seconds.</summary>
    public double? Duration { get; set; }
    /// <summary>Video frames per second.</summary>
    public double? Fps { get; set; }
    /// <summary>Audio samples per second (Hz).</summary>
    public int? SampleRate { get; set; }
    /// <summary>Audio channels.</summary>
    public int? Channels { get; set; }
    /// <summary>Bits per audio sample.</summary>
    public int? BitDepth { get; set; }
    /// <summary>The audio or video codec, as ffmpeg names it (pcm, mp3, aac, h264, ...).</summary>
    public string? Codec { get; set; }
    /// <summary>The number of pages of a PDF.</summary>
    public int? PageCount { get; set; }

    /// <summary>Fields of a spec's metadata object that are none of the above (or hold a value of another type), kept
    /// as read so that writing the item again keeps them; null when there were none.</summary>
    public OrderedDictionary? OtherFields { get; set; }

    /// <summary>The field names of the spec object this was read from, as spelled there and in order, so that writing
    /// it again writes the same object (the platform takes camelCase and snake_case alike); null when made otherwise.
    /// Internal: not a value users set or see.</summary>
    internal IReadOnlyList<string>? NamesAsRead { get; set; }

    /// <summary>A short summary for tables: "160x120 2 s 25 fps", "8000 Hz 2 ch 16 bit 0.25 s", "12 pages".</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        var invariant = CultureInfo.InvariantCulture;
        if (Width is not null && Height is not null)
            parts.Add(string.Format(invariant, "{0}x{1}", Width, Height));
        if (SampleRate is not null)
            parts.Add(string.Format(invariant, "{0} Hz", SampleRate));
        if (Channels is not null)
            parts.Add(string.Format(invariant, "{0} ch", Channels));
        if (BitDepth is not null)
            parts.Add(string.Format(invariant, "{0} bit", BitDepth));
        if (Duration is not null)
            parts.Add(string.Format(invariant, "{0:0.###} s", Duration));
        if (Fps is not null)
            parts.Add(string.Format(invariant, "{0:0.###} fps", Fps));
        if (PageCount is not null)
            parts.Add(string.Format(invariant, PageCount == 1 ? "{0} page" : "{0} pages", PageCount));
        if (parts.Count == 0 && MimeType is not null)
            parts.Add(MimeType);
        return string.Join(" ", parts);
    }
}
