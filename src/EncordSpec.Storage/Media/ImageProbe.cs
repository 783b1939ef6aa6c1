using System;
using System.IO;
using System.Threading.Tasks;
using EncordSpec.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.Bmp;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Heif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Tiff;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Util;

namespace EncordSpec.Storage.Media;

/// <summary>An image's size and MIME type. JPEG, GIF, BMP, TIFF and HEIF/AVIF headers are parsed by MetadataExtractor
/// from the first bytes, read further (up to <see cref="MaxHeaderBytes"/>) when a header runs past them, as a JPEG's
/// Exif thumbnail can. PNG and WebP keep their size at fixed places in the first 30 bytes, which are read here:
/// MetadataExtractor's readers for those two consume the whole file (every PNG chunk up to IEND, the whole VP8
/// bitstream), which would turn a header read into a download.</summary>
internal static class ImageProbe
{
    /// <summary>How far into a file an image header is looked for.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    public static bool Reads(FileType type) =>
        type is FileType.Jpeg or FileType.Png or FileType.WebP or FileType.Gif or FileType.Bmp or FileType.Tiff or FileType.Heif;

    public static async Task<MediaMetadata> ReadAsync(ObjectBytes bytes)
    {
        FileType type;
        using (var stream = new MemoryStream(bytes.Head, writable: false))
            type = FileTypeDetector.DetectFileType(stream);
        if (type == FileType.Png)
            return PngSize(bytes);
        if (type == FileType.WebP)
            return WebPSize(bytes);

        byte[] prefix = bytes.Head;
        while (true)
        {
            var size = TryReadSize(type, prefix);
            if (size is not null)
                return new MediaMetadata { MimeType = MimeType(type, prefix), Width = size.Value.Width, Height = size.Value.Height };
            if (prefix.Length >= bytes.Length || prefix.Length >= MaxHeaderBytes)
                throw new MediaProbeException(prefix.Length >= bytes.Length
                    ? $"{bytes.Name}: its {type} header gives no image size."
                    : $"{bytes.Name}: no {type} image size in its first {MaxHeaderBytes / 1024:N0} KB.");
            prefix = await bytes.GetPrefixAsync((int)Math.Min(MaxHeaderBytes, Math.Max(64 * 1024, prefix.Length * 8L))).ConfigureAwait(false);
        }
    }

    /// <summary>Width and height from the directory MetadataExtractor fills for <paramref name="type"/>, or null when
    /// <paramref name="prefix"/> ends before the header does.</summary>
    private static (int Width, int Height)? TryReadSize(FileType type, byte[] prefix)
    {
        using var stream = new MemoryStream(prefix, writable: false);
        try
        {
            return type switch
            {
                FileType.Jpeg => Size<JpegDirectory>(JpegMetadataReader.ReadMetadata(stream, new IJpegSegmentMetadataReader[] { new JpegReader() }),
                    JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
                FileType.Gif => Size<GifHeaderDirectory>(new GifReader().Extract(new MetadataExtractor.IO.SequentialStreamReader(stream)),
                    GifHeaderDirectory.TagImageWidth, GifHeaderDirectory.TagImageHeight),
                FileType.Bmp => Size<BmpHeaderDirectory>(new BmpReader().Extract(new MetadataExtractor.IO.SequentialStreamReader(stream)),
                    BmpHeaderDirectory.TagImageWidth, BmpHeaderDirectory.TagImageHeight, absoluteHeight: true),
                FileType.Tiff => Size<ExifIfd0Directory>(TiffMetadataReader.ReadMetadata(stream),
                    ExifDirectoryBase.TagImageWidth, ExifDirectoryBase.TagImageHeight),
                FileType.Heif => Size<HeicImagePropertiesDirectory>(ImageMetadataReader.ReadMetadata(stream),
                    HeicImagePropertiesDirectory.TagImageWidth, HeicImagePropertiesDirectory.TagImageHeight),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or ImageProcessingException or MetadataException or ArgumentException)
        {
            // The header runs past the prefix: read more.
            return null;
        }
    }

    private static (int Width, int Height)? Size<T>(System.Collections.Generic.IEnumerable<MetadataExtractor.Directory> directories,
        int widthTag, int heightTag, bool absoluteHeight = false) where T : MetadataExtractor.Directory
    {
        foreach (var directory in directories)
        {
            if (directory is T && directory.TryGetInt32(widthTag, out int width) && directory.TryGetInt32(heightTag, out int height) && width > 0)
                return (width, absoluteHeight ? Math.Abs(height) : height); // a BMP stored top-down has a negative height
        }
        return null;
    }

    private static string MimeType(FileType type, byte[] head) => type switch
    {
        FileType.Jpeg => "image/jpeg",
        FileType.Gif => "image/gif",
        FileType.Bmp => "image/bmp",
        FileType.Tiff => "image/tiff",
        FileType.Heif => MediaProbe.StartsWith(head, 8, "avi") ? "image/avif" : "image/heic",
        _ => "application/octet-stream",
    };

    /// <summary>PNG: the IHDR chunk comes first, its width and height big-endian at bytes 16 and 20.</summary>
    private static MediaMetadata PngSize(ObjectBytes bytes)
    {
        byte[] head = bytes.Head;
        if (head.Length < 24 || !MediaProbe.StartsWith(head, 12, "IHDR"))
            throw new MediaProbeException($"{bytes.Name}: a PNG whose first chunk is not its IHDR header.");
        return new MediaMetadata { MimeType = "image/png", Width = (int)BigEndian.UInt32(head, 16), Height = (int)BigEndian.UInt32(head, 20) };
    }

    /// <summary>WebP (RIFF): the first chunk says the canvas size: VP8X (extended) as 24-bit values less one at 24
    /// and 27, VP8L (lossless) as 14-bit values less one packed after its signature byte, VP8 (lossy) as 14-bit
    /// values after the key frame's start code.</summary>
    private static MediaMetadata WebPSize(ObjectBytes bytes)
    {
        byte[] head = bytes.Head;
        if (head.Length >= 30 && MediaProbe.StartsWith(head, 12, "VP8X"))
            return WebP(1 + (head[24] | head[25] << 8 | head[26] << 16), 1 + (head[27] | head[28] << 8 | head[29] << 16));
        if (head.Length >= 25 && MediaProbe.StartsWith(head, 12, "VP8L") && head[20] == 0x2F)
        {
            uint bits = (uint)(head[21] | head[22] << 8 | head[23] << 16 | head[24] << 24);
            return WebP(1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
        }
        if (head.Length >= 30 && MediaProbe.StartsWith(head, 12, "VP8 ") && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
            return WebP((head[26] | head[27] << 8) & 0x3FFF, (head[28] | head[29] << 8) & 0x3FFF);
        throw new MediaProbeException($"{bytes.Name}: a WebP file whose first chunk is not VP8, VP8L or VP8X.");
    }

    private static MediaMetadata WebP(int width, int height) => new() { MimeType = "image/webp", Width = width, Height = height };
}
