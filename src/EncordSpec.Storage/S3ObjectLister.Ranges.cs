using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Ranged reads of the bucket's objects (GetObject with a byte range), for media headers.</summary>
internal sealed partial class S3ObjectLister : ICloudObjectReader
{
    public async Task<byte[]> ReadRangeAsync(string key, long offset, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
            return Array.Empty<byte>();
        try
        {
            var request = new GetObjectRequest { BucketName = options.Bucket, Key = key, ByteRange = new ByteRange(offset, offset + count - 1) };
            using var response = await client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return await RangeReads.ReadAsync(response.ResponseStream, count, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey" || e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            throw errors.Create(CloudErrorKind.Failed, RangeReads.NoSuchObject(key, $"{e.ErrorCode ?? "NotFound"} (HTTP 404)"));
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
    }
}
