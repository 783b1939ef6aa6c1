using System.IO.Compression;
using System.Text;
using EncordSpec.Storage.Inventory;

namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>Reports built in each provider's documented layout, from what the emulator holds plus the rows a real
/// report has beside the current objects (an older version, a delete marker, a folder placeholder, an HNS
/// directory), read back: they must give exactly the objects and URLs a live listing of the same bucket gives.</summary>
public sealed class InventoryReportTests : IClassFixture<InventoryFixture>, IDisposable
{
    private readonly InventoryFixture fixture;
    private readonly string root = Path.Combine(Path.GetTempPath(), "encordspec-inventory-test-" + Guid.NewGuid().ToString("N"));

    public InventoryReportTests(InventoryFixture fixture) => this.fixture = fixture;

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    public static TheoryData<CloudProvider, bool> Layouts() => new()
    {
        { CloudProvider.S3, false }, { CloudProvider.S3, true },
        { CloudProvider.Azure, false }, { CloudProvider.Azure, true },
        { CloudProvider.GCS, false }, { CloudProvider.GCS, true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_report_gives_exactly_the_objects_and_URLs_of_a_live_listing(CloudProvider provider, bool parquet)
    {
        var (raw, live) = fixture.ListLive(provider);
        string manifest = Build(provider, parquet, RowsFor(provider, raw));

        var fromReport = ReadItems(provider, manifest, out var report);

        Assert.Equal(parquet ? "Parquet" : "CSV", report.Format);
        Assert.Equal(Describe(live), Describe(fromReport));
        var objects = fromReport.OfType<CloudObject>().ToList();
        Assert.Contains(objects, o => o.Key == "special/plus+sign+.png" && o.ObjectUrl.EndsWith(provider == CloudProvider.GCS ? "plus+sign+.png" : "plus%2Bsign%2B.png"));
        Assert.DoesNotContain(objects, o => o.Key.Contains("deleted"));
        Assert.Equal(live.Count, fromReport.Count);
    }

    [Fact]
    public void Keys_are_URL_decoded_once_from_S3_CSV()
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var rows = new[] { "a b+c%20d/é 日本.jpg", "100%.png", "x+y.jpg" }.Select(k => new TestInventoryRow("src", k, 1, time, "e")).ToList();
        string manifest = InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 1);
        Assert.Contains("a+b%2Bc%2520d%2F%C3%A9+%E6%97%A5%E6%9C%AC.jpg", Encoding.UTF8.GetString(Decompress(DataFiles(manifest).Single())));
        Assert.Equal(new[] { "100%.png", "a b+c%20d/é 日本.jpg", "x+y.jpg" }, ReadAll(CloudProvider.S3, manifest, out _).Select(o => o.Key));
    }

    [Fact]
    public void Files_in_key_order_are_merged_as_they_are_read_without_temporary_files()
    {
        var keys = Enumerable.Range(0, 3000).Select(i => $"folder {i / 100:D2}/img-{i:D4}.jpg").ToList();
        var rows = keys.Select(k => new TestInventoryRow("src", k, 1, Time, "e")).ToList();
        foreach (bool inRanges in new[] { true, false })
        {
            // In key ranges, one file after another; dealt out in turn, every file in order but all overlapping.
            string manifest = InventoryReportBuilder.S3(Path.Combine(root, inRanges ? "ranges" : "dealt"), "src", rows, parquet: false, files: 5, inRanges: inRanges);
            var (read, summary) = ReadWithSummary(manifest, r => r.RunLength = 10);
            Assert.Equal(keys, read);
            Assert.Equal(new InventoryReadSummary(5, 5, 3000, 0, 0), summary);
        }
    }

    [Fact]
    public void Files_out_of_order_are_sorted_through_runs_on_disk_into_key_order()
    {
        var keys = Enumerable.Range(0, 500).Select(i => $"f{i % 7}/img-{(i * 7919) % 1000:D4}.jpg").Distinct().ToList();
        var rows = keys.Select(k => new TestInventoryRow("src", k, 1, Time, "e")).ToList();
        string manifest = InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 5);

        // Runs of a few rows: every data file writes several sorted runs to disk, which are then merged.
        var (read, summary) = ReadWithSummary(manifest, r => r.RunLength = 14);
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), read);
        Assert.Equal(0, summary.DataFilesInOrder);
        Assert.True(summary.TemporaryRuns >= 5, summary.ToString());
        Assert.Equal(read, ReadAll(CloudProvider.S3, manifest, out _, r => r.ThrottleLimit = 1).Select(o => o.Key));
    }

    [Fact]
    public void A_file_in_order_up_to_some_row_is_merged_with_the_sorted_rest()
    {
        // Each file: a run in order, then rows that jump back; with all versions, the same key in several files.
        var rows = new List<TestInventoryRow>();
        for (int f = 0; f < 3; f++)
        {
            rows.AddRange(Enumerable.Range(0, 40).Select(i => new TestInventoryRow("src", $"k{i:D3}.jpg", f, Time, "e") { VersionId = $"f{f}" }));
            rows.AddRange(Enumerable.Range(0, 40).Select(i => new TestInventoryRow("src", $"j{39 - i:D3}.jpg", f, Time, "e") { VersionId = $"f{f}" }));
        }
        string manifest = InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 3, inRanges: true);
        var read = ReadAll(CloudProvider.S3, manifest, out _, r => { r.IncludeAllVersions = true; r.RunLength = 9; });
        var expected = rows.Select((r, i) => (r.Key, File: i / 80)).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.File);
        // Rows of one key come in the report's order: the size says which file each came from.
        Assert.Equal(expected.Select(r => $"{r.Key}@{r.File}"), read.Select(o => $"{o.Key}@{o.Size}"));
    }

    [Fact]
    public void More_overlapping_sources_than_may_be_open_are_merged_in_groups_first()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"img-{i:D4}.jpg").ToList();
        var rows = keys.Select(k => new TestInventoryRow("src", k, 1, Time, "e")).ToList();
        string manifest = InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 9);
        var (read, summary) = ReadWithSummary(manifest, r => r.MaxOpenSources = 2);
        Assert.Equal(keys, read);
        // Nine files in order, all overlapping: merged in pairs into 4 runs (one file left), those 5 into 2 runs, those 3 into 1.
        Assert.Equal(new InventoryReadSummary(9, 9, 1000, 0, 7), summary);
    }

    [Fact]
    public void The_newest_complete_report_under_a_folder_is_read()
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        InventoryReportBuilder.S3(root, "src", new[] { new TestInventoryRow("src", "old.jpg", 1, time, "e") }, false, 1, runTime: new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        string newest = InventoryReportBuilder.S3(root, "src", new[] { new TestInventoryRow("src", "new.jpg", 1, time, "e") }, false, 1, runTime: new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));
        // A later run still being written (no checksum yet) is not complete.
        string writing = InventoryReportBuilder.S3(root, "src", new[] { new TestInventoryRow("src", "partial.jpg", 1, time, "e") }, false, 1, runTime: new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc));
        File.Delete(Path.Combine(Path.GetDirectoryName(writing)!, "manifest.checksum"));

        var read = ReadAll(CloudProvider.S3, Path.Combine(root, "inventory"), out var report);
        Assert.Equal(newest, report.Manifest);
        Assert.Equal("new.jpg", Assert.Single(read).Key);
    }

    [Theory]
    [InlineData(CloudProvider.Azure)]
    [InlineData(CloudProvider.GCS)]
    public void The_newest_report_of_Azure_and_GCS_is_found_too(CloudProvider provider)
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        string Make(string key, DateTime run) => provider == CloudProvider.Azure
            ? InventoryReportBuilder.Azure(root, "acct", new[] { new TestInventoryRow("c", key, 1, time, "e") }, false, 1, runTime: run)
            : InventoryReportBuilder.Gcs(root, "b", new[] { new TestInventoryRow("b", key, 1, time, "e") }, false, 1, runTime: run);
        Make("old.jpg", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        string newest = Make("new.jpg", new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));
        var read = ReadAll(provider, root, out var report);
        Assert.Equal(newest, report.Manifest);
        Assert.Equal("new.jpg", Assert.Single(read).Key);
    }

    [Fact]
    public void All_versions_are_kept_when_asked_for()
    {
        var (raw, _) = fixture.ListLive(CloudProvider.S3);
        string manifest = Build(CloudProvider.S3, false, RowsFor(CloudProvider.S3, raw));
        var all = ReadAll(CloudProvider.S3, manifest, out _, r => r.IncludeAllVersions = true);
        Assert.Equal(2, all.Count(o => o.Key == "special/a file with spaces.jpg"));
        Assert.Contains(all, o => o.Key == "special/deleted + gone.jpg");
    }

    // Corrupt reports: one clear error naming the file, before any object comes out.

    [Fact]
    public void A_manifest_that_does_not_match_its_checksum_is_refused()
    {
        string manifest = SmallS3Report();
        File.AppendAllText(manifest, " ");
        var error = ReadFails(CloudProvider.S3, manifest);
        Assert.Contains(manifest, error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        string manifest = SmallS3Report();
        string data = DataFiles(manifest)[1];
        File.Delete(data);
        var error = ReadFails(CloudProvider.S3, manifest);
        Assert.Contains(Path.GetFileName(data), error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_is_named()
    {
        string manifest = SmallS3Report();
        string data = DataFiles(manifest)[0];
        byte[] bytes = File.ReadAllBytes(data);
        File.WriteAllBytes(data, bytes[..(bytes.Length / 2)]);
        var error = ReadFails(CloudProvider.S3, manifest);
        Assert.Contains(data, error.Message);
    }

    [Fact]
    public void A_truncated_gzip_is_named_even_without_sizes_in_the_manifest()
    {
        // Azure manifests give sizes, GCS ones none: the gzip stream itself must notice the missing end.
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 2000).Select(i => new TestInventoryRow("b", $"k{i:D5}.jpg", i, time, "e")).ToList();
        string manifest = InventoryReportBuilder.Gcs(root, "b", rows, parquet: false, files: 1);
        string shard = Directory.GetFiles(Path.GetDirectoryName(manifest)!, "*_0.csv").Single();
        byte[] gz = InventoryReportBuilder.Gzip(File.ReadAllBytes(shard));
        File.WriteAllBytes(shard, gz[..(gz.Length - 20)]);
        var error = ReadFails(CloudProvider.GCS, manifest);
        Assert.Contains(shard, error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_data_file_without_the_key_column_is_named(bool parquet)
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        string manifest = InventoryReportBuilder.Gcs(root, "b", new[] { new TestInventoryRow("b", "x.jpg", 1, time, "e") }, parquet, files: 1);
        string shard = Directory.GetFiles(Path.GetDirectoryName(manifest)!, parquet ? "*_0.parquet" : "*_0.csv").Single();
        if (parquet)
            File.WriteAllBytes(shard, InventoryReportBuilder.Parquet(new (Parquet.Schema.DataField, Func<TestInventoryRow, object?>)[]
                { (new Parquet.Schema.DataField<string>("bucket"), r => r.Bucket), (new Parquet.Schema.DataField<long?>("size"), r => r.Size) },
                new[] { new TestInventoryRow("b", "x.jpg", 1, time, "e") }));
        else
            File.WriteAllText(shard, "bucket,size\nb,1\n");
        var error = ReadFails(CloudProvider.GCS, manifest);
        Assert.Contains(shard, error.Message);
        Assert.Contains("'name' column", error.Message);
    }

    [Fact]
    public void A_changed_data_file_fails_its_MD5()
    {
        string manifest = SmallS3Report();
        string data = DataFiles(manifest)[0];
        byte[] gz = InventoryReportBuilder.Gzip(Encoding.UTF8.GetBytes("\"src\",\"evil.jpg\",\"\",\"true\",\"false\",\"1\",\"2026-01-01T00:00:00.000Z\",\"e\",\"STANDARD\"\n"));
        File.WriteAllBytes(data, gz);
        var error = ReadFails(CloudProvider.S3, manifest);
        Assert.Contains(data, error.Message);
    }

    // Helpers

    private static readonly DateTime Time = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>The keys read and what the reading says it did, checking that it left no temporary file behind.</summary>
    private (List<string> Keys, InventoryReadSummary Summary) ReadWithSummary(string manifest, Action<InventoryReportRequest> configure)
    {
        string temporary = Path.Combine(root, "temporary-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temporary);
        var request = new InventoryReportRequest(CloudProvider.S3, manifest, new CloudListerOptions(CloudProvider.S3, "unused")) { TemporaryDirectory = temporary };
        configure(request);
        using var reader = new InventoryReportReader(request);
        var keys = reader.ReadPages(CancellationToken.None).SelectMany(p => p.Objects).Select(o => o.Key).ToList();
        Assert.Empty(Directory.GetFileSystemEntries(temporary));
        return (keys, reader.Summary!);
    }

    private string Build(CloudProvider provider, bool parquet, List<TestInventoryRow> rows) => provider switch
    {
        CloudProvider.S3 => InventoryReportBuilder.S3(root, fixture.Buckets[provider], rows, parquet, files: 3),
        CloudProvider.Azure => InventoryReportBuilder.Azure(root, TestSeeder.EmulatorEndpoints.AzureAccount, rows, parquet, files: 3),
        _ => InventoryReportBuilder.Gcs(root, fixture.Buckets[provider], rows, parquet, files: 3),
    };

    /// <summary>One row per stored object as the store reports it, reversed (reports promise no order), plus an
    /// older version of one key, a deleted key with its older version, and for Azure an HNS directory.</summary>
    private static List<TestInventoryRow> RowsFor(CloudProvider provider, List<CloudObject> raw)
    {
        var rows = raw.Select(o => new TestInventoryRow(o.Bucket, o.Key, o.Size, o.LastModified, o.ETag, o.ContentType, o.StorageClass) { VersionId = "v2" }).ToList();
        rows.Reverse();
        string bucket = raw[0].Bucket;
        var then = new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        rows.Insert(3, new TestInventoryRow(bucket, "special/a file with spaces.jpg", 999, then, "0ld", null, "STANDARD") { IsLatest = false, VersionId = "v1" });
        rows.Add(new TestInventoryRow(bucket, "special/deleted + gone.jpg", null, then, null) { IsDeleteMarker = true, VersionId = "v3" });
        rows.Insert(1, new TestInventoryRow(bucket, "special/deleted + gone.jpg", 5, then, "gone", null, "STANDARD") { IsLatest = false, VersionId = "v2" });
        if (provider == CloudProvider.Azure)
            rows.Add(new TestInventoryRow(bucket, "special/sub dir", 0, then, "dir") { IsFolder = true });
        return rows;
    }

    private List<CloudObject> ReadAll(CloudProvider provider, string manifest, out InventoryReport report, Action<InventoryReportRequest>? configure = null) =>
        ReadItems(provider, manifest, out report, configure).Cast<CloudObject>().ToList();

    /// <summary>What Get-CloudObject emits for the report: objects, and an error item for each key no URL can carry.</summary>
    private List<object> ReadItems(CloudProvider provider, string manifest, out InventoryReport report, Action<InventoryReportRequest>? configure = null)
    {
        var request = new InventoryReportRequest(provider, manifest, new CloudListerOptions(provider, "unused")) { TemporaryDirectory = root };
        configure?.Invoke(request);
        using var reader = new InventoryReportReader(request);
        report = reader.Report;
        var pages = reader.ReadPages(CancellationToken.None).ToList();
        string bucket = pages.SelectMany(p => p.Objects).FirstOrDefault()?.Bucket ?? report.SourceBucket ?? "b";
        var urls = InventoryFixture.UrlsFor(provider, bucket, report.AccountName ?? "acct");
        var listing = new CloudListingReader(urls, new CloudObjectFilter(null, null, null), null);
        return pages.SelectMany(listing.Read).ToList();
    }

    private InvalidDataException ReadFails(CloudProvider provider, string manifest)
    {
        var request = new InventoryReportRequest(provider, manifest, new CloudListerOptions(provider, "unused")) { TemporaryDirectory = root };
        return Assert.Throws<InvalidDataException>(() =>
        {
            using var reader = new InventoryReportReader(request);
            foreach (var _ in reader.ReadPages(CancellationToken.None)) { }
        });
    }

    private string SmallS3Report()
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 50).Select(i => new TestInventoryRow("src", $"dir {i % 3}/k{i}.jpg", i, time, "e", null, "STANDARD")).ToList();
        return InventoryReportBuilder.S3(root, "src", rows, parquet: false, files: 2);
    }

    private static List<string> DataFiles(string s3Manifest)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(s3Manifest));
        string config = Path.GetDirectoryName(Path.GetDirectoryName(s3Manifest))!;
        return json.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => Path.Combine(config, "data", Path.GetFileName(f.GetProperty("key").GetString()!))).ToList();
    }

    private static byte[] Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static List<string> Describe(IEnumerable<object> items) => items.Select(item => item switch
    {
        CloudObject o => $"{o.Provider}|{o.Bucket}|{o.Key}|{o.Name}|{o.ObjectUrl}|{o.Size}|{o.LastModified:O}|{o.ETag}|{o.ContentType}|{o.StorageClass}|{o.DataType}",
        UnaddressableObject u => $"no URL|{u.Object.Key}|{u.Message}",
        _ => item.ToString()!,
    }).ToList();
}
