using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EncordSpec.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.Riff;
using MetadataExtractor.Formats.Wav;
using MetadataExtractor.IO;

namespace EncordSpec.Storage.Media;

/// <summary>WAV (RIFF WAVE). MetadataExtractor reads the fmt chunk (format, channels, sample rate, bits per sample)
/// and the fact chunk (sample count) from the first bytes. It skips the data chunk without saying its size, so the
/// chunk headers are walked here to find it (usually within the first bytes; past a large chunk, one more small read).</summary>
internal static class WavProbe
{
    private const int ChunkHeaderBytes = 8;

    public static async Task<MediaMetadata> ReadAsync(ObjectBytes bytes)
    {
        var directories = new List<MetadataExtractor.Directory>();
        try
        {
            new RiffReader().ProcessRiff(new SequentialStreamReader(new MemoryStream(bytes.Head, writable: false)), new WavRiffHandler(directories));
        }
        catch (IOException)
        {
            // The first bytes end inside the data chunk: the chunks before it were read.
        }
        var format = Find<WavFormatDirectory>(directories)
            ?? throw new MediaProbeException($"{bytes.Name}: a WAV file without a fmt chunk in its first {bytes.Head.Length:N0} bytes.");
        int formatCode = format.GetInt32(WavFormatDirectory.TagFormat);
        int channels = format.GetInt32(WavFormatDirectory.TagChannels);
        int sampleRate = format.GetInt32(WavFormatDirectory.TagSamplesPerSec);
        int bytesPerSecond = format.GetInt32(WavFormatDirectory.TagBytesPerSec);
        int bitsPerSample = format.GetInt32(WavFormatDirectory.TagBitsPerSample);

        double duration;
        if (formatCode != PcmFormat && Find<WavFactDirectory>(directories) is { } fact && sampleRate > 0
            && fact.TryGetInt64(WavFactDirectory.TagSampleLength, out long samples))
        {
            duration = (double)samples / sampleRate;
        }
        else
        {
            long dataBytes = await DataChunkSizeAsync(bytes).ConfigureAwait(false);
            if (bytesPerSecond <= 0)
                throw new MediaProbeException($"{bytes.Name}: its fmt chunk gives 0 bytes per second, so its duration is unknown.");
            duration = (double)dataBytes / bytesPerSecond;
        }
        return new MediaMetadata
        {
            MimeType = "audio/wav",
            SampleRate = sampleRate,
            Channels = channels,
            BitDepth = bitsPerSample,
            Duration = duration,
            Codec = CodecName(formatCode, bitsPerSample),
        };
    }

    private const int PcmFormat = 1;

    /// <summary>The data chunk's size; a size larger than the file (0xFFFFFFFF from a recorder that never went back to
    /// write it) counts as "to the end of the file".</summary>
    private static async Task<long> DataChunkSizeAsync(ObjectBytes bytes)
    {
        long offset = 12; // "RIFF", size, "WAVE"
        while (offset + ChunkHeaderBytes <= bytes.Length)
        {
            byte[] header = await bytes.GetAsync(offset, ChunkHeaderBytes).ConfigureAwait(false);
            long size = BitConverter.ToUInt32(header, 4);
            if (MediaProbe.StartsWith(header, 0, "data"))
                return Math.Min(size, bytes.Length - offset - ChunkHeaderBytes);
            offset += ChunkHeaderBytes + size + (size & 1);
        }
        throw new MediaProbeException($"{bytes.Name}: a WAV file without a data chunk.");
    }

    /// <summary>ffmpeg's names for the common WAVE format codes.</summary>
    private static string CodecName(int formatCode, int bitsPerSample) => formatCode switch
    {
        PcmFormat or 0xFFFE => "pcm",
        3 => "pcm_float",
        6 => "alaw",
        7 => "mulaw",
        0x11 => "adpcm_ima_wav",
        0x55 => "mp3",
        _ => $"wav_format_0x{formatCode:x4}",
    };

    private static T? Find<T>(List<MetadataExtractor.Directory> directories) where T : MetadataExtractor.Directory
    {
        foreach (var directory in directories)
            if (directory is T match)
                return match;
        return null;
    }
}
