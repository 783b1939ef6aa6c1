using EncordSpec.Storage;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>The awkward keys seeded once into each emulator, and what a live listing of them returns: the objects an
/// inventory report of the same bucket must reproduce.</summary>
public sealed class InventoryFixture : IAsyncLifetime
{
    public const string S3Region = "eu-west-2";

    public Dictionary<CloudProvider, string> Buckets { get; } = new();

    public async Task InitializeAsync()
    {
        string id = Guid.NewGuid().ToString("N").Substring(0, 8);
        foreach (var provider in new[] { CloudProvider.S3, CloudProvider.Azure, CloudProvider.GCS })
        {
            Buckets[provider] = $"inv-{provider.ToString().ToLowerInvariant()}-{id}";
            await Seeder.SeedAsync(provider.ToString(), Buckets[provider], SeedSets.Special());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal CloudListerOptions ListerOptions(CloudProvider provider) => provider switch
    {
        CloudProvider.S3 => new(provider, Buckets[provider])
        {
            EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT"), Region = S3Region,
            AccessKey = EmulatorEndpoints.S3AccessKey, SecretKey = EmulatorEndpoints.S3SecretKey,
        },
        CloudProvider.Azure => new(provider, Buckets[provider])
        {
            EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT"),
            StorageAccountName = EmulatorEndpoints.AzureAccount, StorageAccountKey = EmulatorEndpoints.AzureAccountKey,
        },
        _ => new(provider, Buckets[provider]) { EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT") },
    };

    /// <summary>The store's raw listing (what an inventory run would record) and what Get-CloudObject emits for it.</summary>
    internal (List<CloudObject> Raw, List<object> Emitted) ListLive(CloudProvider provider)
    {
        var options = ListerOptions(provider);
        using ICloudObjectLister lister = provider switch
        {
            CloudProvider.S3 => new S3ObjectLister(options),
            CloudProvider.Azure => new AzureBlobLister(options),
            _ => new GcsObjectLister(options),
        };
        var pages = SequentialListing.Pages(lister, new CloudListingRequest("", null, 1000), CancellationToken.None).ToList();
        var raw = pages.SelectMany(p => p.Objects).Select(Copy).ToList();
        var location = lister.LocateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var reader = new CloudListingReader(UrlsFor(provider, Buckets[provider], location.AccountName), new CloudObjectFilter(null, null, null), null);
        return (raw, pages.SelectMany(reader.Read).ToList());
    }

    internal static EncordSpec.Urls.ObjectUrlBuilder UrlsFor(CloudProvider provider, string bucket, string? accountName) =>
        new(provider, bucket, provider == CloudProvider.S3 ? S3Region : null, null, null, accountName);

    private static CloudObject Copy(CloudObject o) => new(o.Provider, o.Bucket, o.Key)
    {
        Size = o.Size, LastModified = o.LastModified, ETag = o.ETag, ContentType = o.ContentType, StorageClass = o.StorageClass,
    };
}
