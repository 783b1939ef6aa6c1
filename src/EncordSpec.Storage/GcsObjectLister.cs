using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using System.IO;
using Google;
using Google.Api.Gax;
using Google.Apis.Auth.OAuth2;

using Google.Cloud.Storage.V1;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Lists a GCS bucket with Google.Cloud.Storage.V1: application default credentials, a credential file,
/// or (with -EndpointUrl and no credential file, or STORAGE_EMULATOR_HOST) anonymous access as emulators want.</summary>
internal sealed partial class GcsObjectLister : ICloudObjectLister
{
    private readonly CloudListerOptions options;
    private readonly StorageErrors errors;
    private readonly StorageClient client;

    public GcsObjectLister(CloudListerOptions options)
    {
        this.options = options;
        errors = new StorageErrors(options);
        var builder = new StorageClientBuilder();
        if (options.EndpointUrl is not null)
        {
            builder.BaseUri = options.EndpointUrl.EndsWith("/", StringComparison.Ordinal) ? options.EndpointUrl : options.EndpointUrl + "/";
            // A custom endpoint without a credential file is an emulator or a public mirror: asking for application
            // default credentials there would probe the metadata server for nothing.
            builder.UnauthenticatedAccess = string.IsNullOrEmpty(options.CredentialFile);
        }
        else
        {
            builder.EmulatorDetection = EmulatorDetection.EmulatorOrProduction;
        }
        try
        {
            if (!string.IsNullOrEmpty(options.CredentialFile))
                builder.GoogleCredential = LoadCredentialFile(options.CredentialFile!);
            client = builder.Build();
            // Throttling (429) and transient errors: the library's retry handler backs off exponentially (1 s doubling,
            // at most 32 s) for idempotent requests such as listing; it tries 3 times by default, more here, as many
            // as fit in -TimeoutSec.
            int retries = RetryBudget.Retries(options.SdkRetries ?? CloudListerOptions.DefaultSdkRetries, options.RequestTimeout,
                TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(32));
            client.Service.HttpClient.MessageHandler.NumTries = retries + 1;
            client.Service.HttpClient.Timeout = options.SdkTimeout;
        }
        catch (Exception e) when (e is InvalidOperationException or System.IO.IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw errors.Create(CloudErrorKind.CredentialsMissing, "no Google credentials could be loaded: " + e.Message);
        }
    }

    /// <summary>A service account key, user or external account (workload identity federation) file, scoped
    /// by the client builder. The type named in the file decides which credential is made.</summary>
    private static GoogleCredential LoadCredentialFile(string path)
    {
        string? type = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(path))["type"]?.ToString();
        return type switch
        {
            JsonCredentialParameters.ServiceAccountCredentialType => CredentialFactory.FromFile<ServiceAccountCredential>(path).ToGoogleCredential(),
            JsonCredentialParameters.AuthorizedUserCredentialType => CredentialFactory.FromFile<UserCredential>(path).ToGoogleCredential(),
            JsonCredentialParameters.ImpersonatedServiceAccountCredentialType => CredentialFactory.FromFile<ImpersonatedCredential>(path).ToGoogleCredential(),
            JsonCredentialParameters.ExternalAccountAuthorizedUserCredentialType => CredentialFactory.FromFile<ExternalAccountAuthorizedUserCredential>(path).ToGoogleCredential(),
            JsonCredentialParameters.ExternalAccountCredentialType => CredentialFactory.FromFile<ExternalAccountCredential>(path) switch
            {
                UrlSourcedExternalAccountCredential url => url.ToGoogleCredential(),
                FileSourcedExternalAccountCredential file => file.ToGoogleCredential(),
                AwsExternalAccountCredential aws => aws.ToGoogleCredential(),
                var other => throw new InvalidOperationException($"The external account credential in '{path}' ({other.GetType().Name}) is not supported."),
            },
            _ => throw new InvalidOperationException($"'{path}' is not a Google credential file this module knows (its type is '{type}')."),
        };
    }

    /// <summary>The object properties <see cref="ListPageAsync"/> reads, and the page's own fields.</summary>
    internal const string ListedFields = "nextPageToken,prefixes,items(name,size,updated,etag,contentType,storageClass)";

    public Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CloudBucketLocation(null, null));

    public async Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken)
    {
        var listOptions = new ListObjectsOptions
        {
            Delimiter = request.Delimiter,
            PageSize = request.PageSize,
            PageToken = continuationToken,
            // A key range: startOffset is inclusive (the caller drops the start key itself), endOffset exclusive, so it
            // is set just above the last key wanted; the caller cuts what lies past it.
            StartOffset = request.StartAfter,
            EndOffset = request.UpTo is null ? null : request.UpTo + " ",
            RetryOptions = RetryOptions.IdempotentRetryOptions, // listing is idempotent: 408, 429 and 5xx are retried
            // A partial response: only what a CloudObject holds. The full object resource is about three times the
            // JSON (links, id, hashes, four timestamps) for the client to read and throw away.
            Fields = ListedFields,
        };
        try
        {
            var response = await AsyncPages.FirstAsync(
                client.ListObjectsAsync(options.Bucket, request.Prefix, listOptions).AsRawResponses(), cancellationToken).ConfigureAwait(false);
            if (response is null)
                return new CloudListingPage(Array.Empty<CloudObject>(), Array.Empty<string>(), null);

            var objects = new List<CloudObject>(response.Items?.Count ?? 0);
            if (response.Items is not null)
            {
                foreach (var item in response.Items)
                {
                    objects.Add(new CloudObject(CloudProvider.GCS, options.Bucket, item.Name)
                    {
                        Size = (long)(item.Size ?? 0),
                        LastModified = item.UpdatedDateTimeOffset?.UtcDateTime ?? default,
                        ETag = StorageErrors.Unquote(item.ETag),
                        ContentType = string.IsNullOrEmpty(item.ContentType) ? null : item.ContentType,
                        StorageClass = item.StorageClass,
                    });
                }
            }
            return new CloudListingPage(objects, (IReadOnlyList<string>?)response.Prefixes ?? Array.Empty<string>(), response.NextPageToken);
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
    }

    private static StorageFailure? Classify(Exception exception)
    {
        if (exception is InvalidOperationException && exception.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0)
            return new StorageFailure(CloudErrorKind.CredentialsMissing, exception.Message);
        if (exception is not GoogleApiException e || e.HttpStatusCode == 0)
            return null;
        string detail = $"HTTP {(int)e.HttpStatusCode}: {e.Error?.Message ?? e.Message}";
        return e.HttpStatusCode switch
        {
            HttpStatusCode.NotFound => new StorageFailure(CloudErrorKind.BucketNotFound, detail),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new StorageFailure(CloudErrorKind.AccessDenied, detail),
            _ => new StorageFailure(CloudErrorKind.Failed, detail, StorageErrors.IsRetriedStatus((int)e.HttpStatusCode)),
        };
    }

    public void Dispose() => client.Dispose();
}
