using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.S3.Model;
using EncordSpec.Listing;
using EncordSpec.Urls;

namespace EncordSpec.Storage;

/// <summary>Lists an S3 bucket, an OTC OBS bucket (S3 API at the region's OBS endpoint) or any S3-compatible store
/// with AWSSDK.S3 and the SDK's own credential chain. Created by name from <see cref="Loading.CloudListerLoader"/>.</summary>
internal sealed partial class S3ObjectLister : ICloudObjectLister
{
    /// <summary>S3 caps MaxKeys at 1,000 whatever is asked.</summary>
    private const int MaxPageSize = 1000;

    private readonly CloudListerOptions options;
    private readonly AWSCredentials? credentials;
    private readonly StorageErrors errors;
    private AmazonS3Client client;
    private string clientRegion;

    public S3ObjectLister(CloudListerOptions options)
    {
        this.options = options;
        errors = new StorageErrors(options);
        if (options.Provider == CloudProvider.OTC && options.Region is null)
            throw new CloudStorageException(CloudErrorKind.Failed, "OTC listing needs -Region (such as eu-de or eu-nl): it chooses the OBS endpoint and is part of the object URLs.");
        string? profileRegion = null;
        credentials = ResolveCredentials(options, ref profileRegion);
        // Without a region anywhere, start at us-east-1: GetBucketLocation answers there for every bucket.
        clientRegion = options.Region ?? profileRegion ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? "us-east-1";
        client = CreateClient(clientRegion);
    }

    private static AWSCredentials? ResolveCredentials(CloudListerOptions options, ref string? profileRegion)
    {
        if (!string.IsNullOrEmpty(options.AccessKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
                : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
        }
        if (string.IsNullOrEmpty(options.ProfileName))
            return null; // the SDK's default chain: environment, default profile, web identity, container, instance
        // Read the variable now: the SDK resolves the default file path once per process, so a path set later in
        // the session (a runbook pointing at its own credentials file) would otherwise be missed.
        string? credentialsFile = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
        var chain = string.IsNullOrEmpty(credentialsFile) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(credentialsFile);
        CredentialProfile? profile;
        try
        {
            chain.TryGetProfile(options.ProfileName, out profile);
        }
        catch (System.IO.InvalidDataException e)
        {
            // The SDK quotes the malformed line, which may hold a key: the scrubber drops it and keeps file and line.
            throw new CloudStorageException(CloudErrorKind.CredentialsMissing,
                $"Reading the AWS profile '{options.ProfileName}' failed, the shared config or credentials file is malformed: {e.Message}");
        }
        if (profile is null)
            throw new CloudStorageException(CloudErrorKind.CredentialsMissing,
                $"There is no AWS profile '{options.ProfileName}' in the shared config or credentials file (~/.aws/config, ~/.aws/credentials).");
        profileRegion = profile.Region?.SystemName;
        if (!chain.TryGetAWSCredentials(options.ProfileName, out var fromProfile))
            throw new CloudStorageException(CloudErrorKind.CredentialsMissing,
                $"The AWS profile '{options.ProfileName}' holds no usable credentials (keys, SSO, role, web identity or credential_process).");
        return fromProfile;
    }

    private AmazonS3Client CreateClient(string region)
    {
        var config = new AmazonS3Config { Timeout = options.SdkTimeout };
        ConfigureRetries(config, options.SdkRetries);
        string? endpoint = options.EndpointUrl ?? (options.Provider == CloudProvider.OTC ? $"https://obs.{region}.otc.t-systems.com" : null);
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
            // Other stores (OBS, MinIO, emulators) know neither the newer default checksums nor, often,
            // bucket host names; listing needs neither.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
            config.ForcePathStyle = options.EndpointUrl is not null;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>Throttling (503 SlowDown) and transient errors are retried by the SDK's standard retry mode
    /// (exponential back-off with jitter, a retry quota per client); a parallel listing sends more requests at once, so
    /// it allows more retries than the default 2. Settings the user made (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS) stand,
    /// unless -MaximumRetryCount says otherwise for this command.</summary>
    private static void ConfigureRetries(AmazonS3Config config, int? retries)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_RETRY_MODE")))
            config.RetryMode = RequestRetryMode.Standard;
        if (retries is { } given)
            config.MaxErrorRetry = given;
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS")))
            config.MaxErrorRetry = CloudListerOptions.DefaultSdkRetries;
    }

    public async Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken)
    {
        if (options.Region is not null)
            return new CloudBucketLocation(options.Region, null);
        string? bucketRegion;
        try
        {
            var response = await client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = options.Bucket }, cancellationToken).ConfigureAwait(false);
            bucketRegion = NormalizeLocation(response.Location?.Value);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed)
        {
            return new CloudBucketLocation(clientRegion, null,
                $"Could not ask {options.Describe()} for its region ({e.ErrorCode}); its object URLs use '{clientRegion}'. Give -Region to be sure.");
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
        if (bucketRegion is null || bucketRegion == clientRegion)
            return new CloudBucketLocation(bucketRegion ?? clientRegion, null);
        if (options.EndpointUrl is null)
        {
            // List where the bucket lives: requests signed for another region are refused.
            client.Dispose();
            client = CreateClient(bucketRegion);
            clientRegion = bucketRegion;
        }
        return new CloudBucketLocation(bucketRegion, null);
    }

    /// <summary>GetBucketLocation answers "" for us-east-1 and "EU" for eu-west-1 (both historical).</summary>
    private static string? NormalizeLocation(string? location) => location switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => location,
    };

    public async Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken)
    {
        var listRequest = new ListObjectsV2Request
        {
            BucketName = options.Bucket,
            Prefix = request.Prefix,
            Delimiter = request.Delimiter,
            MaxKeys = Math.Min(request.PageSize, MaxPageSize),
            ContinuationToken = continuationToken,
            // A key range: S3 starts after this key (a continuation token, once there is one, goes on from its own
            // place); there is no end key, the caller stops at its range's end.
            StartAfter = request.StartAfter,
            // Keys may hold characters XML 1.0 cannot carry; asked for URL encoding, S3 escapes them.
            Encoding = EncodingType.Url,
        };
        ListObjectsV2Response response;
        try
        {
            response = await client.ListObjectsV2Async(listRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }

        // Decode exactly once, and only when the store says it encoded (some S3-compatible stores ignore the request).
        bool encoded = response.Encoding is not null && response.Encoding.Value == EncodingType.Url.Value;
        string Decode(string text) => encoded ? ObjectUrlParser.PercentDecode(text, plusIsSpace: true) : text;

        var objects = new List<CloudObject>(response.S3Objects?.Count ?? 0);
        if (response.S3Objects is not null)
        {
            foreach (var s3Object in response.S3Objects)
            {
                objects.Add(new CloudObject(options.Provider, options.Bucket, Decode(s3Object.Key))
                {
                    Size = s3Object.Size ?? 0,
                    LastModified = StorageErrors.ToUtc(s3Object.LastModified),
                    ETag = StorageErrors.Unquote(s3Object.ETag),
                    StorageClass = s3Object.StorageClass?.Value,
                });
            }
        }
        var prefixes = new List<string>(response.CommonPrefixes?.Count ?? 0);
        if (response.CommonPrefixes is not null)
            foreach (string prefix in response.CommonPrefixes)
                prefixes.Add(Decode(prefix));
        // A page that says more follow but gives no way to ask for them would end the listing silently short.
        if (response.IsTruncated == true && string.IsNullOrEmpty(response.NextContinuationToken))
            throw errors.Create(CloudErrorKind.Failed,
                $"the store marked a page of {objects.Count} objects as truncated (IsTruncated) but gave no continuation token, so the rest cannot be asked for");
        return new CloudListingPage(objects, prefixes, response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    /// <summary>What an S3 error means for the user, or null when it is not an S3 service error.</summary>
    private StorageFailure? Classify(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            // Its message ends with what the process wrote to stderr, which may be a key: only the exit value is kept.
            if (inner is ProcessAWSCredentialException process)
            {
                string message = process.Message;
                int quoted = message.IndexOf(" with the error", StringComparison.Ordinal);
                return new StorageFailure(CloudErrorKind.CredentialsMissing,
                    $"the credential_process of the AWS profile '{options.ProfileName}' failed ({(quoted < 0 ? "see its own log" : message.Substring(0, quoted))}); " +
                    "what it wrote is not quoted, as it may hold a secret");
            }
        }
        if (exception is not AmazonServiceException e || e.StatusCode == 0 && string.IsNullOrEmpty(e.ErrorCode))
        {
            return exception is AmazonClientException client && client.Message.IndexOf("credentials", StringComparison.OrdinalIgnoreCase) >= 0
                ? new StorageFailure(CloudErrorKind.CredentialsMissing, client.Message)
                : null;
        }
        string detail = $"{e.ErrorCode ?? e.StatusCode.ToString()} (HTTP {(int)e.StatusCode}): {e.Message}";
        switch (e.ErrorCode)
        {
            case "NoSuchBucket":
                return new StorageFailure(CloudErrorKind.BucketNotFound, detail);
            case "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "ExpiredToken" or "InvalidToken"
                or "TokenRefreshRequired" or "AllAccessDisabled" or "InvalidSecurity":
                return new StorageFailure(CloudErrorKind.AccessDenied, detail);
            case "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException":
                return new StorageFailure(CloudErrorKind.Failed, detail + " The bucket is in another region than the one asked: give its -Region.");
        }
        return e.StatusCode switch
        {
            HttpStatusCode.NotFound => new StorageFailure(CloudErrorKind.BucketNotFound, detail),
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new StorageFailure(CloudErrorKind.AccessDenied, detail),
            _ => e.StatusCode == 0 ? null : new StorageFailure(CloudErrorKind.Failed, detail, StorageErrors.IsRetriedStatus((int)e.StatusCode)),
        };
    }

    /// <summary>The client listings use, for reading inventory reports from the bucket with the same settings.</summary>
    internal AmazonS3Client Client => client;

    /// <summary>An exception from <see cref="Client"/> as the listing would report it.</summary>
    internal Exception Translate(Exception exception, CancellationToken cancellationToken) => errors.Translate(exception, cancellationToken, Classify);

    public void Dispose() => client.Dispose();
}
