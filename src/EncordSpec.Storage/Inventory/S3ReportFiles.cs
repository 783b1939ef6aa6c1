using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using EncordSpec.Listing;
using EncordSpec.Reading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Report files in an S3 bucket (or OBS, MinIO, an emulator), read with the same client, credentials,
/// region and endpoint a listing of that bucket uses (<see cref="S3ObjectLister"/>).</summary>
internal sealed class S3ReportFiles : IReportFiles
{
    private readonly S3ObjectLister lister;

    /// <param name="store">The listing options; their bucket is the bucket the manifest is in.</param>
    public S3ReportFiles(CloudListerOptions store, CancellationToken cancellationToken)
    {
        lister = new S3ObjectLister(store);
        // Without a region, ask the bucket where it lives (as a listing does), so requests are signed for it.
        SequentialListing.Wait(lister.LocateAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The bucket and key of an s3:// URL.</summary>
    public static (string Bucket, string Key) Parse(string url)
    {
        if (!url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{url}' is not an s3:// URL.");
        string rest = url.Substring("s3://".Length);
        int slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest.Substring(0, slash), rest.Substring(slash + 1));
    }

    public Stream OpenRead(string location, CancellationToken cancellationToken)
    {
        var (bucket, key) = Parse(location);
        try
        {
            var response = SequentialListing.Wait(lister.Client.GetObjectAsync(bucket, key, cancellationToken), cancellationToken);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey" || e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            throw new FileNotFoundException($"'{location}' does not exist.", location);
        }
        catch (Exception e) when (e is not OperationCanceledException and not FileNotFoundException)
        {
            throw lister.Translate(e, cancellationToken);
        }
    }

    public bool Exists(string location)
    {
        var (bucket, key) = Parse(location);
        try
        {
            SequentialListing.Wait(lister.Client.GetObjectMetadataAsync(bucket, key), CancellationToken.None);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e)
        {
            throw lister.Translate(e, CancellationToken.None);
        }
    }

    /// <summary>A URL ending in '/', or one naming no object, is a prefix.</summary>
    public bool IsFolder(string location) => location.EndsWith("/", StringComparison.Ordinal) || Parse(location).Key.Length == 0 || !Exists(location);

    public IEnumerable<string> ListFiles(string folder, CancellationToken cancellationToken)
    {
        var (bucket, prefix) = Parse(folder);
        string? token = null;
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = SequentialListing.Wait(lister.Client.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw lister.Translate(e, cancellationToken);
            }
            if (page.S3Objects is not null)
                foreach (var item in page.S3Objects)
                    yield return $"s3://{bucket}/{item.Key}";
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    public string FolderOf(string location) => location.Substring(0, location.LastIndexOf('/') + 1);

    public string Combine(string folder, string relativePath) => folder + relativePath.TrimStart('/');

    public string LocalCopy(string location, string temporaryDirectory, CancellationToken cancellationToken, out bool isTemporary)
    {
        string path = Path.Combine(temporaryDirectory, Guid.NewGuid().ToString("N") + ".part");
        using (var source = OpenRead(location, cancellationToken))
        using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            source.CopyTo(target, 1 << 16);
        isTemporary = true;
        return path;
    }

    public void Dispose() => lister.Dispose();

    /// <summary>The object's body; disposing it ends the response.</summary>
    private sealed class ResponseStream : ForwardOnlyStream
    {
        private readonly GetObjectResponse response;

        public ResponseStream(GetObjectResponse response) => this.response = response;

        public override int Read(byte[] buffer, int offset, int count) => response.ResponseStream.Read(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                response.Dispose();
            base.Dispose(disposing);
        }
    }
}
