using System.Text;
using EncordSpec.Storage.Inventory;

namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>An S3 Inventory report read from the bucket it was delivered to (s3:// URLs), through the S3 SDK with the
/// listing's credentials and endpoint: s3rver stands in for the destination bucket.</summary>
public sealed class S3DeliveredInventoryTests : IClassFixture<InventoryFixture>, IDisposable
{
    private readonly InventoryFixture fixture;
    private readonly string root = Path.Combine(Path.GetTempPath(), "encordspec-inventory-s3-" + Guid.NewGuid().ToString("N"));

    public S3DeliveredInventoryTests(InventoryFixture fixture) => this.fixture = fixture;

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_manifest_or_its_prefix_in_the_destination_bucket_is_read_through_the_S3_SDK(bool parquet)
    {
        var (raw, live) = fixture.ListLive(CloudProvider.S3);
        var rows = raw.Select(o => new TestInventoryRow(o.Bucket, o.Key, o.Size, o.LastModified, o.ETag, null, o.StorageClass)).Reverse().ToList();
        string manifest = InventoryReportBuilder.S3(root, fixture.Buckets[CloudProvider.S3], rows, parquet, files: 2);

        // Deliver it as S3 does: every file under the destination bucket, at the key the manifest names.
        string destination = "inv-dest-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        using var s3 = TestSeeder.Seeder.CreateS3Client();
        await s3.PutBucketAsync(destination);
        foreach (string file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
            {
                BucketName = destination, Key = Path.GetRelativePath(root, file).Replace('\\', '/'), FilePath = file, UseChunkEncoding = false,
            });
        }
        // The manifest names the destination bucket by ARN; the test's bucket is the one it was delivered to.
        string manifestKey = Path.GetRelativePath(root, manifest).Replace('\\', '/');
        var store = fixture.ListerOptions(CloudProvider.S3);

        foreach (string location in new[] { $"s3://{destination}/{manifestKey}", $"s3://{destination}/inventory/" })
        {
            var request = new InventoryReportRequest(CloudProvider.S3, location, new CloudListerOptions(CloudProvider.S3, destination)
            {
                EndpointUrl = store.EndpointUrl, Region = store.Region, AccessKey = store.AccessKey, SecretKey = store.SecretKey,
            }) { TemporaryDirectory = root };
            using var reader = new StoredDestinationReader(request, destination);
            var urls = InventoryFixture.UrlsFor(CloudProvider.S3, fixture.Buckets[CloudProvider.S3], null);
            var listing = new CloudListingReader(urls, new CloudObjectFilter(null, null, null), null);
            var read = reader.Inner.ReadPages(CancellationToken.None).SelectMany(listing.Read).Cast<CloudObject>().Select(o => o.ObjectUrl + "|" + o.Size).ToList();
            Assert.Equal(live.Cast<CloudObject>().Select(o => o.ObjectUrl + "|" + o.Size), read);
            Assert.Equal($"s3://{destination}/{manifestKey}", reader.Inner.Report.Manifest);
        }
    }

    /// <summary>The builder's manifest names 'arn:aws:s3:::inventory-destination'; S3 would name the real bucket.
    /// This rewrites that one field (and the checksum) in the uploaded copy, as S3 would have written it.</summary>
    private sealed class StoredDestinationReader : IDisposable
    {
        public StoredDestinationReader(InventoryReportRequest request, string destination)
        {
            using var s3 = TestSeeder.Seeder.CreateS3Client();
            var manifests = s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = destination }).GetAwaiter().GetResult()
                .S3Objects.Where(o => o.Key.EndsWith("manifest.json")).ToList();
            foreach (var m in manifests)
            {
                using var body = s3.GetObjectAsync(destination, m.Key).GetAwaiter().GetResult();
                string json = new StreamReader(body.ResponseStream).ReadToEnd().Replace("arn:aws:s3:::inventory-destination", "arn:aws:s3:::" + destination);
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                Put(s3, destination, m.Key, bytes);
                Put(s3, destination, m.Key.Replace("manifest.json", "manifest.checksum"), Encoding.ASCII.GetBytes(InventoryReportBuilder.Md5Hex(bytes)));
            }
            Inner = new InventoryReportReader(request);
        }

        public InventoryReportReader Inner { get; }

        private static void Put(Amazon.S3.AmazonS3Client s3, string bucket, string key, byte[] bytes) =>
            s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false })
                .GetAwaiter().GetResult();

        public void Dispose() => Inner.Dispose();
    }
}
