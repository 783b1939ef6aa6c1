using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EncordSpec.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.QuickTime;

namespace EncordSpec.Storage.Media;

/// <summary>MP4, MOV and M4A files (ISO base media). Their metadata is in the moov box, which muxers put at the start
/// ("fast start") or, by default, after the media data at the end. The top-level boxes are walked by their headers
/// from the start; past the first bytes, the rest of the file up to <see cref="TailBytes"/> is read in one go, since
/// what follows the media data is mostly moov itself. MetadataExtractor reads the movie header (duration) and the
/// track headers (width, height); its QuickTime reader (2.4.3) reads no sample tables, so the frame rate, the codec
/// and the audio format come from the track's mdhd, stts and stsd boxes here.</summary>
internal static class Mp4Probe
{
    /// <summary>How much is read at once past the first bytes: the end of a file whose moov follows its media data.</summary>
    public const int TailBytes = 64 * 1024;

    /// <summary>Larger moov boxes (hours of video, many tracks) are not read.</summary>
    public const int MaxMoovBytes = 64 * 1024 * 1024;

    private static readonly HashSet<string> TopLevelTypes = new(StringComparer.Ordinal) { "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid" };

    /// <summary>HEIF and AVIF images are ISO media too; MetadataExtractor reads those as images.</summary>
    private static readonly HashSet<string> ImageBrands = new(StringComparer.Ordinal) { "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis" };

    public static bool LooksLikeIsoMedia(byte[] head) =>
        head.Length >= 12 && TopLevelTypes.Contains(IsoBox.FourCC(head, 4))
        && !(IsoBox.FourCC(head, 4) == "ftyp" && ImageBrands.Contains(IsoBox.FourCC(head, 8)));

    public static async Task<MediaMetadata> ReadAsync(ObjectBytes bytes)
    {
        byte[]? ftyp = null;
        byte[]? moov = null;
        long offset = 0;
        while (moov is null && offset + 8 <= bytes.Length)
        {
            if (offset >= bytes.Head.Length)
                await bytes.GetAsync(offset, (int)Math.Min(bytes.Length - offset, TailBytes)).ConfigureAwait(false);
            byte[] header = await bytes.GetAsync(offset, 16).ConfigureAwait(false);
            string type = IsoBox.FourCC(header, 4);
            long size = BigEndian.UInt32(header, 0);
            if (size == 1 && header.Length >= 16)
                size = (long)BigEndian.UInt64(header, 8);
            else if (size == 0)
                size = bytes.Length - offset;
            if (size < 8 || offset + size > bytes.Length)
                throw new MediaProbeException($"{bytes.Name}: the '{type}' box at {offset:N0} claims {size:N0} bytes; the file has {bytes.Length:N0}.");
            if (type == "moov")
            {
                if (size > MaxMoovBytes)
                    throw new MediaProbeException($"{bytes.Name}: its moov box is {size:N0} bytes, more than the {MaxMoovBytes:N0} read.");
                moov = await bytes.GetAsync(offset, (int)size).ConfigureAwait(false);
            }
            else if (type == "ftyp" && size <= 4096)
            {
                ftyp = await bytes.GetAsync(offset, (int)size).ConfigureAwait(false);
            }
            offset += size;
        }
        if (moov is null)
            throw new MediaProbeException($"{bytes.Name}: an MP4/MOV file without a moov box (metadata), so its duration and frame rate are unknown.");
        return Describe(bytes.Name, ftyp, moov);
    }

    private static MediaMetadata Describe(string name, byte[]? ftyp, byte[] moov)
    {
        var tracks = new List<Track>();
        var moovBox = new IsoBox("moov", 8, moov.Length);
        foreach (var box in IsoBox.Children(moov, moovBox.ContentStart, moovBox.End))
            if (box.Type == "trak")
                tracks.Add(Track.Read(moov, box));

        // MetadataExtractor: the movie header and one track header per trak, in file order.
        var directories = QuickTimeMetadataReader.ReadMetadata(new MemoryStream(ftyp is null ? moov : Concat(ftyp, moov), writable: false));
        var trackHeaders = new List<QuickTimeTrackHeaderDirectory>();
        TimeSpan? movieDuration = null;
        foreach (var directory in directories)
        {
            if (directory is QuickTimeTrackHeaderDirectory trackHeader)
                trackHeaders.Add(trackHeader);
            else if (directory is QuickTimeMovieHeaderDirectory movieHeader && movieHeader.GetObject(QuickTimeMovieHeaderDirectory.TagDuration) is TimeSpan duration)
                movieDuration = duration;
        }

        bool quickTime = ftyp is null || IsoBox.FourCC(ftyp, 8) == "qt  ";
        int video = tracks.FindIndex(t => t.Handler == "vide");
        if (video >= 0)
        {
            var track = tracks[video];
            if (track.SampleCount == 0 || track.SampleDeltas == 0)
                throw new MediaProbeException($"{name}: its video track lists no frames in its moov box (a fragmented MP4?), so its frame rate is unknown.");
            var (width, height) = video < trackHeaders.Count ? DisplaySize(trackHeaders[video]) : (0, 0);
            if (width <= 0 || height <= 0)
                (width, height) = (track.Width, track.Height);
            return new MediaMetadata
            {
                MimeType = quickTime ? "video/quicktime" : "video/mp4",
                Width = width,
                Height = height,
                Duration = track.Duration ?? movieDuration?.TotalSeconds,
                Fps = (double)track.SampleCount * track.Timescale / track.SampleDeltas,
                Codec = CodecName(track.SampleEntry),
            };
        }
        int audio = tracks.FindIndex(t => t.Handler == "soun");
        if (audio >= 0)
        {
            var track = tracks[audio];
            return new MediaMetadata
            {
                MimeType = quickTime ? "audio/quicktime" : "audio/mp4",
                Duration = track.Duration ?? movieDuration?.TotalSeconds,
                SampleRate = track.SampleRate,
                Channels = track.Channels,
                BitDepth = track.SampleSize,
                Codec = CodecName(track.SampleEntry),
            };
        }
        throw new MediaProbeException($"{name}: an MP4/MOV file with neither a video nor an audio track.");
    }

    private static (int Width, int Height) DisplaySize(QuickTimeTrackHeaderDirectory header) =>
        header.TryGetDouble(QuickTimeTrackHeaderDirectory.TagWidth, out double width) && header.TryGetDouble(QuickTimeTrackHeaderDirectory.TagHeight, out double height)
            ? ((int)Math.Round(width), (int)Math.Round(height))
            : (0, 0);

    /// <summary>ffmpeg's names for the common sample entry types; others as their four characters.</summary>
    private static string? CodecName(string? sampleEntry) => sampleEntry switch
    {
        null => null,
        "avc1" or "avc3" => "h264",
        "hvc1" or "hev1" => "hevc",
        "av01" => "av1",
        "vp09" => "vp9",
        "mp4v" => "mpeg4",
        "apcn" or "apch" or "apcs" or "apco" or "ap4h" => "prores",
        "mp4a" => "aac",
        "ac-3" => "ac3",
        "ec-3" => "eac3",
        "alac" => "alac",
        "Opus" => "opus",
        "fLaC" => "flac",
        ".mp3" => "mp3",
        _ => sampleEntry.Trim(),
    };

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var joined = new byte[first.Length + second.Length];
        Buffer.BlockCopy(first, 0, joined, 0, first.Length);
        Buffer.BlockCopy(second, 0, joined, first.Length, second.Length);
        return joined;
    }

    /// <summary>What one trak box says about its media: handler (vide, soun), time scale and duration (mdhd), sample
    /// count and total duration in time-scale units (stts), and its first sample description (stsd).</summary>
    private sealed class Track
    {
        public string? Handler { get; private set; }
        public uint Timescale { get; private set; }
        public double? Duration { get; private set; }
        public long SampleCount { get; private set; }
        public long SampleDeltas { get; private set; }
        public string? SampleEntry { get; private set; }
        public int Width { get; private set; }
        public int Height { get; private set; }
        public int? Channels { get; private set; }
        public int? SampleSize { get; private set; }
        public int? SampleRate { get; private set; }

        public static Track Read(byte[] moov, IsoBox trak)
        {
            var track = new Track();
            if (trak.Child(moov, "mdia") is not { } mdia)
                return track;
            if (mdia.Child(moov, "hdlr") is { } hdlr && hdlr.ContentStart + 12 <= hdlr.End)
                track.Handler = IsoBox.FourCC(moov, hdlr.ContentStart + 8);
            if (mdia.Child(moov, "mdhd") is { } mdhd)
                track.ReadMediaHeader(moov, mdhd);
            if (mdia.Child(moov, "minf") is { } minf && minf.Child(moov, "stbl") is { } stbl)
            {
                if (stbl.Child(moov, "stts") is { } stts)
                    track.ReadTimeToSample(moov, stts);
                if (stbl.Child(moov, "stsd") is { } stsd)
                    track.ReadSampleDescription(moov, stsd);
            }
            return track;
        }

        private void ReadMediaHeader(byte[] moov, IsoBox mdhd)
        {
            int at = mdhd.ContentStart;
            bool version1 = moov[at] == 1;
            int timescaleAt = at + (version1 ? 20 : 12);
            if (timescaleAt + (version1 ? 12 : 8) > mdhd.End)
                return;
            Timescale = BigEndian.UInt32(moov, timescaleAt);
            ulong duration = version1 ? BigEndian.UInt64(moov, timescaleAt + 4) : BigEndian.UInt32(moov, timescaleAt + 4);
            bool unknown = version1 ? duration == ulong.MaxValue : duration == uint.MaxValue;
            if (Timescale > 0 && duration > 0 && !unknown)
                Duration = (double)duration / Timescale;
        }

        private void ReadTimeToSample(byte[] moov, IsoBox stts)
        {
            int at = stts.ContentStart + 4;
            if (at + 4 > stts.End)
                return;
            uint entries = BigEndian.UInt32(moov, at);
            at += 4;
            for (uint i = 0; i < entries && at + 8 <= stts.End; i++, at += 8)
            {
                uint count = BigEndian.UInt32(moov, at);
                SampleCount += count;
                SampleDeltas += (long)count * BigEndian.UInt32(moov, at + 4);
            }
        }

        /// <summary>The first sample entry: a visual entry has its coded width and height at 24 and 26 of its content,
        /// an audio entry its channel count, sample size and 16.16 sample rate at 16, 18 and 24.</summary>
        private void ReadSampleDescription(byte[] moov, IsoBox stsd)
        {
            int at = stsd.ContentStart + 8; // version, flags, entry count
            if (at + 8 > stsd.End)
                return;
            var entry = IsoBox.Children(moov, at, stsd.End).GetEnumerator();
            if (!entry.MoveNext())
                return;
            var box = entry.Current;
            SampleEntry = box.Type;
            int content = box.ContentStart;
            if (Handler == "vide" && content + 28 <= box.End)
            {
                Width = BigEndian.UInt16(moov, content + 24);
                Height = BigEndian.UInt16(moov, content + 26);
            }
            else if (Handler == "soun" && content + 28 <= box.End)
            {
                Channels = BigEndian.UInt16(moov, content + 16);
                SampleSize = BigEndian.UInt16(moov, content + 18);
                SampleRate = BigEndian.UInt16(moov, content + 24);
                if (SampleRate == 0 && Timescale > 0)
                    SampleRate = (int)Timescale;
            }
        }
    }
}
