using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Reads an S3, Azure Blob or GCS inventory report as a listing (see <see cref="IInventoryReportReader"/>).
/// The manifest is found (the newest complete report when given a folder or prefix), checked and read when the
/// reader is made. Reading then takes the data files in manifest order, up to the request's throttle limit at once,
/// each streamed (gzip decompressed as it is read, Parquet row group by row group) and checked against the size and
/// MD5 the manifest gives; their objects are sorted into the store's key order in bounded memory
/// (<see cref="SortedRuns"/>) and come out in pages once every file has been read, so a corrupt file stops the reading
/// before any object is returned. Created by name from <see cref="Loading.CloudListerLoader"/>.</summary>
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
        using var sorted = new SortedRuns(KeyOrder.For(request.Provider), request.RunLength, request.TemporaryDirectory);
        ReadDataFiles(sorted, cancellationToken);

        var page = new List<CloudObject>(PageSize);
        foreach (var cloudObject in sorted.Merge(cancellationToken))
        {
            if (page.Count == PageSize)
            {
                yield return new CloudListingPage(page, Array.Empty<string>(), "more");
                page = new List<CloudObject>(PageSize);
            }
            page.Add(cloudObject);
        }
        yield return new CloudListingPage(page, Array.Empty<string>(), null);
    }

    /// <summary>Reads every data file into <paramref name="sorted"/>, several at once. When files fail, the failure
    /// of the first in manifest order is thrown, so the same report always gives the same error.</summary>
    private void ReadDataFiles(SortedRuns sorted, CancellationToken cancellationToken)
    {
        var failures = new Exception?[manifest.Files.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filter = new InventoryRowFilter(request, manifest.SourceBucket);
        try
        {
            Parallel.For(0, manifest.Files.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.ThrottleLimit), CancellationToken = stop.Token },
                index =>
                {
                    try
                    {
                        ReadDataFile(index, filter, sorted.For(index), sorted, stop.Token);
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
    }

    private void ReadDataFile(int index, InventoryRowFilter filter, SortedRuns.Collector collector, SortedRuns sorted, CancellationToken cancellationToken)
    {
        var file = manifest.Files[index];
        try
        {
            if (manifest.IsParquet)
                ReadParquet(file, filter, collector, sorted, cancellationToken);
            else
                ReadCsv(file, filter, collector, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw InventoryManifest.Corrupt(file.Location, $"is missing; the manifest '{manifest.Location}' lists it.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not FileNotFoundException && !InventoryManifest.IsCorrupt(e))
        {
            throw InventoryManifest.Corrupt(file.Location, $"cannot be read (a truncated or damaged file): {e.Message}");
        }
        collector.Complete();
    }

    private void ReadCsv(InventoryDataFile file, InventoryRowFilter filter, SortedRuns.Collector collector, CancellationToken cancellationToken)
    {
        using var verified = new VerifiedStream(files.OpenRead(file.Location, cancellationToken), file);
        foreach (var row in CsvInventoryFile.Read(verified, manifest, file.Location, cancellationToken))
            if (filter.ToObject(row) is { } cloudObject)
                collector.Add(cloudObject);
    }

    private void ReadParquet(InventoryDataFile file, InventoryRowFilter filter, SortedRuns.Collector collector, SortedRuns sorted, CancellationToken cancellationToken)
    {
        string path = files.LocalCopy(file.Location, sorted.Directory, cancellationToken, out bool isTemporary);
        try
        {
            // Parquet is read from its footer backwards, so the whole file is checked first.
            if (file.Size is not null || file.Md5Hex is not null)
            {
                using var verified = new VerifiedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), file);
                verified.VerifyToEnd();
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            foreach (var row in ParquetInventoryFile.Read(stream, manifest, file.Location, cancellationToken))
                if (filter.ToObject(row) is { } cloudObject)
                    collector.Add(cloudObject);
        }
        finally
        {
            if (isTemporary)
                File.Delete(path);
        }
    }

    public void Dispose() => files.Dispose();
}
