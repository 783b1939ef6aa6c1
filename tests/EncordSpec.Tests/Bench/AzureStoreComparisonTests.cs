using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Bench;

/// <summary>The listing store answers Azure List Blobs as Azurite does, page by page, through Azure.Storage.Blobs with
/// the same options: flat and by hierarchy, a prefix, page sizes, the marker, and startFrom (service version
/// 2026-02-06: the only start key List Blobs takes; an end key, endBefore, exists only for Apache Arrow answers).</summary>
public sealed class AzureStoreComparisonTests(AzureStoreComparisonFixture fixture) : IClassFixture<AzureStoreComparisonFixture>
{
    [Theory]
    [InlineData("", 10, null)]
    [InlineData("special/", 4, null)]
    [InlineData("tree/", 25, "tree/f05/img 003.jpg")]
    [InlineData("tree/", 25, "tree/f05/")]
    [InlineData(StoreComparisonFixture.OrderPrefix, 2, null)]
    [InlineData("", 5000, null)]
    public async Task AFlatListingPagesAsAzuriteDoes(string prefix, int pageSize, string? startFrom)
    {
        var options = new GetBlobsOptions { Prefix = prefix, StartFrom = startFrom };

        var store = await ListFlatAsync(StoreContainer(), options, pageSize);

        Assert.Equal(ListedPage.Describe(await ListFlatAsync(EmulatorContainer(), options, pageSize)), ListedPage.Describe(store));
        Assert.True(store.Count >= (pageSize < 100 ? 2 : 1));
    }

    [Theory]
    [InlineData("special/", 5000, null)]
    [InlineData("tree/", 5000, null)]
    [InlineData("", 5000, null)]
    [InlineData("tree/", 3, null)]
    [InlineData("", 1, null)]
    [InlineData("tree/f03/", 2, null)]
    [InlineData("tree/", 4, "tree/f05/")]
    [InlineData("tree/", 4, "tree/f05/img 003.jpg")]
    public async Task AListingByHierarchyPagesAsAzuriteDoes(string prefix, int pageSize, string? startFrom)
    {
        var options = new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = "/", StartFrom = startFrom };

        var store = await ListByHierarchyAsync(StoreContainer(), options, pageSize);

        Assert.Equal(ListedPage.Describe(await ListByHierarchyAsync(EmulatorContainer(), options, pageSize)), ListedPage.Describe(store));
        Assert.NotEmpty(ListedPage.AllPrefixes(store));
        // A blob prefix counts as one of maxresults.
        Assert.All(store.SkipLast(1), p => Assert.Equal(Math.Min(pageSize, 5000), p.Objects.Count + p.Prefixes.Count));
    }

    [Fact]
    public async Task AMissingContainerIsContainerNotFound()
    {
        var container = new BlobContainerClient(new Uri($"{fixture.Store.Url}/{EmulatorEndpoints.AzureAccount}/no-such-container"),
            new StorageSharedKeyCredential(EmulatorEndpoints.AzureAccount, EmulatorEndpoints.AzureAccountKey));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => ListFlatAsync(container, new GetBlobsOptions(), 10));

        Assert.Equal(404, error.Status);
        Assert.Equal("ContainerNotFound", error.ErrorCode);
    }

    private BlobContainerClient StoreContainer() =>
        new(new Uri($"{fixture.Store.Url}/{EmulatorEndpoints.AzureAccount}/{fixture.Bucket}"),
            new StorageSharedKeyCredential(EmulatorEndpoints.AzureAccount, EmulatorEndpoints.AzureAccountKey));

    private BlobContainerClient EmulatorContainer() =>
        new BlobServiceClient(EmulatorEndpoints.AzureConnectionString).GetBlobContainerClient(fixture.Bucket);

    private static async Task<List<ListedPage>> ListFlatAsync(BlobContainerClient container, GetBlobsOptions options, int pageSize)
    {
        var pages = new List<ListedPage>();
        await foreach (var page in container.GetBlobsAsync(options).AsPages(null, pageSize))
            pages.Add(new ListedPage(page.Values.Select(Listed).ToList(), Array.Empty<string>(), !string.IsNullOrEmpty(page.ContinuationToken)));
        return pages;
    }

    private static async Task<List<ListedPage>> ListByHierarchyAsync(BlobContainerClient container, GetBlobsByHierarchyOptions options, int pageSize)
    {
        var pages = new List<ListedPage>();
        await foreach (var page in container.GetBlobsByHierarchyAsync(options).AsPages(null, pageSize))
        {
            pages.Add(new ListedPage(page.Values.Where(i => i.IsBlob).Select(i => Listed(i.Blob)).ToList(),
                page.Values.Where(i => i.IsPrefix).Select(i => i.Prefix).ToList(), !string.IsNullOrEmpty(page.ContinuationToken)));
        }
        return pages;
    }

    private static ListedObject Listed(BlobItem blob) => new(blob.Name, blob.Properties.ContentLength ?? -1,
        $"{Convert.ToBase64String(blob.Properties.ContentHash ?? Array.Empty<byte>())} {blob.Properties.ContentType} {blob.Properties.BlobType}");
}
