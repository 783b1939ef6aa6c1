using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Media;

/// <summary>The bytes of one stored object, read a range at a time: what a media probe reads headers through.</summary>
internal interface IByteRangeSource
{
    /// <summary>How messages name the object: its key or URL.</summary>
    string Name { get; }

    /// <summary>The object's size in bytes, as the listing reported it.</summary>
    long Length { get; }

    /// <summary>The content type the store reported, or null.</summary>
    string? ContentType { get; }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/>; fewer only at the end of the object.</summary>
    Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken);
}
