using System.Diagnostics;
using System.Text.RegularExpressions;
using EncordSpec;
using EncordSpec.Listing;
using EncordSpec.Storage;
using EncordSpec.Urls;

// Usage: dotnet run -c Release --project bench/listing-profile -- [S3,GCS,Azure] [objects] [runs]
// Lists one flat bucket of the listing store on loopback in this process, stage by stage, and prints the CPU time
// (user + system, every thread) and the bytes allocated per listed object. Both are this process's own, so the
// figures stay fair on a shared machine where wall time is not.
string[] providers = (args.Length > 0 ? args[0] : "S3,GCS,Azure").Split(',');
int objects = args.Length > 1 ? int.Parse(args[1]) : 100_000;
int runs = args.Length > 2 ? int.Parse(args[2]) : 3;
const string Bucket = "flat";
const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

using var store = StartStore($"{Bucket}={"flat"}:{objects}");
Console.WriteLine($"listing store {store.Url}, {objects:N0} keys in one flat prefix, median of {runs} runs after a warm-up");
Console.WriteLine($"{"",-6} {"",-55} {"us CPU per object",-17} {"B alloc",8}");
Console.WriteLine($"{"store",-6} {"stage",-55} {"cold",8} {"warm",8} {"per obj",8} {"requests",8}");

foreach (string provider in providers)
{
    var options = provider switch
    {
        "S3" => new CloudListerOptions(CloudProvider.S3, Bucket) { Region = "us-east-1", EndpointUrl = store.Url, AccessKey = "S3RVER", SecretKey = "S3RVER" },
        "Azure" => new CloudListerOptions(CloudProvider.Azure, Bucket) { EndpointUrl = store.Url + "/devstoreaccount1", StorageAccountName = "devstoreaccount1", StorageAccountKey = AzuriteKey },
        _ => new CloudListerOptions(CloudProvider.GCS, Bucket) { EndpointUrl = store.Url + "/storage/v1/" },
    };
    using ICloudObjectLister lister = provider switch
    {
        "S3" => new S3ObjectLister(options),
        "Azure" => new AzureBlobLister(options),
        _ => new GcsObjectLister(options),
    };
    var location = lister.LocateAsync(CancellationToken.None).GetAwaiter().GetResult();
    var urls = new ObjectUrlBuilder(options.Provider, Bucket, location.Region ?? "us-east-1", null, null, location.AccountName);
    var request = new CloudListingRequest("", null, 1000);

    Measure(provider, "SDK request + parse + CloudObject (lister)", () =>
    {
        long n = 0; int requests = 0;
        foreach (var page in SequentialListing.Pages(lister, request, CancellationToken.None)) { n += page.Objects.Count; requests++; }
        return (n, requests);
    });
    Measure(provider, "+ DataType and ObjectUrl (CloudListingReader)", () =>
    {
        long n = 0; int requests = 0;
        var reader = new CloudListingReader(urls, new CloudObjectFilter(null, null, null), null);
        foreach (var page in SequentialListing.Pages(lister, request, CancellationToken.None))
        {
            requests++;
            foreach (object item in reader.Read(page)) if (item is CloudObject) n++;
        }
        return (n, requests);
    });
    Measure(provider, "parallel engine + emitter + reader (-ThrottleLimit 8)", () =>
    {
        long n = 0;
        var reader = new CloudListingReader(urls, new CloudObjectFilter(null, null, null), null);
        using var parallel = new ParallelListing(lister, request, ParallelListing.DefaultThrottleLimit, false, KeyOrder.For(options.Provider));
        var emitter = new ListingEmitter(reader, new ListingPaging(ulong.MaxValue, 0, false));
        foreach (object item in emitter.Emit(parallel.Read(CancellationToken.None))) if (item is CloudObject) n++;
        return (n, parallel.Requests);
    });
}

void Measure(string provider, string stage, Func<(long Objects, int Requests)> list)
{
    // The first run pays what a one-shot Get-CloudObject pays: JIT, tiering (with dynamic PGO), connections.
    var (coldCpu, coldBytes) = Run();
    var cpu = new List<double>();
    var bytes = new List<double>();
    int requests = 0;
    for (int run = 0; run < runs; run++)
    {
        var (runCpu, runBytes) = Run();
        cpu.Add(runCpu);
        bytes.Add(runBytes);
    }
    Console.WriteLine($"{provider,-6} {stage,-55} {coldCpu,8:F1} {Median(cpu),8:F1} {Median(bytes),8:F0} {requests,8}");

    (double Cpu, double Bytes) Run()
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (listed, sent) = list();
        process.Refresh();
        var cpuUsed = process.TotalProcessorTime - cpuBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (listed != objects)
            throw new InvalidOperationException($"{provider} {stage}: listed {listed} objects, not {objects}");
        requests = sent;
        return (cpuUsed.TotalMilliseconds * 1000 / listed, (double)allocated / listed);
    }
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static Store StartStore(string bucket)
{
    string root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "bench", "listing-store", "listing-store.js")))
        root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("no bench/listing-store above " + AppContext.BaseDirectory);
    var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
    start.ArgumentList.Add(Path.Combine(root, "bench", "listing-store", "listing-store.js"));
    start.ArgumentList.Add("--bucket");
    start.ArgumentList.Add(bucket);
    var process = Process.Start(start)!;
    string line = process.StandardOutput.ReadLine() ?? "";
    var match = Regex.Match(line, @"listening on (http://127\.0\.0\.1:\d+)");
    if (!match.Success)
    {
        process.Kill(true);
        throw new InvalidOperationException("the listing store did not start: " + line);
    }
    _ = process.StandardOutput.ReadToEndAsync();
    return new Store(process, match.Groups[1].Value);
}

sealed record Store(Process Process, string Url) : IDisposable
{
    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.WaitForExit(5000);
    }
}
