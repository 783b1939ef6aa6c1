using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Storage;

/// <summary>The Azure and Google SDKs page through IAsyncEnumerable; a lister takes one page per call.</summary>
internal static class AsyncPages
{
    /// <summary>The first element, or null when there is none; the enumerator is disposed either way.</summary>
    public static async Task<T?> FirstAsync<T>(IAsyncEnumerable<T> pages, CancellationToken cancellationToken) where T : class
    {
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
