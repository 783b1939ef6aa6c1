using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Media;
using MetadataExtractor.Util;

namespace EncordSpec.Storage.Media;

/// <summary>Reads an object's media metadata from its first bytes and, where the format keeps it elsewhere, from the
/// few ranges that hold it: an MP4/MOV's moov box, a PDF's trailer, cross-reference and page tree. Text files are
/// known by name or content type and read not at all. Made by name from <see cref="Loading.MediaProbeLoader"/>.</summary>
internal sealed class MediaProbe : IMediaProbe
{
    /// <summary>What is read first: PNG, GIF, WebP, WAV, MP3 and MP4 headers (with a moov box at the start) sit there.</summary>
    public const int DefaultHeadBytes = 4096;

    private readonly int headBytes;

    internal MediaProbe() : this(DefaultHeadBytes) { }

    internal MediaProbe(int headBytes) => this.headBytes = headBytes;

    public async Task<MediaMetadata> ProbeAsync(IByteRangeSource source, CancellationToken cancellationToken)
    {
        if (TextFiles.MimeTypeOf(source.Name, source.ContentType) is { } textMime)
            return new MediaMetadata { MimeType = textMime, FileSize = source.Length };
        if (source.Length == 0)
            throw new MediaProbeException($"{source.Name} is empty: it has no media header to read.");

        var bytes = await ObjectBytes.ReadHeadAsync(source, headBytes, cancellationToken).ConfigureAwait(false);
        MediaMetadata metadata;
        try
        {
            metadata = Sniff(bytes.Head) switch
            {
                MediaFormat.Pdf => await PdfProbe.ReadAsync(bytes).ConfigureAwait(false),
                MediaFormat.IsoMedia => await Mp4Probe.ReadAsync(bytes).ConfigureAwait(false),
                MediaFormat.Wav => await WavProbe.ReadAsync(bytes).ConfigureAwait(false),
                MediaFormat.Mp3 => await Mp3Probe.ReadAsync(bytes).ConfigureAwait(false),
                MediaFormat.Image => await ImageProbe.ReadAsync(bytes).ConfigureAwait(false),
                _ => throw new MediaProbeException($"{source.Name}: its first bytes are of no image, video, audio or PDF format this module reads."),
            };
        }
        catch (Exception e) when (e is not (MediaProbeException or CloudStorageException or OperationCanceledException))
        {
            // A header the parsers could not make sense of (MetadataExtractor's exceptions, a damaged box or
            // dictionary): one file's problem, never the whole listing's.
            throw new MediaProbeException($"{source.Name}: its media header could not be read ({e.Message})", e);
        }
        metadata.FileSize = source.Length;
        return metadata;
    }

    private enum MediaFormat
    {
        Unknown,
        Image,
        IsoMedia,
        Wav,
        Mp3,
        Pdf,
    }

    private static MediaFormat Sniff(byte[] head)
    {
        if (StartsWith(head, 0, "%PDF-"))
            return MediaFormat.Pdf;
        if (StartsWith(head, 0, "ID3"))
            return MediaFormat.Mp3;
        if (Mp4Probe.LooksLikeIsoMedia(head))
            return MediaFormat.IsoMedia;
        FileType type;
        using (var stream = new MemoryStream(head, writable: false))
            type = FileTypeDetector.DetectFileType(stream);
        return type switch
        {
            FileType.Wav => MediaFormat.Wav,
            FileType.Mp3 => MediaFormat.Mp3,
            FileType.QuickTime or FileType.Mp4 => MediaFormat.IsoMedia,
            _ when ImageProbe.Reads(type) => MediaFormat.Image,
            _ => MediaFormat.Unknown,
        };
    }

    internal static bool StartsWith(byte[] bytes, int offset, string ascii)
    {
        if (bytes.Length < offset + ascii.Length)
            return false;
        for (int i = 0; i < ascii.Length; i++)
            if (bytes[offset + i] != ascii[i])
                return false;
        return true;
    }
}
