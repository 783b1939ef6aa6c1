using EncordSpec.Media;

namespace EncordSpec.Tests.Media;

/// <summary>A local file read a range at a time, as a store's ranged GETs read an object, recording each range read
/// so that tests can check how little a probe reads.</summary>
internal sealed class FileBytes : IByteRangeSource
{
    private readonly byte[] content;
    private readonly List<(long Offset, int Count)> reads = new();

    public FileBytes(string name, byte[] content, string? contentType = null)
    {
        Name = name;
        this.content = content;
        ContentType = contentType;
    }

    /// <summary>A file of tests/Data/Media.</summary>
    public static FileBytes Of(string fileName, string? contentType = null) =>
        new(fileName, File.ReadAllBytes(TestData.PathOf(Path.Combine("Media", fileName))), contentType);

    public string Name { get; }
    public long Length => content.Length;
    public string? ContentType { get; }

    public IReadOnlyList<(long Offset, int Count)> Reads
    {
        get
        {
            lock (reads)
                return reads.ToArray();
        }
    }

    public long BytesRead => Reads.Sum(r => (long)r.Count);

    public Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        int available = (int)Math.Max(0, Math.Min(count, content.Length - offset));
        lock (reads)
            reads.Add((offset, available));
        return Task.FromResult(content.AsSpan((int)offset, available).ToArray());
    }
}
