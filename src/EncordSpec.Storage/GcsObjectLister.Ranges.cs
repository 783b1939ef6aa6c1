using System;
using System.IO;
using System.Net;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Google;
using Google.Cloud.Storage.V1;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Ranged reads of the bucket's objects (DownloadObject with a Range header), for media headers.</summary>
internal sealed partial class GcsObjectLister : ICloudObjectReader
{
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
            return Array.Empty<byte>();
        try
        {
            using var body = new MemoryStream(count);
            var download = new DownloadObjectOptions
            {
                Range = new RangeHeaderValue(offset, offset + count - 1),
                // The object's hash covers all of it, not a range (the emulator sends it with partial content).
                DownloadValidationMode = DownloadValidationMode.Never,
            };
            await client.DownloadObjectAsync(options.Bucket, key, body, download, cancellationToken).ConfigureAwait(false);
            body.Position = 0;
            return await RangeReads.ReadAsync(body, count, cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound && e.Message.IndexOf("bucket", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw errors.Create(CloudErrorKind.Failed, RangeReads.NoSuchObject(key, $"HTTP 404: {e.Error?.Message ?? e.Message}"));
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
    }
}
