// What Get-Help shows of Get-CloudObject beyond its synopsis (the <summary> in ../GetCloudObjectCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

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
/// <para>A recursive listing runs up to -ThrottleLimit requests at once (default 8): when the first page is full, a
/// one-level listing names the folders and each folder is listed as a part of its own, with requests for that folder
/// only; a flat prefix or a large folder is split into key ranges (S3 and OBS start-after, GCS startOffset and
/// endOffset, Azure startFrom) whenever a request slot is idle, splitting the range with the most keys ahead, so a
/// flat folder of a million keys lists side by side as well as a tree of folders does. Every object comes out exactly
/// once. Each range's objects come out in key order,
/// ranges as their pages arrive; with -Sort (or -First, -Skip, -MediaMetadata) the whole output is in the store's key
/// order, exactly as -ThrottleLimit 1 (one request after another) gives it. Memory stays at a few pages per range
/// being listed. A store that ignores where a range starts is noticed (a verbose line says so) and listed without
/// further splitting. Ranges do not take the store's key order on trust: a split point is a guess in the order we
/// expect (UTF-8 bytes on S3, OBS and S3-compatible stores, UTF-16 code units on Azure and GCS), but each range ends
/// at the first key the next range actually got, and two one-key requests ask the store whether that key lies
/// between the ranges around it; a split it shows to be wrong is undone (a verbose line says so) and no more are
/// made. So a store that sorts keys otherwise (lower case first, say) still has every key listed once. Throttling answers (S3 503 SlowDown, Azure 503 ServerBusy, GCS 429)
/// are retried by each SDK's own retry policy, with exponential back-off, up to 8 retries per request (S3 keeps
/// AWS_MAX_ATTEMPTS and AWS_RETRY_MODE when they are set); -MaximumRetryCount changes that number. Azure and GCS
/// make as many of them as their back-off fits in half of -TimeoutSec.</para>
/// <para>Listings of millions of objects: most of the CPU a fresh pwsh spends on one listing is .NET's dynamic PGO
/// warming up the SDK's code. Setting the environment variable DOTNET_TieredPGO=0 before pwsh starts (a module cannot
/// change it afterwards) about halved the CPU time of a 200,000-object S3 listing in our benchmark (bench/README.md).</para>
/// <para>With -MediaMetadata each image, video, audio, PDF and text object also gets a MediaMetadata property: its
/// size and content type from the listing, and width, height, duration, frame rate, sample rate, channels, bit depth,
/// codec or page count from the file's own header, read through ranged GETs of its first 4 KB (and of the end of an
/// MP4 or MOV whose moov box sits there, or of a PDF's page tree). Up to -ThrottleLimit objects are read at once
/// while the listing goes on, and they come out in listing order with a table of the media values; progress shows
/// the objects listed and the headers read. An object whose header cannot be read gets a non-terminating error
/// (MediaMetadataUnreadable) naming it and is emitted without MediaMetadata. ConvertTo-EncordSpec writes these
/// values as the items' imageMetadata, videoMetadata, audioMetadata, pdfMetadata and textMetadata, so the platform need not read the files.</para>
/// <para>Bad credentials, a missing bucket or an unreachable endpoint end the command with one error that names
/// provider and bucket (ErrorIds CloudAccessDenied, CloudCredentialsMissing, CloudBucketNotFound,
/// CloudEndpointUnreachable, CloudListingFailed).</para>
/// <para>Each list request may take -TimeoutSec seconds (default 30), the SDK's own retries of throttling and server
/// errors included, the same on every provider. A request that takes longer, a connection that breaks mid-answer,
/// throttling or a server error that outlasted the SDK's retries, and a page that comes back cut short or malformed
/// are tried again up to 3 more times (after 1, 2 and 4 s; or
/// -MaximumRetryCount times). A page marked truncated without a continuation token, or a continuation token the store gave before, ends the listing
/// with an error saying so, as does a fault that outlasts the retries (or a refusal, 403, part-way through): the
/// error says how many objects were emitted and the -StartAfter value to go on from, also as the error's
/// ErrorDetails.RecommendedAction, and -StartAfter then completes with it. In key order (-ThrottleLimit 1, -Sort, -MediaMetadata)
/// everything up to that key was emitted and nothing comes twice; a parallel listing writes key ranges side by side,
/// so it names the key up to which everything was written, and objects after it may come again, none is
/// missed.</para>
/// <para>-InventoryManifest reads an inventory report instead of listing: the daily or weekly list of a bucket's
/// objects that S3 Inventory, Azure Blob Inventory and GCS Storage Insights write, which costs no list requests
/// however large the bucket. Give the run's manifest (S3 manifest.json, Azure &lt;rule&gt;-manifest.json, GCS
/// &lt;config&gt;_&lt;snapshot&gt;_manifest.json) or the folder the reports are delivered under, where the newest
/// complete run is read. S3 reports can be read where S3 delivered them (s3://destination-bucket/..., with the
/// same credentials, -Region and -EndpointUrl as a listing); Azure and GCS reports from a local copy (azcopy, gcloud
/// storage cp). CSV and Parquet reports are read. The objects are those a listing of the same bucket gives (the
/// same keys, sizes and object URLs, byte for byte), in the store's key order, with -Prefix, -Include, -Exclude,
/// -DataType, -First and -Skip applied as to a listing, so New-EncordImageGroup -GroupBy Folder still writes each
/// folder's group as soon as the report moves past it. Rows a listing would not show are left out: older versions,
/// delete markers, soft-deleted blobs, snapshots and directories of hierarchical-namespace accounts;
/// -IncludeAllVersions keeps the version rows (their object URLs name the current object, since the format has no
/// version field). An Azure report covers the whole storage account, so -Bucket names the container to take; for
/// S3 and GCS the bucket comes from the manifest. Every data file is read and checked before the first object
/// comes out (the manifest against its checksum file, each data file against the size and MD5 the manifest gives,
/// gzip files to their end), so a report cut short ends the command with one error, InventoryReportInvalid, that
/// names the file, and nothing of it goes down the pipeline. Memory stays bounded however many rows the report
/// has: data files already in key order are merged as they are read, others are sorted through temporary files
/// in the temp folder, removed afterwards.</para>
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
/// <code>Get-CloudObject -Provider OTC -Bucket bucket-name -Region eu-de -DataType Dicom | New-EncordDicomSeries -Title scan-1</code>
/// <para>Puts every DICOM file of an Open Telekom Cloud OBS bucket into one DICOM series: .dcm files, and files without
/// an extension whose content type says DICOM or whose bytes carry the DICM marker (one ranged read each).</para>
/// </example>
/// <example>
/// <code>$folders = Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/Apple/ -Delimiter /
/// $folders[0] | Get-CloudObject -Delimiter /</code>
/// <para>Explores a bucket one level at a time: the second command lists inside the first folder the first one found,
/// with the endpoint, region, URL style and credentials of the listing that found it.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider S3 -Bucket media -EndpointUrl https://minio.example.com -ObjectUrlBase https://minio.example.com/media/ -ProfileName minio</code>
/// <para>Lists an S3-compatible store (MinIO) with the keys of a shared-credentials profile, and builds object URLs under the store's own address.</para>
/// </example>
/// <example>
/// <code>(Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -ThrottleLimit 32 | Measure-Object).Count</code>
/// <para>Counts a large bucket's objects with up to 32 list requests in flight, each over its own key range.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider Azure -Bucket images -StorageAccountName myaccount -Sort | Export-Csv images.csv</code>
/// <para>Lists in parallel but writes the objects in key order, the same file a sequential listing (-ThrottleLimit 1) writes.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix clips/ -MediaMetadata |
///     ConvertTo-EncordSpec -Path spec.json</code>
/// <para>Reads each clip's size, MIME type, frame rate, duration, width and height from its header and writes them
/// into the spec as videoMetadata.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider S3 -InventoryManifest s3://inventory-dest/cord-dev/daily-images/ -Region eu-west-2 |
///     New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path spec.json</code>
/// <para>Reads the newest complete S3 Inventory report delivered under that prefix of the destination bucket, instead
/// of listing the bucket cord-dev, and writes one image group per folder. The report's data files are read with the
/// same credentials a listing would use.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider Azure -InventoryManifest ./inventory/2026/03/01/02-00-00/images-rule/images-rule-manifest.json -Bucket images -Prefix scans/ -DataType Image</code>
/// <para>The images under scans/ in the container 'images', from a local copy of an Azure Blob Inventory run (azcopy
/// copy 'https://myaccount.blob.core.windows.net/inventory/2026/03/01/02-00-00' ./inventory --recursive). The
/// account name comes from the manifest's endpoint.</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider GCS -InventoryManifest ./gcs-reports -UrlStyle Https -IncludeAllVersions | Group-Object Key | Where-Object Count -gt 1</code>
/// <para>The keys of a versioned GCS bucket that have older generations, from the newest Storage Insights report in a
/// local copy of the report folder (gcloud storage cp --recursive).</para>
/// </example>
/// <example>
/// <code>Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Sort -TimeoutSec 60 -StartAfter 'clips/2026/0412.mp4' |
///     Export-Csv objects.csv -Append</code>
/// <para>Goes on with a listing that failed part-way: the error named 'clips/2026/0412.mp4' as the last key emitted,
/// so this run appends the keys after it, each request given up to a minute.</para>
/// </example>
/// <returns>EncordSpec.CloudObject for each object (with -Delimiter also EncordSpec.CloudPrefix for each folder one
/// level down), as the listing pages arrive.</returns>
/// <seealso cref="NewEncordImageGroupCommand"/>
/// <seealso cref="NewEncordDicomSeriesCommand"/>
/// <seealso cref="ConvertToEncordSpecCommand"/>
public sealed partial class GetCloudObjectCommand;
