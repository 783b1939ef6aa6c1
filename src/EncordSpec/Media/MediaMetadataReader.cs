using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Listing;

namespace EncordSpec.Media;

/// <summary>Reads the media metadata of listed objects, <see cref="ThrottleLimit"/> at a time, and hands them on in
/// the order they were listed as each one's turn comes, so a listing streams through it with at most that many
/// objects' header bytes held. Images, videos and audio files are read, and PDFs and text files; DICOM and other
/// objects pass unread.</summary>
internal sealed class MediaMetadataReader
{
    /// <summary>Items held behind a read that is slow to finish before the listing waits for it: the items between
    /// reads (folders, DICOM files) are small, but a listing must not run away from a read that hangs.</summary>
    private const int MaxHeldItems = 1000;

    private readonly IMediaProbe probe;
    private readonly ICloudObjectReader reader;
    private long probed;
    private long failed;

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

    /// <summary>Media files handed on so far, with their metadata or their error.</summary>
    public long Probed => probed;

    /// <summary>Media files handed on with an error instead of metadata.</summary>
    public long Failed => failed;

    /// <summary>Whether -MediaMetadata reads this object.</summary>
    public static bool IsMediaFile(CloudObject cloudObject) =>
        !cloudObject.IsFolderPlaceholder
        && (cloudObject.DataType is DataType.Image or DataType.Video or DataType.Audio or DataType.Pdf or DataType.Text
            || cloudObject.Key.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            || TextFiles.MimeTypeOf(cloudObject.Key, cloudObject.ContentType) is not null);

    /// <summary>Every item of <paramref name="items"/>, in order, each CloudObject that is a media file with its
    /// metadata read or its error. A store that refuses the reads (access denied, no credentials, unreachable) refuses
    /// them all: that ends the reading with its <see cref="CloudStorageException"/>, as cancellation does at once with
    /// <see cref="OperationCanceledException"/>. Leaving the enumeration early cancels the reads in flight.</summary>
    public IEnumerable<MediaReadResult> Read(IEnumerable<object> items, CancellationToken cancellationToken)
    {
        using var inFlight = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<(object Item, Task<MediaMetadata>? Read)>();
        int reading = 0;
        try
        {
            foreach (var item in items)
            {
                Task<MediaMetadata>? read = null;
                if (item is CloudObject cloudObject && IsMediaFile(cloudObject))
                {
                    read = ProbeAsync(cloudObject, inFlight.Token);
                    reading++;
                }
                window.Enqueue((item, read));
                // Hand on what is ready in order; wait for the oldest read only when ThrottleLimit are in flight
                // (or too many items wait behind it).
                while (window.Count > 0 && (reading >= ThrottleLimit || window.Count > MaxHeldItems || window.Peek().Read is null or { IsCompleted: true }))
                {
                    var next = window.Dequeue();
                    if (next.Read is not null)
                        reading--;
                    yield return Complete(next.Item, next.Read, cancellationToken);
                }
            }
            while (window.Count > 0)
            {
                var next = window.Dequeue();
                yield return Complete(next.Item, next.Read, cancellationToken);
            }
        }
        finally
        {
            // Left early (Select-Object -First, Ctrl+C, a refused read): stop the reads still in flight, and keep
            // their failures from surfacing later as unobserved task exceptions.
            inFlight.Cancel();
            foreach (var (_, read) in window)
                if (read is not null)
                    SequentialListing.Observe(read);
        }
    }

    /// <summary>The items for a listing's output, in order: each item as it was, except a media file whose header
    /// could not be read, which comes as its <see cref="MediaReadResult"/> (the object and why).</summary>
    public IEnumerable<object> ReadListing(IEnumerable<object> items, CancellationToken cancellationToken)
    {
        foreach (var result in Read(items, cancellationToken))
            yield return result.Error is null ? result.Item : result;
    }

    private async Task<MediaMetadata> ProbeAsync(CloudObject cloudObject, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the caller goes on listing while this object's header is read
        return await probe.ProbeAsync(new CloudObjectBytes(reader, cloudObject), cancellationToken).ConfigureAwait(false);
    }

    private MediaReadResult Complete(object item, Task<MediaMetadata>? read, CancellationToken cancellationToken)
    {
        if (read is null)
            return new MediaReadResult(item, null);
        try
        {
            // Waits honouring the token: Ctrl+C stops at once, whatever the read in flight is doing.
            ((CloudObject)item).MediaMetadata = SequentialListing.Wait(read, cancellationToken);
            probed++;
            return new MediaReadResult(item, null);
        }
        catch (Exception e) when (e is MediaProbeException || e is CloudStorageException { Kind: CloudErrorKind.Failed })
        {
            // This file's header, or this object's read (deleted since it was listed, say); the next may be fine.
            probed++;
            failed++;
            return new MediaReadResult(item, e);
        }
    }
}
