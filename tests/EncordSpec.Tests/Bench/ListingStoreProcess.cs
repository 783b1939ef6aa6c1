using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EncordSpec.Tests.Bench;

/// <summary>The benchmarks' listing store (bench/listing-store, Node) running on a free 127.0.0.1 port for one test
/// class, stopped on dispose.</summary>
public sealed partial class ListingStoreProcess : IDisposable
{
    private readonly Process process;

    private ListingStoreProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    /// <summary>http://127.0.0.1:PORT: S3 at the root (path style), Azure at /devstoreaccount1, GCS at /storage/v1/.</summary>
    public string Url { get; }

    /// <param name="buckets">NAME=LAYOUT arguments (see bench/listing-store/buckets.js).</param>
    public static ListingStoreProcess Start(params string[] buckets)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "bench", "listing-store", "listing-store.js"));
        foreach (string bucket in buckets)
        {
            start.ArgumentList.Add("--bucket");
            start.ArgumentList.Add(bucket);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var firstLine = process.StandardOutput.ReadLineAsync();
        if (!firstLine.Wait(TimeSpan.FromSeconds(30)) || firstLine.Result is not { } line || Listening().Match(line) is not { Success: true } match)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
            throw new InvalidOperationException($"The listing store did not start: {(firstLine.IsCompleted ? firstLine.Result : "(no output)")} {(errors.IsCompleted ? errors.Result : "")}");
        }
        // Keep reading so that the store never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        return new ListingStoreProcess(process, match.Groups[1].Value);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "bench", "listing-store", "listing-store.js")))
                return folder.FullName;
        throw new InvalidOperationException($"No bench/listing-store above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
    }
}
