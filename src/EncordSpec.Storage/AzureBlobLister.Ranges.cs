using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs.Models;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Ranged reads of the container's blobs (DownloadStreaming with an HTTP range), for media headers.</summary>
internal sealed partial class AzureBlobLister : ICloudObjectReader
{
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
            return Array.Empty<byte>();
        try
        {
            var options = new BlobDownloadOptions { Range = new HttpRange(offset, count) };
            var response = await container.GetBlobClient(key).DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false);
            using var body = response.Value.Content;
            return await RangeReads.ReadAsync(body, count, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "BlobNotFound")
        {
            throw errors.Create(CloudErrorKind.Failed, RangeReads.NoSuchObject(key, $"{e.ErrorCode} (HTTP {e.Status})"));
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
    }
}
