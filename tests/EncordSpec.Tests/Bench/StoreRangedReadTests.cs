using EncordSpec.Media;
using EncordSpec.Storage;
using EncordSpec.Storage.Media;
using EncordSpec.TestSeeder;
using EncordSpec.Tests.Media;

namespace EncordSpec.Tests.Bench;

/// <summary>The listing store's images bucket (the media benchmark's): its objects' bodies are the real images of
/// tests/Data/Media, and it answers the S3 lister's ranged GetObject with exactly those bytes, so the probe reads
/// from it what it reads from the files.</summary>
public sealed class StoreRangedReadTests : IDisposable
{
    private static readonly string[] Images = { "gradient-64x48.png", "lossy-96x72.webp", "photo-80x60.jpg" };
    private readonly ListingStoreProcess store = ListingStoreProcess.Start($"images=images:7:{TestData.PathOf("Media")}");

    private S3ObjectLister Lister() => new(new CloudListerOptions(CloudProvider.S3, "images")
    {
        EndpointUrl = store.Url,
        Region = "us-east-1",
        AccessKey = EmulatorEndpoints.S3AccessKey,
        SecretKey = EmulatorEndpoints.S3SecretKey,
    });

    [Fact]
    public async Task Each_key_holds_the_next_image_in_turn_and_a_range_returns_exactly_its_bytes()
    {
        using var lister = Lister();
        var listed = (await lister.ListPageAsync(new CloudListingRequest("", null, 100), null, CancellationToken.None)).Objects;

        Assert.Equal(new[] { "img-000000.png", "img-000001.webp", "img-000002.jpg", "img-000003.png" }, listed.Take(4).Select(o => o.Key));
        byte[] jpeg = File.ReadAllBytes(MediaBucketFixture.PathOf(Images[2]));
        Assert.Equal(jpeg.Length, listed[2].Size);
        Assert.Equal(jpeg.Skip(100).Take(50), await lister.ReadRangeAsync("img-000002.jpg", 100, 50, CancellationToken.None));
        Assert.Equal(jpeg.Skip(jpeg.Length - 10), await lister.ReadRangeAsync("img-000002.jpg", jpeg.Length - 10, 4096, CancellationToken.None));
    }

    [Fact]
    public async Task The_probe_reads_from_the_store_what_it_reads_from_the_files()
    {
        using var lister = Lister();
        var listed = (await lister.ListPageAsync(new CloudListingRequest("", null, 100), null, CancellationToken.None)).Objects;
        var probe = new MediaProbe();

        for (int i = 0; i < listed.Count; i++)
        {
            var fromStore = await probe.ProbeAsync(new CloudObjectBytes(lister, listed[i]), CancellationToken.None);
            Assert.Equivalent(await probe.ProbeAsync(FileBytes.Of(Images[i % Images.Length]), CancellationToken.None), fromStore, strict: true);
        }
    }

    public void Dispose() => store.Dispose();
}
