using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Reads an S3, Azure Blob or GCS inventory report as a listing (see <see cref="IInventoryReportReader"/>).
/// The manifest is found (the newest complete report when given a folder or prefix), checked and read when the
/// reader is made. Reading then goes over the data files twice, in bounded memory whatever the report's size:
/// <list type="number">
/// <item>Every data file is read and checked (up to the throttle limit at once), each streamed (gzip decompressed as
/// it is read, Parquet row group by row group) against the size and MD5 the manifest gives, so a corrupt file stops
/// the reading before any object is returned. Reading a file also tells whether its rows are in the store's key
/// order. No provider documents the order of a report's rows, so both are read in bounded memory: rows in order
/// cost nothing more, and from a file's first row out of order on, its rows are sorted in runs
/// (<see cref="RunSorter"/>).</item>
/// <item>The files in order are read again and merged with the sorted runs (<see cref="SourceMerge"/>), and the
/// objects come out in pages.</item>
/// </list>
/// Data files in S3 are downloaded once into the temporary folder for this. Created by name from
/// <see cref="Loading.CloudListerLoader"/>.</summary>
internal sealed class InventoryReportReader : IInventoryReportReader
{
    private const int PageSize = 1000;

    private readonly InventoryReportRequest request;
    private readonly IReportFiles files;
    private readonly InventoryManifest manifest;

    public InventoryReportReader(InventoryReportRequest request)
    {
        this.request = request;
        bool inS3 = request.Manifest.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);
        if (inS3 && request.Provider is not (CloudProvider.S3 or CloudProvider.OTC))
            throw new ArgumentException($"A {request.Provider} inventory report is read from a local copy; s3:// manifests are S3 Inventory reports.");
        files = inS3 ? new S3ReportFiles(request.Store, CancellationToken.None) : new LocalReportFiles();
        try
        {
            string location = inS3 ? request.Manifest : Path.GetFullPath(request.Manifest);
            if (files.IsFolder(location))
                location = FindNewest(location);
            manifest = request.Provider switch
            {
                CloudProvider.Azure => AzureInventoryManifest.Read(files, location, CancellationToken.None),
                CloudProvider.GCS => GcsInventoryManifest.Read(files, location, CancellationToken.None),
                _ => S3InventoryManifest.Read(files, location, CancellationToken.None),
            };
            Report = manifest.ToReport();
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    public InventoryReport Report { get; }

    public InventoryReadSummary? Summary { get; private set; }

    private string FindNewest(string folder)
    {
        string? newest = request.Provider switch
        {
            CloudProvider.Azure => AzureInventoryManifest.FindNewest(files, folder, CancellationToken.None),
            CloudProvider.GCS => GcsInventoryManifest.FindNewest(files, folder, CancellationToken.None),
            _ => S3InventoryManifest.FindNewest(files, folder, CancellationToken.None),
        };
        return newest ?? throw new InvalidDataException(request.Provider switch
        {
            CloudProvider.Azure => $"There is no complete Azure inventory run under '{folder}': no <rule>-manifest.json with its <rule>-manifest.checksum.",
            CloudProvider.GCS => $"There is no GCS inventory report under '{folder}': no <config>_<snapshot>_manifest.json.",
            _ => $"There is no complete S3 inventory report under '{folder}': no manifest.json with its manifest.checksum.",
        });
    }

    public IEnumerable<CloudListingPage> ReadPages(CancellationToken cancellationToken)
    {
        using var temporary = new TemporaryFolder(request.TemporaryDirectory);
        var order = new InventoryEntryOrder(KeyOrder.For(request.Provider));
        int parallel = Math.Max(1, Math.Min(request.ThrottleLimit, Environment.ProcessorCount));
        var sorter = new RunSorter(order, Math.Max(1, request.RunLength / parallel), () => temporary.NewFile(".run"));
        var perFile = ReadDataFiles(order, sorter, parallel, temporary, cancellationToken);
        var sources = perFile.SelectMany(s => s).ToList();
        var merge = new SourceMerge(order, request.MaxOpenSources, () => temporary.NewFile(".run"));
        var merged = merge.Merge(sources, cancellationToken);
        long objects = sources.Sum(s => s.Count);
        Summary = new InventoryReadSummary(perFile.Count, perFile.Count(f => f.All(s => s is DataFileSource)), objects,
            objects - sources.OfType<DataFileSource>().Sum(s => s.Count), sorter.RunsWritten + merge.IntermediateRuns);

        var page = new List<CloudObject>(PageSize);
        foreach (var entry in merged)
        {
            if (page.Count == PageSize)
            {
                yield return new CloudListingPage(page, Array.Empty<string>(), "more");
                page = new List<CloudObject>(PageSize);
            }
            page.Add(entry.Object);
        }
        yield return new CloudListingPage(page, Array.Empty<string>(), null);
    }

    /// <summary>The first pass: reads and checks every data file, several at once, and returns what the merge reads
    /// of each (in manifest order, whichever file finished first). When files fail, the failure of the first in manifest
    /// order is thrown, so the same report always gives the same error.</summary>
    private List<List<SortedSource>> ReadDataFiles(InventoryEntryOrder order, RunSorter sorter, int parallel, TemporaryFolder temporary,
        CancellationToken cancellationToken)
    {
        var filter = new InventoryRowFilter(request, manifest.SourceBucket);
        var sources = new List<SortedSource>?[manifest.Files.Count];
        var failures = new Exception?[manifest.Files.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Parallel.For(0, manifest.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = stop.Token },
                index =>
                {
                    try
                    {
                        sources[index] = ReadDataFile(index, filter, order, sorter, temporary, stop.Token);
                    }
                    catch (Exception e)
                    {
                        failures[index] = e;
                        stop.Cancel();
                    }
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A file failed and the others stopped: its failure is thrown below.
        }
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var failure in failures)
            if (failure is not null and not OperationCanceledException)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return sources.Select(s => s!).ToList();
    }

    /// <summary>Reads one data file to its end and checks it. The rows up to the first one out of key order stay in the
    /// file, to be read again by the merge; the rest go through the sorter.</summary>
    private List<SortedSource> ReadDataFile(int index, InventoryRowFilter filter, InventoryEntryOrder order, RunSorter sorter,
        TemporaryFolder temporary, CancellationToken cancellationToken)
    {
        var file = manifest.Files[index];
        var sources = new List<SortedSource>();
        try
        {
            string path = files.LocalCopy(file.Location, temporary.Path, cancellationToken, out _);
            InventoryEntry first = default, previous = default;
            long inOrder = 0;
            RunSorter.Collector? unsorted = null;
            foreach (var entry in ReadEntries(index, path, filter, verify: true, cancellationToken))
            {
                if (unsorted is null)
                {
                    if (inOrder == 0 || order.Compare(previous, entry) < 0)
                    {
                        if (inOrder++ == 0)
                            first = entry;
                        previous = entry;
                        continue;
                    }
                    unsorted = sorter.Start();
                }
                unsorted.Add(entry);
            }
            if (inOrder > 0)
                sources.Add(new DataFileSource(token => ReadEntries(index, path, filter, verify: false, token), first, previous, inOrder));
            if (unsorted is not null)
                sources.AddRange(unsorted.Finish());
            return sources;
        }
        catch (FileNotFoundException)
        {
            throw InventoryManifest.Corrupt(file.Location, $"is missing; the manifest '{manifest.Location}' lists it.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not FileNotFoundException && !InventoryManifest.IsCorrupt(e))
        {
            throw InventoryManifest.Corrupt(file.Location, $"cannot be read (a truncated or damaged file): {e.Message}");
        }
    }

    /// <summary>The objects of a data file (a local path) that the request keeps, numbered in the file's order. With
    /// <paramref name="verify"/>, the file is checked against the size and MD5 the manifest gives.</summary>
    private IEnumerable<InventoryEntry> ReadEntries(int index, string path, InventoryRowFilter filter, bool verify, CancellationToken cancellationToken)
    {
        var file = manifest.Files[index];
        var rows = manifest.IsParquet ? ReadParquet(file, path, verify, cancellationToken) : ReadCsv(file, path, verify, cancellationToken);
        long row = 0;
        foreach (var inventoryRow in rows)
            if (filter.ToObject(inventoryRow) is { } cloudObject)
                yield return new InventoryEntry(cloudObject, InventoryEntry.SequenceOf(index, row++));
    }

    private IEnumerable<InventoryRow> ReadCsv(InventoryDataFile file, string path, bool verify, CancellationToken cancellationToken)
    {
        var expected = verify ? file : new InventoryDataFile(file.Location, null, null);
        using var verified = new VerifiedStream(LocalReportFiles.OpenFile(path), expected);
        foreach (var row in CsvInventoryFile.Read(verified, manifest, file.Location, cancellationToken))
            yield return row;
    }

    private IEnumerable<InventoryRow> ReadParquet(InventoryDataFile file, string path, bool verify, CancellationToken cancellationToken)
    {
        // Parquet is read from its footer backwards, so the whole file is checked first.
        if (verify && (file.Size is not null || file.Md5Hex is not null))
        {
            using var verified = new VerifiedStream(LocalReportFiles.OpenFile(path), file);
            verified.VerifyToEnd();
        }
        using var stream = LocalReportFiles.OpenFile(path);
        foreach (var row in ParquetInventoryFile.Read(stream, manifest, file.Location, cancellationToken))
            yield return row;
    }

    public void Dispose() => files.Dispose();
}
