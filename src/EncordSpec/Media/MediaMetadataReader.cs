using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Listing;

namespace EncordSpec.Media;

/// <summary>Reads the media metadata of listed objects, <see cref="ThrottleLimit"/> at a time, and hands them on in
/// the order they were listed as each one's turn comes, so a listing streams through it with at most that many
/// objects (and their header bytes) held. Images, videos and audio files are read, and PDFs and text files; DICOM
/// and other objects pass unread.</summary>
internal sealed class MediaMetadataReader
{
    private readonly IMediaProbe probe;
    private readonly ICloudObjectReader reader;

    public MediaMetadataReader(IMediaProbe probe, ICloudObjectReader reader, int throttleLimit)
    {
        if (throttleLimit < 1)
            throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one read at a time.");
        this.probe = probe;
        this.reader = reader;
        ThrottleLimit = throttleLimit;
    }

    /// <summary>How many objects are read at the same time.</summary>
    public int ThrottleLimit { get; }

    /// <summary>Whether -MediaMetadata reads this object.</summary>
    public static bool IsMediaFile(CloudObject cloudObject) =>
        !cloudObject.IsFolderPlaceholder
        && (cloudObject.DataType is DataType.Image or DataType.Video or DataType.Audio
            || cloudObject.Key.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            || TextFiles.MimeTypeOf(cloudObject.Key, cloudObject.ContentType) is not null);

    /// <summary>Every item of <paramref name="items"/>, in order, each CloudObject that is a media file with its
    /// metadata read or its error. A store that refuses the reads (access denied, no credentials, unreachable) refuses
    /// them all: that ends the reading with its <see cref="CloudStorageException"/>, as cancellation does with
    /// <see cref="OperationCanceledException"/>.</summary>
    public IEnumerable<MediaReadResult> Read(IEnumerable<object> items, CancellationToken cancellationToken)
    {
        var window = new Queue<(object Item, Task<MediaMetadata>? Read)>();
        int reading = 0;
        foreach (var item in items)
        {
            Task<MediaMetadata>? read = null;
            if (item is CloudObject cloudObject && IsMediaFile(cloudObject))
            {
                read = ProbeAsync(cloudObject, cancellationToken);
                reading++;
            }
            window.Enqueue((item, read));
            // Hand on what is ready in order; wait for the oldest read only when ThrottleLimit are in flight.
            while (window.Count > 0 && (reading >= ThrottleLimit || window.Peek().Read is null or { IsCompleted: true }))
            {
                var next = window.Dequeue();
                if (next.Read is not null)
                    reading--;
                yield return Complete(next.Item, next.Read);
            }
        }
        while (window.Count > 0)
        {
            var next = window.Dequeue();
            yield return Complete(next.Item, next.Read);
        }
    }

    private async Task<MediaMetadata> ProbeAsync(CloudObject cloudObject, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the caller goes on listing while this object's header is read
        return await probe.ProbeAsync(new CloudObjectBytes(reader, cloudObject), cancellationToken).ConfigureAwait(false);
    }

    private static MediaReadResult Complete(object item, Task<MediaMetadata>? read)
    {
        if (read is null)
            return new MediaReadResult(item, null);
        try
        {
            ((CloudObject)item).MediaMetadata = read.GetAwaiter().GetResult();
            return new MediaReadResult(item, null);
        }
        catch (MediaProbeException e)
        {
            return new MediaReadResult(item, e);
        }
        catch (CloudStorageException e) when (e.Kind == CloudErrorKind.Failed)
        {
            // This object's read failed (deleted since it was listed, say); the next may not.
            return new MediaReadResult(item, e);
        }
    }
}
