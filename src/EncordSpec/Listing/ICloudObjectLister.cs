using System;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Lists one bucket or container through a cloud SDK, one page per call. Implemented in EncordSpec.Storage
/// (loaded apart from the module, see <see cref="Loading.CloudListerLoader"/>), so it exchanges only this
/// assembly's types. Calls carry no state between them beyond the continuation token, so several listings of
/// different prefixes may run on one lister at the same time.</summary>
internal interface ICloudObjectLister : IDisposable
{
    /// <summary>Learns what object URLs need that the parameters may not say: the S3 bucket's region (asked of the
    /// bucket when no region was given), the Azure storage account's name.</summary>
    Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken);

    /// <summary>One page of the listing. <paramref name="continuationToken"/> is null for the first page and the
    /// previous page's <see cref="CloudListingPage.ContinuationToken"/> after that. Failures are thrown as
    /// <see cref="CloudStorageException"/>.</summary>
    Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken);
}
