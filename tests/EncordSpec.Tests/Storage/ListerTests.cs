using System.Diagnostics;
using EncordSpec.Storage;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Storage;

/// <summary>What every SDK lister must do against its emulator: list exactly what was seeded, page by page, one
/// level with a delimiter, and fail clearly and without secrets.</summary>
public abstract class ListerTests<TFixture> : IClassFixture<TFixture> where TFixture : ListerFixture
{
    protected ListerTests(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    /// <summary>Options that reach the emulator with working credentials.</summary>
    private protected abstract CloudListerOptions Options(string bucket, string? endpoint = null);

    private protected abstract ICloudObjectLister CreateLister(CloudListerOptions options);

    /// <summary>Where the emulator cannot say that a bucket is missing, a server that answers as the cloud does.</summary>
    protected virtual FaultServer? MissingBucketServer() => null;

    /// <summary>The failure a whole listing ends with.</summary>
    private protected CloudStorageException ListingFailure(CloudListerOptions options)
    {
        using var lister = CreateLister(options);
        return Assert.Throws<CloudStorageException>(() =>
            SequentialListing.Pages(lister, new CloudListingRequest("", null, 100), CancellationToken.None).ToList());
    }

    private protected List<CloudListingPage> ListAll(CloudListingRequest request, CloudListerOptions? options = null)
    {
        using var lister = CreateLister(options ?? Options(Fixture.Bucket));
        return SequentialListing.Pages(lister, request, CancellationToken.None).ToList();
    }

    [Fact]
    public void A_flat_listing_returns_every_seeded_object_with_its_exact_key_and_size()
    {
        var pages = ListAll(new CloudListingRequest("", null, 500));
        var listed = pages.SelectMany(p => p.Objects).ToList();

        var expected = Fixture.Listable.Select(o => (o.Key, (long)o.Size)).OrderBy(k => k.Key, StringComparer.Ordinal);
        // Folder placeholders are listed by the store; the module drops them later (CloudListingReader).
        Assert.Equal(expected, listed.Where(o => !o.IsFolderPlaceholder).Select(o => (o.Key, o.Size)).OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.True(pages.Count >= 3, $"{pages.Count} pages for {listed.Count} objects at 500 a page");
        Assert.All(listed, o =>
        {
            Assert.Equal(Fixture.Bucket, o.Bucket);
            Assert.Equal(DateTimeKind.Utc, o.LastModified.Kind);
            Assert.InRange(o.LastModified, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(5));
            Assert.False(string.IsNullOrEmpty(o.ETag));
            Assert.DoesNotContain("\"", o.ETag);
        });
    }

    [Fact]
    public void More_than_a_thousand_objects_under_one_prefix_come_back_over_several_pages_in_key_order()
    {
        var pages = ListAll(new CloudListingRequest("bulk/", null, 1000));
        var keys = pages.SelectMany(p => p.Objects).Select(o => o.Key).ToList();

        Assert.Equal(ListerFixture.BulkCount, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
        Assert.True(pages.Count >= 2);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.All(pages.Take(pages.Count - 1), p => Assert.NotNull(p.ContinuationToken));
    }

    [Fact]
    public void A_delimiter_lists_one_level_with_folders_as_prefixes()
    {
        var pages = ListAll(new CloudListingRequest("special/", "/", 1000));
        var objects = pages.SelectMany(p => p.Objects).Select(o => o.Key).ToHashSet();
        var prefixes = pages.SelectMany(p => p.Prefixes).ToHashSet();

        var special = Fixture.Seeded.Where(o => o.Key.StartsWith("special/", StringComparison.Ordinal)).ToList();
        var direct = special.Select(o => o.Key.Substring("special/".Length)).Where(rest => !rest.Contains('/'))
            .Select(rest => "special/" + rest);
        var folders = special.Select(o => o.Key.Substring("special/".Length)).Where(rest => rest.Contains('/'))
            .Select(rest => "special/" + rest.Substring(0, rest.IndexOf('/') + 1));
        Assert.True(direct.ToHashSet().SetEquals(objects), "objects: expected " + string.Join(" | ", direct.Order()) + " but got " + string.Join(" | ", objects.Order()));
        Assert.True(folders.ToHashSet().SetEquals(prefixes), "prefixes: expected " + string.Join(" | ", folders.Order()) + " but got " + string.Join(" | ", prefixes.Order()));
        Assert.Contains("special/sub dir/", prefixes);
        Assert.Contains("special/日本/", prefixes);
    }

    [Fact]
    public void A_missing_bucket_is_BucketNotFound()
    {
        using var server = MissingBucketServer();
        var error = ListingFailure(Options("no-such-bucket-" + Guid.NewGuid().ToString("N").Substring(0, 8), server?.Url));
        Assert.Equal(CloudErrorKind.BucketNotFound, error.Kind);
    }

    [Fact]
    public void An_endpoint_where_nothing_listens_is_EndpointUnreachable()
    {
        string endpoint = FaultServer.ClosedPortUrl();
        var error = ListingFailure(Options(Fixture.Bucket, endpoint));
        Assert.Equal(CloudErrorKind.EndpointUnreachable, error.Kind);
        Assert.Contains(endpoint, error.Message);
    }

    [Fact]
    public async Task Cancellation_reaches_the_SDK_call_of_a_server_that_never_answers()
    {
        using var server = FaultServer.Silent();
        using var lister = CreateLister(Options(Fixture.Bucket, server.Url));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lister.ListPageAsync(new CloudListingRequest("", null, 100), null, cancel.Token));
        // The SDKs' own time-outs are 100 s and more: only the token ends the call this soon.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Cancelling_between_pages_stops_the_listing()
    {
        using var lister = CreateLister(Options(Fixture.Bucket));
        using var cancel = new CancellationTokenSource();
        using var pages = SequentialListing.Pages(lister, new CloudListingRequest("bulk/", null, 100), cancel.Token).GetEnumerator();
        Assert.True(pages.MoveNext());
        Assert.Equal(100, pages.Current.Objects.Count);
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => pages.MoveNext());
    }
}

public sealed class S3ListerTests(S3ListerFixture fixture) : ListerTests<S3ListerFixture>(fixture)
{
    private const string WrongSecret = "wrong-secret-Zx81-not-S3RVER";

    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.S3, bucket)
    {
        EndpointUrl = endpoint ?? EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT"),
        Region = "eu-west-2",
        AccessKey = EmulatorEndpoints.S3AccessKey,
        SecretKey = EmulatorEndpoints.S3SecretKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new S3ObjectLister(options);

    /// <summary>s3rver checks the access key ID but not SigV4 signatures, so the wrong credentials here are a wrong
    /// key ID (a wrong secret alone would pass); the secret must still appear nowhere.</summary>
    [Fact]
    public void Wrong_credentials_are_AccessDenied_and_the_message_holds_no_secret()
    {
        var options = Options(Fixture.Bucket);
        options.AccessKey = "AKIAWRONGKEYID000000";
        options.SecretKey = WrongSecret;
        var error = ListingFailure(options);
        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        Assert.Contains("InvalidAccessKeyId", error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }


    /// <summary>A page that says it is truncated and gives no continuation token ended the listing silently short.</summary>
    [Fact]
    public void A_truncated_page_without_a_continuation_token_ends_the_listing_with_an_error_that_says_so()
    {
        using var server = FaultServer.Answering(200, "OK", "application/xml", FaultServer.TruncatedS3Page(""));
        var error = ListingFailure(Options("b", server.Url));
        Assert.Equal(CloudErrorKind.Failed, error.Kind);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("no continuation token", error.Message);
    }

    /// <summary>A store that repeats a continuation token made the listing loop forever, emitting duplicates.</summary>
    [Fact]
    public void A_repeated_continuation_token_ends_the_listing_with_an_error_instead_of_looping()
    {
        using var server = FaultServer.Answering(200, "OK", "application/xml",
            FaultServer.TruncatedS3Page("<NextContinuationToken>the-same-token</NextContinuationToken>"));
        using var lister = CreateLister(Options("b", server.Url));
        var pages = new List<CloudListingPage>();
        var error = Assert.Throws<CloudStorageException>(() =>
        {
            foreach (var page in SequentialListing.Pages(lister, new CloudListingRequest("", null, 2), CancellationToken.None))
                pages.Add(page);
        });
        Assert.Single(pages); // the first page, once; the repeat is not emitted
        Assert.Contains("continuation token it had already given", error.Message);
        Assert.Contains("2 objects were listed", error.Message);
    }

    /// <summary>s3rver ignores encoding-type=url; S3 honours it and says so in the response. A key with '+', a space
    /// and '%' must come back as stored: decoded once, not twice.</summary>
    [Fact]
    public void Keys_the_store_url_encoded_are_decoded_exactly_once()
    {
        const string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
            "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name><Prefix>dir%2F</Prefix>" +
            "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>" +
            "<Contents><Key>dir%2Fa%2Bb+c%2520%C3%A9%01.jpg</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified>" +
            "<ETag>&quot;0123456789abcdef&quot;</ETag><Size>42</Size><StorageClass>STANDARD</StorageClass></Contents>" +
            "<CommonPrefixes><Prefix>dir%2Fsub+dir%2F</Prefix></CommonPrefixes></ListBucketResult>";
        using var server = FaultServer.Answering(200, "OK", "application/xml", body);
        using var lister = CreateLister(Options("b", server.Url));
        var page = SequentialListing.Pages(lister, new CloudListingRequest("dir/", "/", 1000), CancellationToken.None).Single();

        var listed = Assert.Single(page.Objects);
        Assert.Equal("dir/a+b c%20é\u0001.jpg", listed.Key);
        Assert.Equal(42, listed.Size);
        Assert.Equal("0123456789abcdef", listed.ETag);
        Assert.Equal("STANDARD", listed.StorageClass);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), listed.LastModified);
        Assert.Equal("dir/sub dir/", Assert.Single(page.Prefixes));
    }

    [Fact]
    public void An_unknown_profile_is_CredentialsMissing()
    {
        var options = new CloudListerOptions(CloudProvider.S3, Fixture.Bucket) { ProfileName = "no-such-profile-" + Guid.NewGuid().ToString("N"), Region = "eu-west-2" };
        var error = Assert.Throws<CloudStorageException>(() => CreateLister(options));
        Assert.Equal(CloudErrorKind.CredentialsMissing, error.Kind);
        Assert.Contains(options.ProfileName!, error.Message);
    }

    [Fact]
    public void OTC_lists_the_same_bucket_through_the_S3_API_and_needs_a_region()
    {
        var options = Options(Fixture.Bucket);
        var otc = new CloudListerOptions(CloudProvider.OTC, Fixture.Bucket)
        {
            EndpointUrl = options.EndpointUrl, Region = "eu-de", AccessKey = options.AccessKey, SecretKey = options.SecretKey,
        };
        var objects = ListAll(new CloudListingRequest("bulk/", null, 1000), otc).SelectMany(p => p.Objects).ToList();
        Assert.Equal(ListerFixture.BulkCount, objects.Count);
        Assert.All(objects, o => Assert.Equal(CloudProvider.OTC, o.Provider));

        otc.Region = null;
        Assert.Contains("-Region", Assert.Throws<CloudStorageException>(() => CreateLister(otc)).Message);
    }
}

public sealed class AzureListerTests(AzureListerFixture fixture) : ListerTests<AzureListerFixture>(fixture)
{
    /// <summary>A well-formed key that is not the account's.</summary>
    private const string WrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3Jvbmc=";

    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.Azure, bucket)
    {
        EndpointUrl = endpoint ?? EmulatorEndpoints.Require(EmulatorEndpoints.AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT"),
        StorageAccountName = EmulatorEndpoints.AzureAccount,
        StorageAccountKey = EmulatorEndpoints.AzureAccountKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new AzureBlobLister(options);

    [Fact]
    public void A_wrong_account_key_is_AccessDenied_and_the_message_holds_no_secret()
    {
        var options = Options(Fixture.Bucket);
        options.StorageAccountKey = WrongKey;
        var error = ListingFailure(options);
        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        Assert.DoesNotContain(WrongKey, error.ToString());
    }

    [Fact]
    public async Task The_account_name_for_urls_comes_from_a_connection_string()
    {
        var options = new CloudListerOptions(CloudProvider.Azure, Fixture.Bucket) { ConnectionString = EmulatorEndpoints.AzureConnectionString };
        using var lister = CreateLister(options);
        Assert.Equal("devstoreaccount1", (await lister.LocateAsync(CancellationToken.None)).AccountName);
        var page = await lister.ListPageAsync(new CloudListingRequest("special/", null, 100), null, CancellationToken.None);
        Assert.Equal(Fixture.Listable.Count(o => o.Key.StartsWith("special/", StringComparison.Ordinal)), page.Objects.Count);
    }

    [Fact]
    public async Task Content_types_come_with_the_listing()
    {
        using var lister = CreateLister(Options(Fixture.Bucket));
        var page = await lister.ListPageAsync(new CloudListingRequest("special/scan-0001", null, 10), null, CancellationToken.None);
        Assert.Equal("application/dicom", Assert.Single(page.Objects).ContentType);
    }
}

public sealed class GcsListerTests(GcsListerFixture fixture) : ListerTests<GcsListerFixture>(fixture)
{
    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.GCS, bucket)
    {
        EndpointUrl = endpoint ?? EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT"),
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new GcsObjectLister(options);

    // The emulator lists a bucket that does not exist as empty; GCS answers 404 with this body.
    protected override FaultServer MissingBucketServer() => FaultServer.Answering(404, "Not Found", "application/json; charset=UTF-8",
        "{\"error\":{\"code\":404,\"message\":\"The specified bucket does not exist.\",\"errors\":[{\"message\":\"The specified bucket does not exist.\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}");

    /// <summary>The emulator checks no credentials; GCS refuses a caller without access with 403.</summary>
    [Fact]
    public void A_refused_caller_is_AccessDenied()
    {
        using var server = FaultServer.Answering(403, "Forbidden", "application/json; charset=UTF-8",
            "{\"error\":{\"code\":403,\"message\":\"someone@example.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket.\",\"errors\":[{\"message\":\"denied\",\"domain\":\"global\",\"reason\":\"forbidden\"}]}}");
        var error = ListingFailure(Options(Fixture.Bucket, server.Url));
        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        Assert.Contains("storage.objects.list", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void An_unreadable_credential_file_is_CredentialsMissing()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ \"type\": \"service_account\", \"private_key\": \"not a key\" }");
            var options = Options(Fixture.Bucket);
            options.CredentialFile = file;
            var error = Assert.Throws<CloudStorageException>(() => CreateLister(options));
            Assert.Equal(CloudErrorKind.CredentialsMissing, error.Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Content_types_come_with_the_listing()
    {
        using var lister = CreateLister(Options(Fixture.Bucket));
        var page = await lister.ListPageAsync(new CloudListingRequest("special/scan-0001", null, 10), null, CancellationToken.None);
        Assert.Equal("application/dicom", Assert.Single(page.Objects).ContentType);
    }
}
