using System;
using System.Threading.Tasks;
using EncordSpec.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.Mpeg;
using MetadataExtractor.IO;

namespace EncordSpec.Storage.Media;

/// <summary>MP3 (MPEG audio). MetadataExtractor reads the first frame header (version, layer, sample rate, channel
/// mode, bit rate); it expects that header at the very start, so an ID3v2 tag before it is skipped here by its size.
/// The duration comes from the frame count an encoder writes into the first frame (Xing/Info or VBRI header, as LAME
/// and ffmpeg do), else from the bit rate and the size, exact for constant bit rate files.</summary>
internal static class Mp3Probe
{
    /// <summary>How far past the tag the first frame header is looked for (some tags are followed by padding).</summary>
    private const int SyncSearchBytes = 4096;
    private const int MinWindowBytes = 512;

    /// <summary>MP3 frames store no sample size. Decoders produce 16-bit samples, and the platform's audioMetadata
    /// needs a bit_depth, so MP3 files get 16.</summary>
    public const int DecodedBitDepth = 16;

    public static async Task<MediaMetadata> ReadAsync(ObjectBytes bytes)
    {
        long audioStart = 0;
        if (MediaProbe.StartsWith(bytes.Head, 0, "ID3") && bytes.Head.Length >= 10)
        {
            byte[] tag = bytes.Head;
            // Four 7-bit bytes (a "synchsafe" integer), then a 10-byte footer when flag 0x10 is set.
            long size = (tag[6] & 0x7F) << 21 | (tag[7] & 0x7F) << 14 | (tag[8] & 0x7F) << 7 | (tag[9] & 0x7F);
            audioStart = 10 + size + ((tag[5] & 0x10) != 0 ? 10 : 0);
        }
        // The first frame's header and Xing header take a few hundred bytes: those in the first bytes read will do.
        int windowBytes = bytes.Head.Length - audioStart >= MinWindowBytes ? (int)(bytes.Head.Length - audioStart) : SyncSearchBytes;
        byte[] window = await bytes.GetAsync(audioStart, windowBytes).ConfigureAwait(false);
        int frame = FindFrameSync(window);
        if (frame < 0)
            throw new MediaProbeException($"{bytes.Name}: no MPEG audio frame within {SyncSearchBytes:N0} bytes of offset {audioStart:N0}.");
        audioStart += frame;

        var header = new Mp3Reader().Extract(new SequentialByteArrayReader(window, frame));
        if (!header.TryGetInt32(Mp3Directory.TagFrequency, out int sampleRate) || sampleRate <= 0)
            throw new MediaProbeException($"{bytes.Name}: its first MPEG audio frame header gives no sample rate.");
        bool mpeg1 = header.GetString(Mp3Directory.TagId) == "MPEG-1";
        string? layer = header.GetString(Mp3Directory.TagLayer);
        bool mono = header.GetString(Mp3Directory.TagMode) == "Mono";
        int samplesPerFrame = layer switch
        {
            "Layer I" => 384,
            "Layer II" => 1152,
            _ => mpeg1 ? 1152 : 576,
        };

        double duration;
        if (FrameCount(window, frame, mpeg1, mono) is { } frames)
            duration = (double)frames * samplesPerFrame / sampleRate;
        else if (header.TryGetInt32(Mp3Directory.TagBitrate, out int kilobitsPerSecond) && kilobitsPerSecond > 0)
            duration = (bytes.Length - audioStart) * 8.0 / (kilobitsPerSecond * 1000.0);
        else
            throw new MediaProbeException($"{bytes.Name}: its first frame gives neither a frame count nor a bit rate, so its duration is unknown.");

        return new MediaMetadata
        {
            MimeType = "audio/mpeg",
            SampleRate = sampleRate,
            Channels = mono ? 1 : 2,
            BitDepth = DecodedBitDepth,
            Duration = duration,
            Codec = layer switch { "Layer I" => "mp1", "Layer II" => "mp2", _ => "mp3" },
        };
    }

    /// <summary>The first 11-bit frame sync followed by a valid version, layer and sample rate index.</summary>
    private static int FindFrameSync(byte[] window)
    {
        for (int i = 0; i + 4 <= window.Length; i++)
        {
            if (window[i] == 0xFF && (window[i + 1] & 0xE0) == 0xE0
                && (window[i + 1] & 0x18) != 0x08 && (window[i + 1] & 0x06) != 0 && (window[i + 2] & 0x0C) != 0x0C && (window[i + 2] & 0xF0) != 0xF0)
                return i;
        }
        return -1;
    }

    /// <summary>The frame count of a Xing/Info header (after the side information) or a VBRI header (32 bytes after
    /// the frame header), or null when the first frame holds neither.</summary>
    private static long? FrameCount(byte[] window, int frame, bool mpeg1, bool mono)
    {
        int xing = frame + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if ((MediaProbe.StartsWith(window, xing, "Xing") || MediaProbe.StartsWith(window, xing, "Info")) && xing + 12 <= window.Length
            && (BigEndian.UInt32(window, xing + 4) & 1) != 0)
            return BigEndian.UInt32(window, xing + 8);
        int vbri = frame + 4 + 32;
        if (MediaProbe.StartsWith(window, vbri, "VBRI") && vbri + 18 <= window.Length)
            return BigEndian.UInt32(window, vbri + 14);
        return null;
    }
}
