using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using EncordSpec.Loading;
using EncordSpec.Listing;
using EncordSpec.Media;
using EncordSpec.Urls;

namespace EncordSpec.Cmdlets;

/// <summary>Lists the objects of an S3, Azure Blob, GCS or Open Telekom Cloud bucket, each with the object URL the Encord platform needs.</summary>
[Cmdlet(VerbsCommon.Get, "CloudObject", DefaultParameterSetName = BucketSet, SupportsPaging = true)]
[OutputType(typeof(CloudObject), typeof(CloudPrefix))]
public sealed partial class GetCloudObjectCommand : CancellableCmdlet
{
    private const string BucketSet = "Bucket";
    private const string PrefixObjectSet = "PrefixObject";
    private const string InventorySet = "Inventory";
    /// <summary>The table view (EncordSpec.Storage.format.ps1xml) that shows the media values beside the key.</summary>
    private const string MediaViewTypeName = "EncordSpec.CloudObject#MediaMetadata";

    private ProgressReporter? progress;
    private ListingPaging? paging;
    /// <summary>The key of the last object or folder written: with a listing in key order, everything up to it was.</summary>
    private string? lastWrittenKey;
    /// <summary>Objects and folders written to the pipeline (paging counts them as listed, before -MediaMetadata's reads).</summary>
    private ulong written;

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

    /// <summary>Keeps only objects whose file name matches one of these wildcard patterns (case-insensitive), such as
    /// '*.jpg', as Get-ChildItem -Include does; a pattern with a '/' matches the whole key, such as 'camera1/*'.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Include { get; set; }

    /// <summary>Leaves out objects (and folders) whose name matches one of these wildcard patterns (case-insensitive),
    /// such as 'Thumbs.db' in every folder; a pattern with a '/' matches the whole key, such as 'old/*'.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Exclude { get; set; }

    /// <summary>Keeps only objects of these data types (Image, Video, Audio, Text, Pdf, Nifti, Dicom, Unsupported), decided
    /// by extension as the platform documents its file types (about_EncordSpec), else by content type. Naming a type
    /// here also tells ConvertTo-EncordSpec that you want it: text files are written only when listed with -DataType
    /// Text. With Dicom, a file that neither tells (no extension, or a UID's digits after the last dot, and no content
    /// type, as S3 lists every object) is read at byte 128 for the DICM marker that DICOM files carry: one ranged read
    /// of 4 bytes per such file.</summary>
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

    /// <summary>How many list requests may be in flight at once (1-64, default 8). Above 1 a recursive listing of
    /// more than a page is split: a one-level listing after its first page names the folders, and each folder is
    /// listed side by side with requests for that folder only (on S3 and S3-compatible stores its first request also
    /// takes in what lies between it and the folder before, so folders a store such as s3rver leaves out of one-level
    /// listings are listed all the same; Azure and GCS show every folder); a folder,
    /// or a flat prefix, that turns out large is split further into key ranges: S3 and OBS with start-after, GCS with
    /// startOffset/endOffset, Azure with startFrom (List Blobs service version 2026-02-06 and later; a store that
    /// ignores the start key is listed one page after another, and nothing is missed). Every object comes out exactly
    /// once; 1 lists one page after another. Listings with -Delimiter, and -First counts
    /// that one page holds, are always one request at a time. With -InventoryManifest: how many of the report's data
    /// files are read and checked at once (at most one per processor).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ParallelListing.DefaultThrottleLimit;

    /// <summary>Reads each image, video, audio, PDF and text object's media metadata from its own header (a ranged
    /// read of its first few KB, and of the few other ranges some formats keep it in), up to -ThrottleLimit objects at
    /// a time, into its MediaMetadata property: the values ConvertTo-EncordSpec writes as imageMetadata, videoMetadata,
    /// audioMetadata, pdfMetadata or textMetadata.</summary>
    [Parameter]
    public SwitchParameter MediaMetadata { get; set; }

    /// <summary>Emits the objects in the store's key order, exactly as a sequential listing (-ThrottleLimit 1) would,
    /// while still listing in parallel. Without it the objects of each key range come out in key order, but ranges
    /// as their pages arrive. -First, -Skip and -MediaMetadata imply it.</summary>
    [Parameter]
    public SwitchParameter Sort { get; set; }

    /// <summary>Lists only the keys after this one in the store's key order, as S3's start-after does: the value a
    /// listing that failed part-way names in its error, to go on where it stopped (give the same other parameters).
    /// S3 and OBS start there themselves, GCS with startOffset, Azure with startFrom; keys up to it that a store lists
    /// anyway are dropped. With -Delimiter a folder that holds the key is listed again.</summary>
    [Parameter(ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = PrefixObjectSet)]
    [ArgumentCompleter(typeof(StartAfterCompleter))]
    [ValidateNotNullOrEmpty]
    public string? StartAfter { get; set; }

    /// <summary>How long one list request may take, in seconds (1-3600, default 30), the SDK's own retries of
    /// throttling and server errors included. A request that takes longer is cancelled and tried again (up to 3 more
    /// times, waiting 1, 2 and 4 s), as is an answer that came back cut short or malformed, or still throttled; then
    /// the listing ends with one error that says how many objects were emitted and the -StartAfter value to go on
    /// from.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = CloudListerOptions.DefaultTimeoutSec;

    /// <summary>How many times a request is tried again after a fault that usually passes (0-100), as
    /// Invoke-RestMethod's parameter of that name: throttling and server errors, which each SDK's retry policy retries
    /// with exponential back-off from about a second (default 8; S3 keeps AWS_MAX_ATTEMPTS where it is set; Azure and
    /// GCS make as many as fit in half of -TimeoutSec), and then the listing, for those and for time-outs and pages cut
    /// short or malformed (default 3, waiting 1, 2, 4 s). Lower it where a runbook should fail fast and try again
    /// later; -TimeoutSec still bounds each request, the SDK's retries included.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int? MaximumRetryCount { get; set; }

    /// <summary>Where the listing requests go instead of the provider's public endpoint: a VPC endpoint, a mirror, an S3-compatible store or an emulator. Object URLs are not affected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>The object URL form: VirtualHosted (S3 default), Path or S3Uri for S3; GsUri (default) or Https for GCS. OTC and Azure have one form each.</summary>
    [Parameter]
    // A string, not the CloudUrlStyle enum: PowerShell completes an enum parameter with all its values before any
    // completer, and GsUri is no choice for S3. The value is parsed as a CloudUrlStyle.
    [ArgumentCompleter(typeof(UrlStyleCompleter))]
    [ValidateNotNullOrEmpty]
    public string? UrlStyle { get; set; }

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
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
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

    /// <summary>Credentials as an object users already hold: a PSCredential (S3/OTC: access key id as user name, secret
    /// key as password; Azure: storage account name and key, as Get-Credential makes it or Get-AutomationPSCredential
    /// returns it) or an AWSCredentials object of AWS.Tools (S3/OTC, with its session token). Instead of -AccessKey and
    /// -SecretKey, or -StorageAccountName and -StorageAccountKey.</summary>
    [Parameter]
    public object? Credential { get; set; }

    protected override void BeginProcessing()
    {
        if (Credential is not null && (AccessKey is not null || SecretKey is not null || StorageAccountKey is not null || ProfileName is not null))
            ThrowParameterError("CredentialTwice", "Give -Credential or the keys (-AccessKey/-SecretKey, -StorageAccountKey, -ProfileName), not both.");
        if (!string.IsNullOrEmpty(AccessKey) && SecretKey is null)
            ThrowParameterError("SecretKeyMissing", "-AccessKey needs -SecretKey.");
        if (SecretKey is not null && string.IsNullOrEmpty(AccessKey))
            ThrowParameterError("AccessKeyMissing", "-SecretKey needs -AccessKey.");
        progress = new ProgressReporter(this, 1, "Get-CloudObject");
        paging = new ListingPaging(PagingParameters.First, PagingParameters.Skip, PagingParameters.IncludeTotalCount);
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
            WriteObject(PagingParameters.NewTotalCount(paging!.Matched, 1.0));
    }

    private void List(CloudProvider provider, string bucket, string prefix)
    {
        if (paging!.IsFinished)
            return; // -First was reached by an earlier folder from the pipeline
        if (ProviderParameters.Misplaced(provider, MyInvocation.BoundParameters.Keys) is { } misplaced)
            ThrowParameterError("ParameterNotForProvider", misplaced);
        var inherited = InputObject?.Listing;
        var options = CreateOptions(provider, bucket, inherited?.Options);
        var urlStyle = Given(nameof(UrlStyle), ParsedUrlStyle(provider), inherited?.UrlStyle);
        string? objectUrlBase = Given(nameof(ObjectUrlBase), ObjectUrlBase, inherited?.ObjectUrlBase);
        var scrubber = new SecretScrubber(options.Secrets());
        // -DataType Dicom also looks at files the listing cannot classify (no extension, no content type) for the DICM marker.
        bool findDicom = DataType is { } wanted && Array.IndexOf(wanted, EncordSpec.DataType.Dicom) >= 0;
        bool keepUnsupported = DataType is null || Array.IndexOf(DataType, EncordSpec.DataType.Unsupported) >= 0;
        var filter = new CloudObjectFilter(Include, Exclude,
            findDicom && !keepUnsupported ? System.Linq.Enumerable.Append(DataType!, EncordSpec.DataType.Unsupported) : DataType);
        var request = new CloudListingRequest(prefix, Delimiter, paging.PageSize(PageSize, everyListedObjectCounts: filter.IsEmpty && Delimiter is null))
        {
            StartAfter = StartAfter,
        };

        using var sdkLister = Run(options, scrubber, () => CloudListerLoader.Create(options));
        var lister = new RetryingLister(sdkLister, options);
        var markerReader = findDicom ? sdkLister as ICloudObjectReader : null;
        var location = Run(options, scrubber, () => SequentialListing.Wait(lister.LocateAsync(StopToken), StopToken));
        if (location.Warning is not null)
            WriteWarning(scrubber.Scrub(location.Warning));
        var urls = CreateUrlBuilder(options, location, urlStyle, objectUrlBase);
        var reader = new CloudListingReader(urls, filter, request.Delimiter);
        WriteVerbose($"Listing {options.Describe()} under '{prefix}' ({(request.Delimiter is null ? "recursively" : "one level")}, " +
                     $"{request.PageSize} per page) at {options.EndpointForDisplay ?? "the provider's endpoint"}; object URLs: {urls.Style?.ToString() ?? objectUrlBase}.");
        // A folder piped back lists as this listing did, with the region its URLs were built for.
        var asListed = CreateOptions(provider, bucket, inherited?.Options);
        asListed.Region = location.Region ?? options.Region;
        var prefixListing = new PrefixListing(asListed, urls.Style, objectUrlBase);

        // -MediaMetadata holds objects while their headers are read, past the pages the listing counts as written, so
        // it takes them in key order too: then a listing that fails part-way resumes from the last object written.
        bool inKeyOrder = Sort || paging.IsPaging || MediaMetadata;
        using var parallel = UsesParallelListing(request)
            ? new ParallelListing(lister, request, ThrottleLimit, inKeyOrder, KeyOrder.For(provider),
                showsEveryFolder: provider is CloudProvider.Azure or CloudProvider.GCS)
            : null;
        var chunks = parallel?.Read(StopToken) ?? SequentialListing.Chunks(lister, request, StopToken, KeyOrder.For(provider));
        var media = MediaMetadata ? Run(options, scrubber, () => new MediaMetadataReader(MediaProbeLoader.Create(), (ICloudObjectReader)sdkLister, ThrottleLimit)) : null;
        var emittedBefore = paging.Emitted;
        lastWrittenKey = null;
        // Unsorted, a parallel listing writes key ranges side by side: only it knows up to where everything was written.
        bool sideBySide = parallel is not null && !inKeyOrder;
        Emit(chunks, reader, options, scrubber, $"objects {(media is null ? "" : "listed ")}from {options.Describe()}",
            new ListedAs(prefix, prefixListing, findDicom ? markerReader : null, keepUnsupported), media,
            () => ResumeAdvice(sideBySide ? parallel!.ResumeAfter : lastWrittenKey ?? StartAfter, sideBySide));
        if (lister.Retries > 0)
            WriteVerbose($"Tried {lister.Retries} list requests again that timed out or came back unreadable.");
        if (parallel is not null)
            WriteVerbose($"Listed with {parallel.Requests} requests, up to {ThrottleLimit} at a time; {parallel.Splits} key ranges split in two.");
        if (media is not null)
            WriteVerbose($"Read the media headers of {media.Probed} objects, up to {media.ThrottleLimit} at a time; {media.Failed} could not be read.");
        if (paging.Emitted == emittedBefore && prefix.StartsWith("/", StringComparison.Ordinal))
            WriteWarning($"Nothing in {options.Describe()} starts with '{prefix}'. Keys seldom start with '/': to list the folder, use -Prefix '{prefix.TrimStart('/')}'.");
    }

    /// <summary>-InventoryManifest: the report's objects, through the same reader, filter, paging and partition
    /// stamping as a listing.</summary>
    private void ReadInventory()
    {
        if (MediaMetadata)
            ThrowParameterError("MediaMetadataWithInventory", "-MediaMetadata reads each object's header from the live bucket, which an inventory report does not open. List the bucket (or a -Prefix of it) instead.");
        if (Delimiter is not null)
            ThrowParameterError("DelimiterWithInventory", "-Delimiter lists one level of a live bucket; an inventory report is read whole. Narrow it with -Prefix.");
        if (Provider == CloudProvider.Azure && Bucket.Length == 0)
            ThrowParameterError("ContainerMissing", "An Azure inventory report covers the whole storage account: give the container as -Bucket.");
        string manifest = InventoryListing.IsInStore(InventoryManifest!)
            ? InventoryManifest! : SessionState.Path.GetUnresolvedProviderPathFromPSPath(InventoryManifest);
        var store = CreateOptions(Provider, InventoryListing.StoreBucket(manifest), null);
        var scrubber = new SecretScrubber(store.Secrets());
        var request = new InventoryReportRequest(Provider, manifest, store)
        {
            Prefix = Prefix ?? "",
            Container = Provider == CloudProvider.Azure ? Bucket : null,
            IncludeAllVersions = IncludeAllVersions,
            ThrottleLimit = ThrottleLimit,
        };
        using var reader = Run(store, scrubber, () => CloudListerLoader.CreateInventoryReader(request));
        var report = reader.Report;
        string bucket = InventoryListing.ListedBucket(Bucket, report)
            ?? ThrowParameterError<string>("BucketMissing", $"{report.Describe()} does not name the bucket it lists; give it as -Bucket.");
        var urls = CreateUrlBuilder(CreateOptions(Provider, bucket, null), new CloudBucketLocation(Region, StorageAccountName ?? report.AccountName),
            ParsedUrlStyle(Provider), ObjectUrlBase);
        WriteVerbose($"Reading {report.Describe()}, made {report.Created:u}; object URLs: {urls.Style?.ToString() ?? ObjectUrlBase}.");
        var listingReader = new CloudListingReader(urls, new CloudObjectFilter(Include, Exclude, DataType), delimiter: null);
        Emit(InventoryListing.Chunks(reader, request.Prefix, StopToken), listingReader, store, scrubber, $"objects from {report.Describe()}",
            new ListedAs(request.Prefix, null, null, true));
    }

    /// <summary>What the objects of one listing carry on: the -Prefix it listed (for -GroupBy Folder's titles), how its
    /// folders list inside themselves, and for -DataType Dicom the reader that looks for the DICM marker in files the
    /// listing could not classify, which are kept only when Unsupported was asked for.</summary>
    private sealed record ListedAs(string Prefix, PrefixListing? Folders, ICloudObjectReader? DicomReader, bool KeepUnsupported);

    /// <summary>Writes what <see cref="ListingEmitter"/> makes of the chunks: objects and folders, an error per key no
    /// URL can carry, notes for -Verbose; with <paramref name="media"/> each media file after its header was read,
    /// and an error for each whose header could not be.</summary>
    private void Emit(IEnumerable<ListingChunk> chunks, CloudListingReader reader, CloudListerOptions options, SecretScrubber scrubber, string progressNoun,
        ListedAs listed, MediaMetadataReader? media = null, Func<string>? resumeAdvice = null)
    {
        var emitter = new ListingEmitter(reader, paging!);
        var items = media is null ? emitter.Emit(chunks) : emitter.Emit(chunks, inOrder => media.ReadListing(inOrder, StopToken));
        using var pending = items.GetEnumerator();
        while (Run(options, scrubber, pending.MoveNext, resumeAdvice))
        {
            switch (pending.Current)
            {
                case ListingNote note:
                    WriteVerbose(note.Text);
                    break;
                case UnaddressableObject unaddressable:
                    WriteError(new ErrorRecord(new ArgumentException(unaddressable.Message), "KeyHasNoObjectUrl",
                        ErrorCategory.InvalidData, unaddressable.Object));
                    break;
                case MediaReadResult unread:
                    WriteError(CloudErrorRecords.ForUnreadableMedia((CloudObject)unread.Item, unread.Error!, scrubber));
                    WriteListed(Stamped(unread.Item, listed), media!, progressNoun);
                    break;
                case CloudObject unclassified when listed.DicomReader is not null && unclassified.DataType == EncordSpec.DataType.Unsupported
                                                   && !IsDicomByMarker(unclassified, listed.DicomReader, options, scrubber) && !listed.KeepUnsupported:
                    break; // looked at for -DataType Dicom only
                case var item:
                    WriteListed(Stamped(item, listed), media, progressNoun);
                    break;
            }
        }
    }

    private void WriteListed(object item, MediaMetadataReader? media, string progressNoun)
    {
        lastWrittenKey = item switch { CloudObject o => o.Key, CloudPrefix f => f.Prefix, _ => lastWrittenKey };
        written++;
        if (media is null)
        {
            WriteObject(item);
            progress!.Report((long)paging!.Emitted, progressNoun);
            return;
        }
        var shown = PSObject.AsPSObject(item);
        if (item is CloudObject)
            shown.TypeNames.Insert(0, MediaViewTypeName);
        WriteObject(shown);
        progress!.Report((long)paging!.Emitted, progressNoun, media.Probed, "media headers read");
    }

    /// <summary>The item with what its listing carries on: an object its -Prefix (-GroupBy Folder titles folders by
    /// their path below it), a folder how it lists inside itself.</summary>
    private static object Stamped(object item, ListedAs listed)
    {
        if (item is CloudObject cloudObject)
            cloudObject.ListedPrefix = listed.Prefix;
        else if (item is CloudPrefix folder)
            folder.Listing = listed.Folders;
        return item;
    }

    /// <summary>-UrlStyle as a CloudUrlStyle; a name that is none ends the command with the provider's styles.</summary>
    private CloudUrlStyle? ParsedUrlStyle(CloudProvider provider)
    {
        if (UrlStyle is null)
            return null;
        if (Enum.TryParse(UrlStyle, ignoreCase: true, out CloudUrlStyle style) && Enum.IsDefined(typeof(CloudUrlStyle), style))
            return style;
        return ThrowParameterError<CloudUrlStyle?>("UrlStyleUnknown", $"-UrlStyle '{UrlStyle}' is not a URL style. {provider} takes {string.Join(", ", ObjectUrlBuilder.StylesFor(provider))}.");
    }

    /// <summary>Whether a file the listing could not classify is DICOM by its marker; if so, it becomes Dicom.</summary>
    private bool IsDicomByMarker(CloudObject cloudObject, ICloudObjectReader? reader, CloudListerOptions options, SecretScrubber scrubber)
    {
        if (reader is null || !DicomMarker.IsCandidate(cloudObject))
            return false;
        if (!Run(options, scrubber, () => SequentialListing.Wait(DicomMarker.HasMarkerAsync(reader, cloudObject.Key, StopToken), StopToken)))
            return false;
        cloudObject.DataType = EncordSpec.DataType.Dicom;
        return true;
    }

    /// <summary>Parallel for recursive listings of more than one page: a one-level listing, or a -First that one
    /// small page holds, gains nothing from it.</summary>
    private bool UsesParallelListing(CloudListingRequest request) =>
        ThrottleLimit > 1 && request.Delimiter is null && request.PageSize == PageSize;

    private ObjectUrlBuilder CreateUrlBuilder(CloudListerOptions options, CloudBucketLocation location, CloudUrlStyle? urlStyle, string? objectUrlBase)
    {
        try
        {
            var urls = new ObjectUrlBuilder(options.Provider, options.Bucket, location.Region ?? options.Region, urlStyle,
                objectUrlBase, location.AccountName);
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

    /// <summary>What a listing that failed part-way says: how many objects were written and where to go on from.</summary>
    private string ResumeAdvice(string? resumeAfter, bool sideBySide)
    {
        string emitted = $"{written:N0} object{(written == 1 ? " was" : "s were")} emitted before it";
        if (resumeAfter is null)
            return $"{emitted}; run the command again to list from the start";
        StartAfterCompleter.LastResumeKey = resumeAfter;
        string again = sideBySide ? " (objects after it that came from key ranges listed side by side come again)" : "";
        return $"{emitted}; to go on from there, run the same command with -StartAfter {CloudErrorRecords.Quoted(resumeAfter)}{again}";
    }

    /// <summary>Runs a step that talks to the store: a cancellation from Ctrl+C stops the pipeline, a listing
    /// failure ends the command with one clear error (with <paramref name="resumeAdvice"/>, what was written and
    /// where to go on from).</summary>
    private T Run<T>(CloudListerOptions options, SecretScrubber scrubber, Func<T> step, Func<string>? resumeAdvice = null)
    {
        try
        {
            return UntilStopped(step);
        }
        catch (CloudStorageException e)
        {
            ThrowTerminatingError(CloudErrorRecords.ForFailure(e, options, scrubber, resumeAdvice?.Invoke()));
        }
        catch (Exception e) when (InventoryManifest is not null && CloudErrorRecords.ForReport(e, InventoryManifest, scrubber) is { } error)
        {
            ThrowTerminatingError(error);
        }
        catch (Exception e) when (e is not PipelineStoppedException and not OutOfMemoryException)
        {
            var failure = new CloudStorageException(CloudErrorKind.Failed, $"{e.GetType().Name}: {e.Message}");
            ThrowTerminatingError(CloudErrorRecords.ForFailure(failure, options, scrubber));
        }
        throw new InvalidOperationException("Not reached: ThrowTerminatingError throws.");
    }

    /// <summary>The listing's options from the parameters; for a CloudPrefix piped in, what its listing used where a
    /// parameter is not given.</summary>
    private CloudListerOptions CreateOptions(CloudProvider provider, string bucket, CloudListerOptions? inherited)
    {
        var options = CreateOptionsFromParameters(provider, bucket, inherited);
        if (Credential is not null)
        {
            try
            {
                CredentialArgument.Apply(Credential, options);
            }
            catch (ArgumentException e)
            {
                ThrowParameterError("CredentialNotUsable", e.Message);
            }
        }
        return options;
    }

    private CloudListerOptions CreateOptionsFromParameters(CloudProvider provider, string bucket, CloudListerOptions? inherited) => new(provider, bucket)
    {
        Region = Given(nameof(Region), Region, inherited?.Region),
        EndpointUrl = Given(nameof(EndpointUrl), EndpointUrl, inherited?.EndpointUrl),
        RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
        SdkRetries = Given(nameof(MaximumRetryCount), MaximumRetryCount, inherited?.SdkRetries),
        TransientRetries = Given(nameof(MaximumRetryCount), MaximumRetryCount, inherited is null ? null : (int?)inherited.TransientRetries)
            ?? CloudListerOptions.DefaultTransientRetries,
        ProfileName = Given(nameof(ProfileName), ProfileName, inherited?.ProfileName),
        AccessKey = Given(nameof(AccessKey), AccessKey, inherited?.AccessKey),
        SecretKey = Given(nameof(SecretKey), SecretTransformationAttribute.Reveal(SecretKey), inherited?.SecretKey),
        SessionToken = Given(nameof(SessionToken), SecretTransformationAttribute.Reveal(SessionToken), inherited?.SessionToken),
        StorageAccountName = Given(nameof(StorageAccountName), StorageAccountName, inherited?.StorageAccountName),
        SasToken = Given(nameof(SasToken), SecretTransformationAttribute.Reveal(SasToken), inherited?.SasToken),
        StorageAccountKey = Given(nameof(StorageAccountKey), SecretTransformationAttribute.Reveal(StorageAccountKey), inherited?.StorageAccountKey),
        ConnectionString = Given(nameof(ConnectionString), SecretTransformationAttribute.Reveal(ConnectionString), inherited?.ConnectionString),
        CredentialFile = Given(nameof(CredentialFile), CredentialFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CredentialFile), inherited?.CredentialFile),
    };

    /// <summary>A parameter's value when it was given (or nothing is inherited), else the inherited one.</summary>
    private T Given<T>(string parameter, T own, T inherited) =>
        inherited is null || MyInvocation.BoundParameters.ContainsKey(parameter) ? own : inherited;

    private void ThrowParameterError(string errorId, string message) =>
        ThrowTerminatingError(ErrorRecords.Terminating(errorId, message, ErrorCategory.InvalidArgument, null));

    private T ThrowParameterError<T>(string errorId, string message)
    {
        ThrowParameterError(errorId, message);
        throw new InvalidOperationException("Not reached: ThrowTerminatingError throws.");
    }
}
