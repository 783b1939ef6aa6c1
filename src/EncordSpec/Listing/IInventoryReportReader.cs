using System;
using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Listing;

/// <summary>Reads a cloud inventory report (S3 Inventory, Azure Blob Inventory, GCS Storage Insights) as a listing:
/// pages of objects in the store's key order, as a sequential listing of the same objects gives them. Implemented in
/// EncordSpec.Storage (loaded apart from the module, see <see cref="Loading.CloudListerLoader"/>). A report that
/// cannot be trusted (checksum mismatch, missing data file, no key column, truncated file) ends the reading with an
/// <see cref="System.IO.InvalidDataException"/> naming the file, before any object is returned; a store that cannot
/// be read with <see cref="CloudStorageException"/>.</summary>
internal interface IInventoryReportReader : IDisposable
{
    /// <summary>What the manifest says, read and verified when the reader was made.</summary>
    InventoryReport Report { get; }

    /// <summary>What the last <see cref="ReadPages"/> found in the data files; set before its first page comes out.</summary>
    InventoryReadSummary? Summary { get; }

    /// <summary>The report's objects under the request's prefix, latest versions only unless asked otherwise, in pages
    /// in the store's key order. Nothing comes out until every data file has been read and checked.</summary>
    IEnumerable<CloudListingPage> ReadPages(CancellationToken cancellationToken);
}
