using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Google.Cloud.Storage.V1;

namespace EncordSpec.TestSeeder;

/// <summary>Creates a bucket in an emulator and uploads objects into it, 16 at a time, with the official SDKs and
/// the settings emulators need (see shared/notes/emulators.md).</summary>
public static class Seeder
{
    private const int Concurrency = 16;

    /// <param name="provider">S3 (also for OTC tests, which list s3rver through the S3 API), Azure or GCS.</param>
    /// <returns>The objects stored (Azure stores no folder placeholders, see <see cref="StoredIn"/>).</returns>
    public static async Task<IReadOnlyList<SeedObject>> SeedAsync(string provider, string bucket, IReadOnlyList<SeedObject> objects)
    {
        var stored = StoredIn(provider, objects);
        switch (provider.ToUpperInvariant())
        {
            case "S3" or "OTC":
                await SeedS3Async(bucket, stored);
                break;
            case "AZURE":
                await SeedAzureAsync(bucket, stored);
                break;
            case "GCS":
                await SeedGcsAsync(bucket, stored);
                break;
            default:
                throw new ArgumentException($"Unknown provider '{provider}'.");
        }
        return stored;
    }

    /// <summary>Azurite strips a trailing '/', storing a folder placeholder as an ordinary empty file, so none is
    /// seeded there.</summary>
    public static IReadOnlyList<SeedObject> StoredIn(string provider, IReadOnlyList<SeedObject> objects) =>
        provider.Equals("Azure", StringComparison.OrdinalIgnoreCase) ? objects.Where(o => !o.Key.EndsWith('/')).ToArray() : objects;

    public static AmazonS3Client CreateS3Client() => new(new BasicAWSCredentials(EmulatorEndpoints.S3AccessKey, EmulatorEndpoints.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT"),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private static async Task SeedS3Async(string bucket, IReadOnlyList<SeedObject> objects)
    {
        using var s3 = CreateS3Client();
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, cancellationToken) =>
        {
            using var body = new MemoryStream(item.Body());
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = item.Key,
                InputStream = body,
                ContentType = item.ContentType,
                UseChunkEncoding = false, // s3rver would store the aws-chunked framing as the body
            }, cancellationToken);
        });
    }

    private static async Task SeedAzureAsync(string container, IReadOnlyList<SeedObject> objects)
    {
        var client = new BlobServiceClient(EmulatorEndpoints.AzureConnectionString).GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, cancellationToken) =>
        {
            await client.GetBlobClient(item.Key).UploadAsync(new BinaryData(item.Body()),
                new BlobUploadOptions { HttpHeaders = item.ContentType is null ? null : new BlobHttpHeaders { ContentType = item.ContentType } },
                cancellationToken);
        });
    }

    private static async Task SeedGcsAsync(string bucket, IReadOnlyList<SeedObject> objects)
    {
        // The emulator cannot create buckets (CreateBucket fails); the first upload brings the bucket into being.
        using var gcs = new StorageClientBuilder
        {
            BaseUri = EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT").TrimEnd('/') + "/",
            UnauthenticatedAccess = true,
        }.Build();
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, cancellationToken) =>
        {
            using var body = new MemoryStream(item.Body());
            await gcs.UploadObjectAsync(bucket, item.Key, item.ContentType ?? "application/octet-stream", body, cancellationToken: cancellationToken);
        });
    }
}
