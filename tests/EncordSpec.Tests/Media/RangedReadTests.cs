using EncordSpec.Media;
using EncordSpec.Storage;
using EncordSpec.Storage.Media;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Media;

/// <summary>Seeds the files of tests/Data/Media into one bucket of an emulator, under media/.</summary>
public abstract class MediaBucketFixture : IAsyncLifetime
{
    public const string Prefix = "media/";

    /// <summary>Beside the media files: a "PNG" that is text, and a DICOM file (not read for media metadata).</summary>
    public static readonly SeedObject NotAPng = new("other/broken.png", 0, null, "this is no PNG at all"u8.ToArray());
    public static readonly SeedObject Dicom = new("other/scan.dcm", 300);

    protected MediaBucketFixture(string provider)
    {
        Provider = provider;
        Bucket = $"xunit-media-{provider.ToLowerInvariant()}-{Guid.NewGuid():N}".Substring(0, 28);
    }

    public string Provider { get; }
    public string Bucket { get; }

    public static IEnumerable<string> FileNames =>
        Directory.GetFiles(TestData.PathOf("Media")).Select(Path.GetFileName).Where(name => name != "README.md").Order(StringComparer.Ordinal)!;

    public static string PathOf(string fileName) => TestData.PathOf(Path.Combine("Media", fileName));

    public Task InitializeAsync() =>
        Seeder.SeedAsync(Provider, Bucket, FileNames.Select(name => SeedObject.FromFile(Prefix + name, PathOf(name)))
            .Append(NotAPng with { Size = NotAPng.Content!.Length }).Append(Dicom).ToArray());

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class S3MediaBucketFixture() : MediaBucketFixture("S3");
public sealed class AzureMediaBucketFixture() : MediaBucketFixture("Azure");
public sealed class GcsMediaBucketFixture() : MediaBucketFixture("GCS");

/// <summary>Each SDK lister's ranged reads against its emulator: exact bytes, the end of an object, a missing key;
/// and the probe reading listed objects through them finds what it finds in the files themselves.</summary>
public abstract class RangedReadTests<TFixture> : IClassFixture<TFixture> where TFixture : MediaBucketFixture
{
    protected RangedReadTests(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    private protected abstract CloudListerOptions Options(string bucket);

    private protected abstract ICloudObjectLister CreateLister(CloudListerOptions options);

    private (ICloudObjectLister Lister, ICloudObjectReader Reader) Open()
    {
        var lister = CreateLister(Options(Fixture.Bucket));
        return (lister, Assert.IsAssignableFrom<ICloudObjectReader>(lister));
    }

    [Fact]
    public async Task A_range_read_returns_exactly_those_bytes_of_the_object()
    {
        var (lister, reader) = Open();
        using var _ = lister;
        const string name = "moov-end-176x144-29.97fps.mp4";
        byte[] file = File.ReadAllBytes(MediaBucketFixture.PathOf(name));

        byte[] head = await reader.ReadRangeAsync(MediaBucketFixture.Prefix + name, 0, 100, CancellationToken.None);
        byte[] middle = await reader.ReadRangeAsync(MediaBucketFixture.Prefix + name, 5000, 1234, CancellationToken.None);
        byte[] tail = await reader.ReadRangeAsync(MediaBucketFixture.Prefix + name, file.Length - 983, 983, CancellationToken.None);

        Assert.Equal(file.Take(100), head);
        Assert.Equal(file.Skip(5000).Take(1234), middle);
        Assert.Equal(file.Skip(file.Length - 983), tail);
    }

    [Fact]
    public async Task A_range_running_past_the_end_returns_the_bytes_up_to_the_end()
    {
        var (lister, reader) = Open();
        using var _ = lister;
        byte[] file = File.ReadAllBytes(MediaBucketFixture.PathOf("notes.txt"));

        byte[] read = await reader.ReadRangeAsync(MediaBucketFixture.Prefix + "notes.txt", file.Length - 10, 4096, CancellationToken.None);

        Assert.Equal(file.Skip(file.Length - 10), read);
    }

    [Fact]
    public async Task A_missing_object_fails_naming_its_key_not_as_a_missing_bucket()
    {
        var (lister, reader) = Open();
        using var _ = lister;

        var error = await Assert.ThrowsAsync<CloudStorageException>(() =>
            reader.ReadRangeAsync(MediaBucketFixture.Prefix + "no-such-file.png", 0, 4096, CancellationToken.None));

        Assert.NotEqual(CloudErrorKind.BucketNotFound, error.Kind);
        Assert.Contains("'media/no-such-file.png'", error.Message);
    }

    [Fact]
    public async Task Listed_objects_probed_through_ranged_reads_give_what_the_files_give()
    {
        var (lister, reader) = Open();
        using var _ = lister;
        var page = await lister.ListPageAsync(new CloudListingRequest(MediaBucketFixture.Prefix, null, 100), null, CancellationToken.None);
        Assert.Equal(MediaBucketFixture.FileNames, page.Objects.Select(o => o.Name).Order(StringComparer.Ordinal));
        var probe = new MediaProbe();

        foreach (var listed in page.Objects)
        {
            var fromStore = await probe.ProbeAsync(new CloudObjectBytes(reader, listed), CancellationToken.None);
            var fromFile = await probe.ProbeAsync(FileBytes.Of(listed.Name), CancellationToken.None);

            Assert.Equivalent(fromFile, fromStore, strict: true);
            Assert.Equal(listed.Size, fromStore.FileSize);
        }
    }

    /// <summary>A store that refuses reads refuses them all: one terminating error, not one per object.</summary>
    private protected async Task AssertRefusedReadsEndTheReading(CloudListerOptions refused)
    {
        var (lister, _) = Open();
        using var __ = lister;
        var listed = (await lister.ListPageAsync(new CloudListingRequest(MediaBucketFixture.Prefix, null, 100), null, CancellationToken.None)).Objects;
        foreach (var cloudObject in listed)
            cloudObject.DataType = EncordSpec.Format.FileTypeClassifier.Classify(cloudObject.Key);
        using var refusing = CreateLister(refused);

        var error = Assert.Throws<CloudStorageException>(() =>
            new MediaMetadataReader(new MediaProbe(), (ICloudObjectReader)refusing, 4).Read(listed, CancellationToken.None).ToList());

        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        foreach (string secret in refused.Secrets())
            Assert.DoesNotContain(secret, error.ToString());
    }

    [Fact]
    public async Task Reading_a_listing_in_parallel_keeps_its_order_and_fails_only_the_unreadable_object()
    {
        var (lister, reader) = Open();
        using var _ = lister;
        var listed = (await lister.ListPageAsync(new CloudListingRequest("", null, 100), null, CancellationToken.None)).Objects;
        foreach (var cloudObject in listed)
            cloudObject.DataType = EncordSpec.Format.FileTypeClassifier.Classify(cloudObject.Key);
        var counting = new ConcurrencyCountingReader(reader);
        const int throttleLimit = 3;

        var results = new MediaMetadataReader(new MediaProbe(), counting, throttleLimit).Read(listed, CancellationToken.None).ToList();

        Assert.Equal(listed, results.Select(r => r.Item));
        Assert.InRange(counting.MostAtOnce, 1, throttleLimit);
        var broken = Assert.Single(results, r => r.Error is not null);
        Assert.Equal(MediaBucketFixture.NotAPng.Key, ((CloudObject)broken.Item).Key);
        Assert.IsType<MediaProbeException>(broken.Error);
        Assert.Contains(MediaBucketFixture.NotAPng.Key, broken.Error!.Message);
        Assert.Null(((CloudObject)broken.Item).MediaMetadata);
        var dicom = Assert.Single(results, r => ((CloudObject)r.Item).Key == MediaBucketFixture.Dicom.Key);
        Assert.Null(((CloudObject)dicom.Item).MediaMetadata);
        foreach (var result in results.Where(r => ((CloudObject)r.Item).Key.StartsWith(MediaBucketFixture.Prefix, StringComparison.Ordinal)))
        {
            var fromFile = await new MediaProbe().ProbeAsync(FileBytes.Of(((CloudObject)result.Item).Name), CancellationToken.None);
            Assert.Equivalent(fromFile, ((CloudObject)result.Item).MediaMetadata, strict: true);
        }
    }
}

/// <summary>Counts the ranged reads in flight at once, passing each on to the store.</summary>
internal sealed class ConcurrencyCountingReader(ICloudObjectReader inner) : ICloudObjectReader
{
    private int current;
    private int most;

    public int MostAtOnce => Volatile.Read(ref most);

    public async Task<byte[]> ReadRangeAsync(string key, long offset, int count, CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref current);
        for (int seen = Volatile.Read(ref most); now > seen; seen = Volatile.Read(ref most))
            Interlocked.CompareExchange(ref most, now, seen);
        try
        {
            return await inner.ReadRangeAsync(key, offset, count, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref current);
        }
    }
}

public sealed class S3RangedReadTests(S3MediaBucketFixture fixture) : RangedReadTests<S3MediaBucketFixture>(fixture)
{
    private protected override CloudListerOptions Options(string bucket) => new(CloudProvider.S3, bucket)
    {
        EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT"),
        Region = "eu-west-2",
        AccessKey = EmulatorEndpoints.S3AccessKey,
        SecretKey = EmulatorEndpoints.S3SecretKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new S3ObjectLister(options);

    [Fact]
    public Task An_unknown_access_key_ends_the_reading_with_AccessDenied()
    {
        // s3rver checks the access key ID, not the signature: a key it does not know is what it refuses.
        var options = Options(Fixture.Bucket);
        options.AccessKey = "AKIAWRONGKEYID000000";
        options.SecretKey = "wrong-secret-Zx81-not-S3RVER";
        return AssertRefusedReadsEndTheReading(options);
    }
}

public sealed class AzureRangedReadTests(AzureMediaBucketFixture fixture) : RangedReadTests<AzureMediaBucketFixture>(fixture)
{
    private protected override CloudListerOptions Options(string bucket) => new(CloudProvider.Azure, bucket)
    {
        EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT"),
        StorageAccountName = EmulatorEndpoints.AzureAccount,
        StorageAccountKey = EmulatorEndpoints.AzureAccountKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new AzureBlobLister(options);

    [Fact]
    public Task A_wrong_account_key_ends_the_reading_with_AccessDenied()
    {
        var options = Options(Fixture.Bucket);
        options.StorageAccountKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3Jvbmc=";
        return AssertRefusedReadsEndTheReading(options);
    }
}

public sealed class GcsRangedReadTests(GcsMediaBucketFixture fixture) : RangedReadTests<GcsMediaBucketFixture>(fixture)
{
    private protected override CloudListerOptions Options(string bucket) => new(CloudProvider.GCS, bucket)
    {
        EndpointUrl = EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT"),
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new GcsObjectLister(options);
}
