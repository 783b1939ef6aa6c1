using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Bench;

/// <summary>The listing store answers S3 ListObjectsV2 and ListObjects (V1, rclone's) as s3rver does, page by page,
/// through AWSSDK.S3 with the same request parameters. Where s3rver departs from S3 (with a delimiter it does not
/// count common prefixes against max-keys, nor in KeyCount), the store is held to S3's documented rule instead and
/// must list the same objects and prefixes over its pages.</summary>
public sealed class S3StoreComparisonTests(S3StoreComparisonFixture fixture) : IClassFixture<S3StoreComparisonFixture>
{
    [Theory]
    [InlineData("special/", 4, true, null)]
    [InlineData("special/", 4, false, null)]
    [InlineData("tree/", 25, true, null)]
    [InlineData("tree/", 25, true, "tree/f05/img 003.jpg")]
    [InlineData("tree/", 7, false, "tree/f07/")]
    [InlineData("tree/f03/", 5, true, "tree/f03/cam1/frame-2.png")]
    [InlineData("", 1000, true, null)]
    [InlineData("", 1000, false, null)]
    public async Task AV2ListingPagesAsS3rverDoes(string prefix, int maxKeys, bool urlEncoded, string? startAfter)
    {
        var request = new ListObjectsV2Request { Prefix = prefix, MaxKeys = maxKeys, StartAfter = startAfter, Encoding = urlEncoded ? EncodingType.Url : null };

        var store = await ListV2Async(StoreClient(), request);

        Assert.Equal(ListedPage.Describe(await ListV2Async(Seeder.CreateS3Client(), request)), ListedPage.Describe(store));
        Assert.True(store.Count >= (maxKeys < 100 ? 2 : 1));
    }

    [Theory]
    [InlineData("special/")]
    [InlineData("tree/")]
    [InlineData("tree/f03/")]
    [InlineData("")]
    [InlineData(StoreComparisonFixture.OrderPrefix)]
    public async Task AOneLevelListingHoldsTheObjectsAndCommonPrefixesS3rverLists(string prefix)
    {
        var request = new ListObjectsV2Request { Prefix = prefix, Delimiter = "/", MaxKeys = 1000, Encoding = EncodingType.Url };

        var store = await ListV2Async(StoreClient(), request);

        Assert.Equal(ListedPage.Describe(await ListV2Async(Seeder.CreateS3Client(), request)), ListedPage.Describe(store));
        Assert.NotEmpty(ListedPage.AllPrefixes(store));
    }

    [Theory]
    [InlineData("tree/", 3)]
    [InlineData("", 1)]
    [InlineData("tree/f03/", 2)]
    [InlineData("special/", 2)]
    public async Task OneLevelOverSmallPagesCountsEachCommonPrefixAsOneKeyAndListsItOnce(string prefix, int maxKeys)
    {
        var whole = await ListV2Async(Seeder.CreateS3Client(), new ListObjectsV2Request { Prefix = prefix, Delimiter = "/", MaxKeys = 1000 });
        var v2 = await ListV2Async(StoreClient(), new ListObjectsV2Request { Prefix = prefix, Delimiter = "/", MaxKeys = maxKeys, Encoding = EncodingType.Url });
        // V1 continues from NextMarker, which names a common prefix when a page ends on one: S3 resumes after it.
        var v1 = await ListV1Async(StoreClient(), new ListObjectsRequest { Prefix = prefix, Delimiter = "/", MaxKeys = maxKeys });

        foreach (var pages in new[] { v2, v1 })
        {
            Assert.Equal(ListedPage.AllObjects(whole), ListedPage.AllObjects(pages));
            Assert.Equal(ListedPage.AllPrefixes(whole), ListedPage.AllPrefixes(pages));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(maxKeys, p.Objects.Count + p.Prefixes.Count));
            Assert.All(pages, p => Assert.True(p.KeyCount is null || p.KeyCount == p.Objects.Count + p.Prefixes.Count, p.ToString()));
        }
    }

    [Theory]
    [InlineData("special/", 4)]
    [InlineData("tree/", 25)]
    [InlineData("tree/f07/", 3)]
    public async Task AV1ListingPagesAsS3rverDoes(string prefix, int maxKeys)
    {
        var request = new ListObjectsRequest { Prefix = prefix, MaxKeys = maxKeys };

        var store = await ListV1Async(StoreClient(), request);

        Assert.Equal(ListedPage.Describe(await ListV1Async(Seeder.CreateS3Client(), request)), ListedPage.Describe(store));
        Assert.True(store.Count >= 2);
    }

    [Fact]
    public async Task KeysComeBackExactlyAsSeededAndEncodedOnlyWhenAsked()
    {
        var encoded = await StoreClient().ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = "special/", Encoding = EncodingType.Url });
        var raw = await StoreClient().ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = "special/" });

        var seeded = fixture.Seeded.Where(o => o.Key.StartsWith("special/", StringComparison.Ordinal)).Select(o => o.Key).Order(StringComparer.Ordinal);
        Assert.Equal(seeded, raw.S3Objects.Select(o => o.Key));
        Assert.Equal(seeded, encoded.S3Objects.Select(o => WebUtility.UrlDecode(o.Key)));
        Assert.Equal(EncodingType.Url, encoded.Encoding);
        Assert.Null(raw.Encoding);
        // Encoded keys carry no character a URL or XML 1.0 would treat specially.
        Assert.All(encoded.S3Objects, o => Assert.Matches("^[A-Za-z0-9%+*._/-]+$", o.Key));
    }

    [Fact]
    public async Task AContinuationTokenTheStoreNeverGaveIsRefusedAsS3RefusesIt()
    {
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => StoreClient().ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = fixture.Bucket, ContinuationToken = "not-a-token" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public async Task AMissingBucketIsNoSuchBucket()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => StoreClient().ListObjectsV2Async(new ListObjectsV2Request { BucketName = "no-such-bucket" }));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private AmazonS3Client StoreClient() => new(new BasicAWSCredentials(EmulatorEndpoints.S3AccessKey, EmulatorEndpoints.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = fixture.Store.Url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>Every page of a ListObjectsV2 listing, following NextContinuationToken; keys decoded when the answer
    /// says they were URL-encoded (as '+' for a space and %XX for UTF-8 bytes).</summary>
    private async Task<List<ListedPage>> ListV2Async(AmazonS3Client s3, ListObjectsV2Request request)
    {
        using (s3)
        {
            request.BucketName = fixture.Bucket;
            return await ListedPage.ListAllAsync(async token =>
            {
                request.ContinuationToken = token;
                var response = await s3.ListObjectsV2Async(request);
                string Decode(string text) => response.Encoding == EncodingType.Url ? WebUtility.UrlDecode(text) : text;
                bool more = response.IsTruncated == true;
                var page = new ListedPage(
                    (response.S3Objects ?? new()).Select(o => new ListedObject(Decode(o.Key), o.Size ?? -1, o.ETag)).ToList(),
                    (response.CommonPrefixes ?? new()).Select(Decode).ToList(),
                    more,
                    // s3rver leaves common prefixes out of KeyCount; S3 counts them (checked on the store's pages).
                    request.Delimiter is null ? response.KeyCount : null);
                return (page, more ? response.NextContinuationToken : null);
            });
        }
    }

    /// <summary>Every page of a ListObjects (V1) listing, continuing from NextMarker or else the last key, as rclone does.</summary>
    private async Task<List<ListedPage>> ListV1Async(AmazonS3Client s3, ListObjectsRequest request)
    {
        using (s3)
        {
            request.BucketName = fixture.Bucket;
            return await ListedPage.ListAllAsync(async marker =>
            {
                request.Marker = marker;
                var response = await s3.ListObjectsAsync(request);
                var objects = (response.S3Objects ?? new()).Select(o => new ListedObject(o.Key, o.Size ?? -1, o.ETag)).ToList();
                bool more = response.IsTruncated == true;
                var page = new ListedPage(objects, (response.CommonPrefixes ?? new()).ToList(), more);
                return (page, more ? (string.IsNullOrEmpty(response.NextMarker) ? objects[^1].Key : response.NextMarker) : null);
            });
        }
    }
}
