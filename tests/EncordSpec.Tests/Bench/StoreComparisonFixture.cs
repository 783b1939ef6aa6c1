using System.Text.Json;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Bench;

/// <summary>The same objects in an emulator and in the benchmarks' listing store, for listing both page by page: the
/// awkward keys (spaces, '+', '%', '#', non-ASCII, nested folders, a folder placeholder), a folder tree with
/// subfolders, and keys whose order differs between UTF-8 bytes and UTF-16 code units (an emoji beside U+E000 and
/// U+FF01; no key named like a folder plus '.', which s3rver sorts after the folder's keys). The store computes each
/// object's hashes from the seeder's content rule, so they must match the emulator's too.</summary>
public abstract class StoreComparisonFixture : IAsyncLifetime
{
    /// <summary>Keys outside the Basic Multilingual Plane make s3rver lose keys across pages: S3 tests list this
    /// prefix in one page only.</summary>
    public const string OrderPrefix = "order/";

    private readonly string listFile = Path.Combine(Path.GetTempPath(), $"encordspec-store-{Guid.NewGuid():N}.json");

    protected StoreComparisonFixture(string provider)
    {
        Provider = provider;
        Bucket = $"cmp-{provider.ToLowerInvariant()}-{Guid.NewGuid():N}".Substring(0, 24);
    }

    public string Provider { get; }
    public string Bucket { get; }
    public ListingStoreProcess Store { get; private set; } = null!;
    /// <summary>What the emulator holds (Azure keeps no folder placeholder), and so what the store is given.</summary>
    public IReadOnlyList<SeedObject> Seeded { get; private set; } = Array.Empty<SeedObject>();

    public static IReadOnlyList<SeedObject> Objects() => SeedSets.Special("special/")
        .Concat(SeedSets.Tree("tree/"))
        .Concat(SeedSets.Named(new[] { "a.jpg", "a b.jpg", "a~.jpg", "a+.jpg", "A.jpg", "a\uE000.jpg", "a\uFF01.jpg", "a\U0001F600.jpg", "b\U0001F600/x.jpg" }
            .Select(name => OrderPrefix + name)))
        .ToArray();

    public async Task InitializeAsync()
    {
        Seeded = await Seeder.SeedAsync(Provider, Bucket, Objects());
        var entries = Seeded.Select(o => new { key = o.Key, size = o.Size, contentType = o.ContentType });
        await File.WriteAllTextAsync(listFile, JsonSerializer.Serialize(entries));
        Store = ListingStoreProcess.Start($"{Bucket}=file:{listFile}");
    }

    public Task DisposeAsync()
    {
        Store?.Dispose();
        File.Delete(listFile);
        return Task.CompletedTask;
    }
}

public sealed class S3StoreComparisonFixture() : StoreComparisonFixture("S3");
public sealed class AzureStoreComparisonFixture() : StoreComparisonFixture("Azure");
public sealed class GcsStoreComparisonFixture() : StoreComparisonFixture("GCS");
