using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Listing;

namespace EncordSpec.Media;

/// <summary>A listed object's bytes, read through its store's ranged GETs.</summary>
internal sealed class CloudObjectBytes : IByteRangeSource
{
    private readonly ICloudObjectReader reader;
    private readonly CloudObject cloudObject;

    public CloudObjectBytes(ICloudObjectReader reader, CloudObject cloudObject)
    {
        this.reader = reader;
        this.cloudObject = cloudObject;
    }

    public string Name => cloudObject.ObjectUrl.Length > 0 ? cloudObject.ObjectUrl : cloudObject.Key;
    public long Length => cloudObject.Size;
    public string? ContentType => cloudObject.ContentType;

    public Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken) =>
        reader.ReadRangeAsync(cloudObject.Key, offset, count, cancellationToken);
}
