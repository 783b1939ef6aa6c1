using Google;
using Google.Apis.Storage.v1.Data;
using Google.Cloud.Storage.V1;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Bench;

/// <summary>The listing store answers GCS objects.list as the GCS emulator does, page by page, through the official
/// client's objects.list request with the same parameters. Where the emulator departs from the documented API (it
/// ignores startOffset, endOffset and includeTrailingDelimiter; with a delimiter it repeats every prefix on every page
/// and counts only items against maxResults), the store is held to the documentation instead and must list what the
/// emulator lists.</summary>
public sealed class GcsStoreComparisonTests(GcsStoreComparisonFixture fixture) : IClassFixture<GcsStoreComparisonFixture>
{
    [Theory]
    [InlineData("", 10)]
    [InlineData("special/", 4)]
    [InlineData("tree/", 25)]
    [InlineData(StoreComparisonFixture.OrderPrefix, 2)]
    [InlineData("", 1000)]
    public async Task AFlatListingPagesAsTheEmulatorDoes(string prefix, int maxResults)
    {
        var store = await ListAsync(StoreClient(), prefix, null, maxResults);

        Assert.Equal(ListedPage.Describe(await ListAsync(EmulatorClient(), prefix, null, maxResults)), ListedPage.Describe(store));
        Assert.True(store.Count >= (maxResults < 100 ? 2 : 1));
    }

    [Theory]
    [InlineData("special/")]
    [InlineData("tree/")]
    [InlineData("tree/f03/")]
    [InlineData("")]
    public async Task AOneLevelListingHoldsTheItemsAndPrefixesTheEmulatorLists(string prefix)
    {
        var store = await ListAsync(StoreClient(), prefix, "/", 1000);

        Assert.Equal(ListedPage.Describe(await ListAsync(EmulatorClient(), prefix, "/", 1000)), ListedPage.Describe(store));
        Assert.NotEmpty(ListedPage.AllPrefixes(store));
    }

    [Theory]
    [InlineData("tree/", 3)]
    [InlineData("", 1)]
    [InlineData("special/", 2)]
    public async Task OneLevelOverSmallPagesCountsPrefixesAgainstMaxResultsAndListsEachOnce(string prefix, int maxResults)
    {
        var whole = await ListAsync(EmulatorClient(), prefix, "/", 1000);

        var store = await ListAsync(StoreClient(), prefix, "/", maxResults);

        Assert.Equal(ListedPage.AllObjects(whole), ListedPage.AllObjects(store));
        Assert.Equal(ListedPage.AllPrefixes(whole), ListedPage.AllPrefixes(store));
        Assert.All(store.SkipLast(1), p => Assert.Equal(maxResults, p.Objects.Count + p.Prefixes.Count));
    }

    [Theory]
    [InlineData("tree/", "tree/f05/", "tree/f08/", 25)]
    [InlineData("tree/", "tree/f05/img 003.jpg", null, 50)]
    [InlineData("", null, "special/m", 5)]
    [InlineData("", StoreComparisonFixture.OrderPrefix + "a\uE000", StoreComparisonFixture.OrderPrefix + "b", 1)]
    public async Task StartAndEndOffsetsKeepTheNamesFromTheStartUpToButNotIncludingTheEnd(string prefix, string? startOffset, string? endOffset, int maxResults)
    {
        // The emulator ignores both offsets: the documented range, applied to its whole listing, is what to expect.
        var expected = ListedPage.AllObjects(await ListAsync(EmulatorClient(), prefix, null, 1000))
            .Where(o => (startOffset is null || string.CompareOrdinal(o.Key, startOffset) >= 0) && (endOffset is null || string.CompareOrdinal(o.Key, endOffset) < 0))
            .ToList();

        var store = await ListAsync(StoreClient(), prefix, null, maxResults, request => { request.StartOffset = startOffset; request.EndOffset = endOffset; });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ListedPage.AllObjects(store));
        Assert.All(store.SkipLast(1), p => Assert.Equal(maxResults, p.Objects.Count));
    }

    [Fact]
    public async Task IncludeTrailingDelimiterListsAFolderPlaceholderAsAnItemBesideItsPrefix()
    {
        var store = await ListAsync(StoreClient(), "special/", "/", 1000, request => request.IncludeTrailingDelimiter = true);
        var plain = await ListAsync(StoreClient(), "special/", "/", 1000);

        Assert.Contains("special/empty-folder/", ListedPage.AllPrefixes(store));
        Assert.Equal(ListedPage.AllPrefixes(plain), ListedPage.AllPrefixes(store));
        Assert.Equal(
            ListedPage.AllObjects(plain).Select(o => o.Key).Append("special/empty-folder/").Order(StringComparer.Ordinal),
            ListedPage.AllObjects(store).Select(o => o.Key));
    }

    [Fact]
    public async Task APartialResponseHoldsWhatTheListerReadsAsTheEmulatorListsIt()
    {
        static async Task<List<Google.Apis.Storage.v1.Data.Object>> ItemsAsync(StorageClient client, string bucket, int maxResults)
        {
            using (client)
            {
                var items = new List<Google.Apis.Storage.v1.Data.Object>();
                string? token = null;
                do
                {
                    var request = client.Service.Objects.List(bucket);
                    request.Prefix = "tree/";
                    request.MaxResults = maxResults;
                    request.PageToken = token;
                    request.Fields = EncordSpec.Storage.GcsObjectLister.ListedFields;
                    var response = await request.ExecuteAsync();
                    items.AddRange(response.Items ?? new List<Google.Apis.Storage.v1.Data.Object>());
                    token = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
                }
                while (token is not null);
                return items;
            }
        }
        static string Listed(Google.Apis.Storage.v1.Data.Object o) =>
            $"{o.Name} {o.Size} {o.ContentType} {o.StorageClass} updated {o.UpdatedDateTimeOffset is not null} etag {!string.IsNullOrEmpty(o.ETag)}";

        var store = await ItemsAsync(StoreClient(), fixture.Bucket, 7);
        var emulator = await ItemsAsync(EmulatorClient(), fixture.Bucket, 7);

        Assert.Equal(emulator.Select(Listed), store.Select(Listed));
        Assert.All(store, o => Assert.Contains("updated True etag True", Listed(o)));
        // Only the selection comes back: no links, hashes or other timestamps to read.
        Assert.All(store, o => Assert.True(o.Md5Hash is null && o.SelfLink is null && o.TimeCreatedDateTimeOffset is null, o.Name));
    }

    [Fact]
    public async Task AMissingBucketIsNotFound()
    {
        var error = await Assert.ThrowsAsync<GoogleApiException>(() => ListAsync(StoreClient(), "", null, 10, bucket: "no-such-bucket"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.HttpStatusCode);
    }

    private StorageClient StoreClient() =>
        new StorageClientBuilder { BaseUri = fixture.Store.Url + "/storage/v1/", UnauthenticatedAccess = true }.Build();

    private static StorageClient EmulatorClient() => new StorageClientBuilder
    {
        BaseUri = EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT").TrimEnd('/') + "/",
        UnauthenticatedAccess = true,
    }.Build();

    /// <summary>Every page of an objects.list listing, following nextPageToken. The generated request is used as is:
    /// the client library's paged enumerable replaces maxResults with its own page size.</summary>
    private async Task<List<ListedPage>> ListAsync(StorageClient client, string prefix, string? delimiter, int maxResults,
        Action<Google.Apis.Storage.v1.ObjectsResource.ListRequest>? customize = null, string? bucket = null)
    {
        using (client)
        {
            return await ListedPage.ListAllAsync(async token =>
            {
                var request = client.Service.Objects.List(bucket ?? fixture.Bucket);
                request.Prefix = prefix;
                request.Delimiter = delimiter;
                request.MaxResults = maxResults;
                request.PageToken = token;
                customize?.Invoke(request);
                Objects response = await request.ExecuteAsync();
                string? next = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
                var page = new ListedPage(
                    (response.Items ?? new List<Google.Apis.Storage.v1.Data.Object>())
                        .Select(o => new ListedObject(o.Name, (long)(o.Size ?? 0), $"{o.Md5Hash} {o.Crc32c} {o.ContentType}")).ToList(),
                    (response.Prefixes ?? new List<string>()).ToList(),
                    next is not null);
                return (page, next);
            });
        }
    }
}
