using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using EncordSpec.Loading;
using EncordSpec.Listing;
using EncordSpec.Urls;

namespace EncordSpec.Cmdlets;

/// <summary>Lists the objects of an S3, Azure Blob, GCS or Open Telekom Cloud bucket, each with the object URL the
/// Encord platform needs.</summary>
/// <remarks>
/// <para>Get-CloudObject lists a bucket or container through the provider's official SDK and emits one CloudObject
/// per object (Provider, Bucket, Key, Name, ObjectUrl, Size, LastModified in UTC, ETag, ContentType, StorageClass,
/// DataType). Objects stream out page by page as they arrive, so Select-Object -First stops the listing early, and
/// Ctrl+C cancels the request in flight. Folder placeholder keys (ending in '/', size 0) are skipped. Pipe the
/// objects into New-EncordImageGroup, New-EncordDicomSeries or ConvertTo-EncordSpec.</para>
/// <para>The listing is recursive under -Prefix. With -Delimiter it lists one level: the folders below come out as
/// CloudPrefix objects, which can be piped back into Get-CloudObject to look inside.</para>
/// <para>ObjectUrl is built from provider, bucket, region and key, whatever endpoint was listed: S3 virtual-hosted
/// (the default), path-style or s3:// URIs, with keys encoded as the S3 console's Object URL encodes them (a space
/// is '+', a literal '+' is %2B); https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;/&lt;blob&gt; for
/// Azure, never with a SAS token; gs:// (default) or https://storage.cloud.google.com for GCS;
/// https://&lt;bucket&gt;.obs.&lt;region&gt;.otc.t-systems.com for OTC. -ObjectUrlBase sets the URL before the key
/// for stores the platform page does not name. Bucket names with dots get path-style S3 URLs, with a warning. A key
/// that the chosen style cannot carry (whitespace in an s3:// URI, a '..' segment in an https URL) gets a
/// non-terminating error that names the key and the style that would work.</para>
/// <para>Credentials: S3 uses the AWS SDK's own chain (environment, shared profiles including SSO and web identity,
/// container and instance metadata) unless -AccessKey/-SecretKey or -ProfileName are given; OTC takes the same
/// parameters and lists through the region's OBS endpoint. Azure takes -StorageAccountName with Entra ID (the Azure
/// SDK's default credential chain, which covers managed identities such as Azure Automation's), or -SasToken,
/// -StorageAccountKey or -ConnectionString. GCS uses application default credentials or -CredentialFile. Secrets are
/// accepted as SecureString or plain string and never written to any stream.</para>
/// <para>A recursive listing runs up to -ThrottleLimit requests at once (default 8): Get-CloudObject lists the
/// first page of the prefix, and when there is more and the page shows folders, it lists one level of the prefix to
/// find its folders and lists the folders side by side, splitting each again that turns out to hold more than a page.
/// Every object comes out exactly once. Each folder's objects come out in key order, folders as their pages arrive;
/// with -Sort (or -First, -Skip) the whole output is in the store's key order, exactly as -ThrottleLimit 1 (one
/// request after another) gives it. Memory stays at a few pages per folder being listed. Throttling answers (S3 503
/// SlowDown, Azure 503 ServerBusy, GCS 429) are retried by each SDK's own retry policy, with exponential back-off, up
/// to 8 retries per request (S3 keeps AWS_MAX_ATTEMPTS and AWS_RETRY_MODE when they are set).</para>
/// <para>Bad credentials, a missing bucket or an unreachable endpoint end the command with one error that names
/// provider and bucket (ErrorIds CloudAccessDenied, CloudCredentialsMissing, CloudBucketNotFound,
/// CloudEndpointUnreachable, CloudListingFailed).</para>
/// <para>The cloud SDKs load on first use into their own assembly load context (pwsh 7), so the module imports fast
/// and works beside AWS.Tools and Az modules that use other SDK versions.</para>
/// </remarks>
/// <example>
/// <code>Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ |
///     New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path spec.json</code>
/// <para>Lists every object under food-dataset/, makes one image group per folder and writes the upload spec.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider Azure -Bucket images -StorageAccountName myaccount -Delimiter / </code>
/// <para>Lists the top level of the container 'images' with Entra ID credentials: blobs as CloudObject, folders as CloudPrefix.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider GCS -Bucket example-image-bucket -DataType Video -UrlStyle Https -First 10</code>
/// <para>The first ten videos of a GCS bucket, with https://storage.cloud.google.com URLs.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider OTC -Bucket bucket-name -Region eu-de -Include *.dcm | New-EncordDicomSeries -Title scan-1</code>
/// <para>Puts every .dcm file of an Open Telekom Cloud OBS bucket into one DICOM series.</para>
/// </example>
/// <example>
/// <code>$folders = Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/Apple/ -Delimiter /
/// $folders[0] | Get-CloudObject -Region eu-west-2 -Delimiter /</code>
/// <para>Explores a bucket one level at a time: the second command lists inside the first folder the first one found.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider S3 -Bucket media -EndpointUrl https://minio.example.com -ObjectUrlBase https://minio.example.com/media/ -ProfileName minio</code>
/// <para>Lists an S3-compatible store (MinIO) with the keys of a shared-credentials profile, and builds object URLs under the store's own address.</para>
/// </example>
/// <example>
/// <code>(Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -ThrottleLimit 32 | Measure-Object).Count</code>
/// <para>Counts a large bucket's objects with up to 32 list requests in flight, one or more per folder.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider Azure -Bucket images -StorageAccountName myaccount -Sort | Export-Csv images.csv</code>
/// <para>Lists in parallel but writes the objects in key order, the same file a sequential listing (-ThrottleLimit 1) writes.</para>
/// </example>
/// <returns>EncordSpec.CloudObject for each object (with -Delimiter also EncordSpec.CloudPrefix for each folder one
/// level down), as the listing pages arrive.</returns>
/// <seealso cref="NewEncordImageGroupCommand"/>
/// <seealso cref="NewEncordDicomSeriesCommand"/>
/// <seealso cref="ConvertToEncordSpecCommand"/>
[Cmdlet(VerbsCommon.Get, "CloudObject", DefaultParameterSetName = BucketSet, SupportsPaging = true)]
[OutputType(typeof(CloudObject), typeof(CloudPrefix))]
public sealed class GetCloudObjectCommand : PSCmdlet, IDisposable
{
    private const string BucketSet = "Bucket";
    private const string PrefixObjectSet = "PrefixObject";
    private const string InventorySet = "Inventory";

    private readonly CancellationTokenSource stopping = new();
    private ProgressReporter? progress;
    private ulong matched;
    private ulong emitted;

    /// <summary>The storage service: S3 (also any S3-compatible store with -EndpointUrl), Azure, GCS or OTC.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = BucketSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = InventorySet)]
    public CloudProvider Provider { get; set; }

    /// <summary>Reads an inventory report instead of listing: an S3 Inventory manifest.json (a local path or an s3:// URL,
    /// read with the same credentials as a listing), an Azure Blob Inventory &lt;rule&gt;-manifest.json or a GCS
    /// inventory report's _manifest.json (local copies), or the folder or s3:// prefix the reports are delivered under
    /// (the newest complete report is read). The objects, keys, sizes and URLs are those a listing of the same objects
    /// gives, in key order.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InventorySet)]
    [Alias("Manifest")]
    [ValidateNotNullOrEmpty]
    public string? InventoryManifest { get; set; }

    /// <summary>With -InventoryManifest: also emit rows of non-current versions, delete markers, soft-deleted blobs and
    /// snapshots, which a listing never shows (their object URLs name the current object).</summary>
    [Parameter(ParameterSetName = InventorySet)]
    public SwitchParameter IncludeAllVersions { get; set; }

    /// <summary>The bucket to list; for Azure, the container. With -InventoryManifest: the bucket the report lists
    /// (by default the manifest's source bucket), for Azure the container to take from the account's report.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = BucketSet)]
    [Parameter(Position = 1, ParameterSetName = InventorySet)]
    [Alias("BucketName", "Container")]
    [ValidateNotNullOrEmpty]
    public string Bucket { get; set; } = "";

    /// <summary>A folder from an earlier listing with -Delimiter, to list inside it (provider, bucket and prefix come from it).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PrefixObjectSet)]
    public CloudPrefix? InputObject { get; set; }

    /// <summary>Lists only keys that start with this text, such as 'food-dataset/'. The default lists the whole bucket.</summary>
    [Parameter(Position = 2, ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = InventorySet)]
    [Alias("KeyPrefix")]
    [AllowEmptyString]
    public string Prefix { get; set; } = "";

    /// <summary>Keeps only objects whose key matches one of these wildcard patterns (case-insensitive), such as '*.jpg'.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Include { get; set; }

    /// <summary>Leaves out objects (and folders) whose key matches one of these wildcard patterns (case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Exclude { get; set; }

    /// <summary>Keeps only objects of these data types (Image, Video, Audio, Dicom, Unsupported), decided by extension, else by content type.</summary>
    [Parameter]
    public DataType[]? DataType { get; set; }

    /// <summary>Objects asked for per request (1-5000; S3 and OBS return at most 1,000). Default 1000.</summary>
    [Parameter]
    [ValidateRange(1, 5000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Lists one level only, with this separator (usually '/'): folders below come out as CloudPrefix objects.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Delimiter { get; set; }

    /// <summary>How many list requests may be in flight at once (1-64, default 8). Above 1 a recursive listing is
    /// split by folder and the folders are listed side by side; 1 lists one page after another. Listings with
    /// -Delimiter, and -First counts that one page holds, are always one request at a time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ParallelListing.DefaultThrottleLimit;

    /// <summary>Emits the objects in the store's key order, exactly as a sequential listing (-ThrottleLimit 1) would,
    /// while still listing in parallel. Without it each folder's objects come out in key order, but folders as their
    /// pages arrive. -First and -Skip imply it.</summary>
    [Parameter]
    public SwitchParameter Sort { get; set; }

    /// <summary>Where the listing requests go instead of the provider's public endpoint: a VPC endpoint, a mirror, an S3-compatible store or an emulator. Object URLs are not affected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>The object URL form: VirtualHosted (S3 default), Path or S3Uri for S3; GsUri (default) or Https for GCS. OTC and Azure have one form each.</summary>
    [Parameter]
    public CloudUrlStyle? UrlStyle { get; set; }

    /// <summary>The URL up to the key for stores the platform page does not name (MinIO and other S3-compatible stores), such as 'https://minio.example.com/bucket/'. Keys are percent-encoded after it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ObjectUrlBase { get; set; }

    /// <summary>The S3 or OTC region (eu-west-2, eu-de). For S3 it defaults to the SDK's configured region and the bucket's own location; OTC needs it.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>S3/OTC: the AWS shared config or credentials profile to use (keys, SSO, role, web identity, credential_process).</summary>
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>S3/OTC: the access key ID; give -SecretKey with it.</summary>
    [Parameter]
    [Alias("AK", "AccessKeyId")]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>S3/OTC: the secret access key, as SecureString or string.</summary>
    [Parameter]
    [Alias("SK", "SecretAccessKey")]
    [SecretTransformation]
    public SecureString? SecretKey { get; set; }

    /// <summary>S3/OTC: the session token of temporary credentials, as SecureString or string.</summary>
    [Parameter]
    [Alias("ST")]
    [SecretTransformation]
    public SecureString? SessionToken { get; set; }

    /// <summary>Azure: the storage account. Alone, it signs in with Entra ID (environment, workload or managed identity, Azure CLI or PowerShell sign-in).</summary>
    [Parameter]
    [Alias("AccountName")]
    [ValidateNotNullOrEmpty]
    public string? StorageAccountName { get; set; }

    /// <summary>Azure: a SAS token for the account or container, as SecureString or string. It is used for listing only and never appears in object URLs.</summary>
    [Parameter]
    [SecretTransformation]
    public SecureString? SasToken { get; set; }

    /// <summary>Azure: the storage account key, as SecureString or string.</summary>
    [Parameter]
    [Alias("AccountKey")]
    [SecretTransformation]
    public SecureString? StorageAccountKey { get; set; }

    /// <summary>Azure: a storage connection string, as SecureString or string; it names the account itself.</summary>
    [Parameter]
    [SecretTransformation]
    public SecureString? ConnectionString { get; set; }

    /// <summary>GCS: a credential file (service account key, authorized user or workload identity federation) instead of application default credentials.</summary>
    [Parameter]
    [Alias("KeyFile", "JsonKeyFile")]
    [ValidateNotNullOrEmpty]
    public string? CredentialFile { get; set; }

    protected override void BeginProcessing()
    {
        if (!string.IsNullOrEmpty(AccessKey) && SecretKey is null)
            ThrowParameterError("SecretKeyMissing", "-AccessKey needs -SecretKey.");
        if (SecretKey is not null && string.IsNullOrEmpty(AccessKey))
            ThrowParameterError("AccessKeyMissing", "-SecretKey needs -AccessKey.");
        progress = new ProgressReporter(this, 1, "Get-CloudObject");
    }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
            List(InputObject.Provider, InputObject.Bucket, InputObject.Prefix);
        else if (InventoryManifest is not null)
            ReadInventory();
        else
            List(Provider, Bucket, Prefix ?? "");
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        if (PagingParameters.IncludeTotalCount)
            WriteObject(PagingParameters.NewTotalCount(matched, 1.0));
    }

    protected override void StopProcessing() => stopping.Cancel();

    private void List(CloudProvider provider, string bucket, string prefix)
    {
        if (emitted >= PagingParameters.First && !PagingParameters.IncludeTotalCount)
            return; // -First was reached by an earlier folder from the pipeline
        var options = CreateOptions(provider, bucket);
        var scrubber = new SecretScrubber(options.Secrets());
        var filter = new CloudObjectFilter(Include, Exclude, DataType);
        var request = new CloudListingRequest(prefix, Delimiter, EffectivePageSize(filter));

        using var lister = Run(options, scrubber, () => CloudListerLoader.Create(options));
        var location = Run(options, scrubber, () => SequentialListing.Wait(lister.LocateAsync(stopping.Token), stopping.Token));
        if (location.Warning is not null)
            WriteWarning(scrubber.Scrub(location.Warning));
        var urls = CreateUrlBuilder(options, location);
        var reader = new CloudListingReader(urls, filter, request.Delimiter);
        WriteVerbose($"Listing {options.Describe()} under '{prefix}' ({(request.Delimiter is null ? "recursively" : "one level")}, " +
                     $"{request.PageSize} per page) at {options.EndpointUrl ?? "the provider's endpoint"}; object URLs: {urls.Style?.ToString() ?? ObjectUrlBase}.");

        using var parallel = UsesParallelListing(request)
            ? new ParallelListing(lister, request, ThrottleLimit, Sort || IsPaging, KeyOrder.For(provider))
            : null;
        var chunks = parallel?.Read(stopping.Token) ?? SequentialListing.Chunks(lister, request, stopping.Token);
        Emit(chunks, reader, options, scrubber, $"objects from {options.Describe()}");
        if (parallel is not null)
            WriteVerbose($"Listed with {parallel.Requests} requests, up to {ThrottleLimit} at a time; {parallel.Splits} prefixes split into their folders.");
    }

    /// <summary>-InventoryManifest: the report's objects, through the same reader, filter and paging as a listing.</summary>
    private void ReadInventory()
    {
        string manifest = InventoryManifest!.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)
            ? InventoryManifest : SessionState.Path.GetUnresolvedProviderPathFromPSPath(InventoryManifest);
        string store = manifest.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? manifest.Substring(5).Split('/')[0] : "inventory";
        var options = CreateOptions(Provider, store);
        var scrubber = new SecretScrubber(options.Secrets());
        var request = new InventoryReportRequest(Provider, manifest, options)
        {
            Prefix = Prefix ?? "",
            Container = Provider == CloudProvider.Azure && Bucket.Length > 0 ? Bucket : null,
            IncludeAllVersions = IncludeAllVersions,
            ThrottleLimit = Math.Min(ThrottleLimit, Environment.ProcessorCount * 2),
        };
        if (Provider == CloudProvider.Azure && request.Container is null)
            ThrowParameterError("ContainerMissing", "An Azure inventory report covers the whole storage account: give the container as -Bucket.");
        using var reader = Run(options, scrubber, () => CloudListerLoader.CreateInventoryReader(request));
        var report = reader.Report;
        string bucket = Bucket.Length > 0 ? Bucket : report.SourceBucket
            ?? throw new PSArgumentException("The manifest does not name the bucket it lists; give it as -Bucket.");
        var urlOptions = CreateOptions(Provider, bucket);
        var urls = CreateUrlBuilder(urlOptions, new CloudBucketLocation(Region, StorageAccountName ?? report.AccountName));
        WriteVerbose($"Reading {report.Describe()}, made {report.Created:u}; object URLs: {urls.Style?.ToString() ?? ObjectUrlBase}.");
        var listingReader = new CloudListingReader(urls, new CloudObjectFilter(Include, Exclude, DataType), null);
        Emit(InventoryListing.Chunks(reader, request.Prefix, stopping.Token), listingReader, options, scrubber, $"objects from {report.Describe()}");
    }

    private void Emit(IEnumerable<ListingChunk> chunks, CloudListingReader reader, CloudListerOptions options, SecretScrubber scrubber, string progressNoun)
    {
        using var pending = chunks.GetEnumerator();
        while (Run(options, scrubber, pending.MoveNext))
        {
            var chunk = pending.Current;
            if (chunk.Note is not null)
                WriteVerbose(chunk.Note);
            foreach (object item in reader.Read(chunk.Page))
            {
                if (item is UnaddressableObject unaddressable)
                {
                    WriteError(new ErrorRecord(new ArgumentException(unaddressable.Message), "KeyHasNoObjectUrl",
                        ErrorCategory.InvalidData, unaddressable.Object));
                    continue;
                }
                if (++matched <= PagingParameters.Skip)
                    continue;
                if (emitted >= PagingParameters.First)
                {
                    if (PagingParameters.IncludeTotalCount)
                        continue;
                    return; // leaving disposes the listing, which cancels the requests in flight
                }
                if (item is CloudObject cloudObject)
                    chunk.Partition.Stamp(cloudObject);
                WriteObject(item);
                emitted++;
                progress!.Report((long)emitted, progressNoun);
            }
            if (chunk.CompletesPartition)
                chunk.Partition.MarkComplete();
        }
    }

    private bool IsPaging => PagingParameters.First != ulong.MaxValue || PagingParameters.Skip > 0;

    /// <summary>Parallel for recursive listings of more than one page: a one-level listing, or a -First that one
    /// small page holds, gains nothing from it.</summary>
    private bool UsesParallelListing(CloudListingRequest request) =>
        ThrottleLimit > 1 && request.Delimiter is null && request.PageSize == PageSize;

    /// <summary>Asks for no more than -First needs when nothing is filtered out (a small -First makes a small first page).</summary>
    private int EffectivePageSize(CloudObjectFilter filter)
    {
        ulong wanted = PagingParameters.First + PagingParameters.Skip;
        bool exact = filter.IsEmpty && Delimiter is null && !PagingParameters.IncludeTotalCount && PagingParameters.First != ulong.MaxValue;
        return exact && wanted < (ulong)PageSize ? (int)Math.Max(wanted, 1UL) : PageSize;
    }

    private ObjectUrlBuilder CreateUrlBuilder(CloudListerOptions options, CloudBucketLocation location)
    {
        try
        {
            var urls = new ObjectUrlBuilder(options.Provider, options.Bucket, location.Region ?? options.Region, UrlStyle,
                ObjectUrlBase, location.AccountName);
            if (urls.Warning is not null)
                WriteWarning(urls.Warning);
            return urls;
        }
        catch (ArgumentException e)
        {
            ThrowParameterError("ObjectUrlNotPossible", $"Object URLs for {options.Describe()}: {e.Message}");
            throw; // not reached
        }
    }

    /// <summary>Runs a step that talks to the store: a cancellation from Ctrl+C stops the pipeline, a listing
    /// failure ends the command with one clear error.</summary>
    private T Run<T>(CloudListerOptions options, SecretScrubber scrubber, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (CloudStorageException e)
        {
            ThrowTerminatingError(CloudErrorRecords.ForFailure(e, options, scrubber));
        }
        catch (System.IO.InvalidDataException e)
        {
            // A report that cannot be trusted: nothing of it has been written.
            ThrowTerminatingError(ErrorRecords.Terminating("InventoryReportInvalid", scrubber.Scrub(e.Message), ErrorCategory.InvalidData, InventoryManifest));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException && InventoryManifest is not null)
        {
            ThrowTerminatingError(ErrorRecords.Terminating("InventoryReportUnreadable", scrubber.Scrub(e.Message), ErrorCategory.InvalidArgument, InventoryManifest));
        }
        catch (Exception e) when (e is not PipelineStoppedException and not OutOfMemoryException)
        {
            var failure = new CloudStorageException(CloudErrorKind.Failed, $"{e.GetType().Name}: {e.Message}");
            ThrowTerminatingError(CloudErrorRecords.ForFailure(failure, options, scrubber));
        }
        throw new InvalidOperationException("Not reached: ThrowTerminatingError throws.");
    }

    private CloudListerOptions CreateOptions(CloudProvider provider, string bucket) => new(provider, bucket)
    {
        Region = Region,
        EndpointUrl = EndpointUrl,
        ProfileName = ProfileName,
        AccessKey = AccessKey,
        SecretKey = SecretTransformationAttribute.Reveal(SecretKey),
        SessionToken = SecretTransformationAttribute.Reveal(SessionToken),
        StorageAccountName = StorageAccountName,
        SasToken = SecretTransformationAttribute.Reveal(SasToken),
        StorageAccountKey = SecretTransformationAttribute.Reveal(StorageAccountKey),
        ConnectionString = SecretTransformationAttribute.Reveal(ConnectionString),
        CredentialFile = CredentialFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CredentialFile),
    };

    private void ThrowParameterError(string errorId, string message) =>
        ThrowTerminatingError(ErrorRecords.Terminating(errorId, message, ErrorCategory.InvalidArgument, null));

    public void Dispose() => stopping.Dispose();
}
