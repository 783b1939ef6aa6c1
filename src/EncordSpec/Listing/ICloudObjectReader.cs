using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Reads part of one object of the bucket a lister lists (a ranged GET), for media headers. Implemented by
/// the SDK listers beside <see cref="ICloudObjectLister"/>.</summary>
internal interface ICloudObjectReader
{
    /// <summary>Up to <paramref name="count"/> bytes of <paramref name="key"/> from <paramref name="offset"/>; fewer
    /// only at the end of the object. Failures are thrown as <see cref="CloudStorageException"/>.</summary>
    Task<byte[]> ReadRangeAsync(string key, long offset, int count, CancellationToken cancellationToken);
}
