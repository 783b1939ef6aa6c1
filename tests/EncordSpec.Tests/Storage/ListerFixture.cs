using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Storage;

/// <summary>Seeds one bucket of an emulator once per test class: the awkward keys and 1,200 objects under one
/// prefix (more than one page at any page size S3 allows).</summary>
public abstract class ListerFixture : IAsyncLifetime
{
    public const int BulkCount = 1200;

    protected ListerFixture(string provider)
    {
        Provider = provider;
        Bucket = $"xunit-{provider.ToLowerInvariant()}-{Guid.NewGuid():N}".Substring(0, 24);
    }

    public string Provider { get; }
    public string Bucket { get; }
    public IReadOnlyList<SeedObject> Seeded { get; private set; } = Array.Empty<SeedObject>();

    /// <summary>What a listing must return: every seeded object but folder placeholders.</summary>
    public IEnumerable<SeedObject> Listable => Seeded.Where(o => !(o.Size == 0 && o.Key.EndsWith('/')));

    public async Task InitializeAsync() =>
        Seeded = await Seeder.SeedAsync(Provider, Bucket, SeedSets.Special().Concat(SeedSets.Bulk("bulk/", BulkCount)).ToArray());

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class S3ListerFixture() : ListerFixture("S3");
public sealed class AzureListerFixture() : ListerFixture("Azure");
public sealed class GcsListerFixture() : ListerFixture("GCS");
