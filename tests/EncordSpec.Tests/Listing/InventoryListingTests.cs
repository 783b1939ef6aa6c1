using EncordSpec.Storage.Inventory;
using EncordSpec.Tests.Storage.Inventory;

namespace EncordSpec.Tests.Listing;

/// <summary>What Get-CloudObject -InventoryManifest does with a report before and after reading it: where the report
/// is read from, which bucket the URLs name, and how its pages reach the pipeline (through the same emitter, paging
/// and partition stamping as a listing).</summary>
public sealed class InventoryListingTests : IDisposable
{
    private static readonly DateTime Time = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly string root = Path.Combine(Path.GetTempPath(), "encordspec-inventory-listing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("s3://inventory-dest/cord-dev/daily/2026-01-01T00-00Z/manifest.json", true, "inventory-dest")]
    [InlineData("S3://inventory-dest", true, "inventory-dest")]
    [InlineData("s3://inventory-dest/", true, "inventory-dest")]
    [InlineData("/data/reports/manifest.json", false, "inventory")]
    [InlineData("C:\\reports\\s3:\\manifest.json", false, "inventory")]
    public void An_s3_URL_is_read_from_its_bucket_and_anything_else_from_disk(string manifest, bool inStore, string storeBucket)
    {
        Assert.Equal(inStore, InventoryListing.IsInStore(manifest));
        Assert.Equal(storeBucket, InventoryListing.StoreBucket(manifest));
    }

    [Fact]
    public void The_URLs_name_the_bucket_given_else_the_one_the_report_lists()
    {
        var report = new InventoryReport(CloudProvider.S3, "m", "CSV", Array.Empty<string>()) { SourceBucket = "cord-dev" };
        Assert.Equal("cord-dev", InventoryListing.ListedBucket("", report));
        Assert.Equal("other", InventoryListing.ListedBucket("other", report));
        Assert.Null(InventoryListing.ListedBucket("", new InventoryReport(CloudProvider.Azure, "m", "CSV", Array.Empty<string>())));
    }

    [Fact]
    public void A_report_comes_out_as_one_partition_stamped_and_completed_as_a_sequential_listing_is()
    {
        var keys = Enumerable.Range(0, 2500).Select(i => $"folder {i / 1000}/img-{i:D4}.jpg").ToList();
        using var reader = Reader(keys);
        var chunks = InventoryListing.Chunks(reader, "", CancellationToken.None).ToList();

        Assert.Equal(new[] { 1000, 1000, 500 }, chunks.Select(c => c.Page.Objects.Count));
        Assert.Single(chunks.Select(c => c.Partition).Distinct());
        Assert.Equal(new[] { false, false, true }, chunks.Select(c => c.CompletesPartition));
        Assert.StartsWith("Read S3 inventory report", chunks[0].Note);

        var emitted = new ListingEmitter(UrlReader(), new ListingPaging(ulong.MaxValue, 0, false)).Emit(chunks).OfType<CloudObject>().ToList();
        Assert.Equal(keys, emitted.Select(o => o.Key));
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), emitted.Select(o => o.PartitionSequence));
        Assert.Equal(2500, chunks[0].Partition!.FinalCount);
    }

    [Fact]
    public void First_stops_reading_and_leaves_the_partition_unfinished_so_no_folder_is_taken_as_complete()
    {
        var keys = Enumerable.Range(0, 2500).Select(i => $"f/img-{i:D4}.jpg").ToList();
        using var reader = Reader(keys);
        var chunks = InventoryListing.Chunks(reader, "", CancellationToken.None);
        var emitted = new ListingEmitter(UrlReader(), new ListingPaging(3, 1, false)).Emit(chunks).OfType<CloudObject>().ToList();
        Assert.Equal(keys.Skip(1).Take(3), emitted.Select(o => o.Key));
        Assert.Null(emitted[0].Partition!.FinalCount);
    }

    private InventoryReportReader Reader(IEnumerable<string> keys)
    {
        var rows = keys.Reverse().Select(k => new TestInventoryRow("src", k, 1, Time, "e")).ToList();
        string manifest = InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 3);
        return new InventoryReportReader(new InventoryReportRequest(CloudProvider.S3, manifest, new CloudListerOptions(CloudProvider.S3, "unused"))
        {
            TemporaryDirectory = root,
        });
    }

    private static CloudListingReader UrlReader() =>
        new(new ObjectUrlBuilder(CloudProvider.S3, "src", "eu-west-2", null), new CloudObjectFilter(null, null, null), null);
}
