using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Lists an Azure Blob container with Azure.Storage.Blobs: Entra ID through DefaultAzureCredential (which
/// covers managed identities, Azure Automation's too), a SAS token, the account key or a connection string.</summary>
internal sealed partial class AzureBlobLister : ICloudObjectLister
{
    private readonly CloudListerOptions options;
    private readonly StorageErrors errors;
    private readonly BlobContainerClient container;
    private readonly string accountName;

    public AzureBlobLister(CloudListerOptions options)
    {
        this.options = options;
        errors = new StorageErrors(options);
        var clientOptions = new BlobClientOptions();
        // Throttling (503 ServerBusy, 429) and transient errors: the SDK's exponential retry policy, with more retries
        // than its default 5 for parallel listings, and fewer for an endpoint that refuses connections.
        clientOptions.RetryPolicy = new AzureRetryPolicy(options.SdkRetries ?? CloudListerOptions.DefaultSdkRetries, options.RequestTimeout);
        clientOptions.Retry.NetworkTimeout = options.SdkTimeout;
        BlobServiceClient service;
        try
        {
            service = CreateService(options, clientOptions);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            // Parsing messages may quote the connection string or key: the scrubber masks them.
            throw errors.Create(CloudErrorKind.CredentialsMissing, "the Azure credentials or endpoint are malformed: " + e.Message);
        }
        errors.ClientEndpoint = service.Uri;
        container = service.GetBlobContainerClient(options.Bucket);
        accountName = options.StorageAccountName ?? service.AccountName;
    }

    private static BlobServiceClient CreateService(CloudListerOptions options, BlobClientOptions clientOptions)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString))
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        if (string.IsNullOrEmpty(options.StorageAccountName) && options.EndpointUrl is null)
            throw new CloudStorageException(CloudErrorKind.CredentialsMissing,
                "Azure listing needs -StorageAccountName (or -ConnectionString, or -EndpointUrl with the account in it).");
        var endpoint = new Uri(options.EndpointUrl ?? $"https://{options.StorageAccountName}.blob.core.windows.net");
        if (!string.IsNullOrEmpty(options.SasToken))
            return new BlobServiceClient(endpoint, new AzureSasCredential(options.SasToken!.TrimStart('?')), clientOptions);
        if (!string.IsNullOrEmpty(options.StorageAccountKey))
        {
            string account = options.StorageAccountName ?? new BlobUriBuilder(endpoint).AccountName;
            return new BlobServiceClient(endpoint, new StorageSharedKeyCredential(account, options.StorageAccountKey), clientOptions);
        }
        return new BlobServiceClient(endpoint, new DefaultAzureCredential(), clientOptions);
    }

    public Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CloudBucketLocation(null, accountName));

    public async Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken)
    {
        try
        {
            // Without a delimiter the service lists flat, so one call serves both kinds of listing.
            // A key range: startFrom (service version 2026-02-06 and later) is inclusive, the caller drops the start
            // key itself; List Blobs has no end key for XML answers, so the caller stops at its range's end.
            var options = new GetBlobsByHierarchyOptions { Prefix = request.Prefix, Delimiter = request.Delimiter, StartFrom = request.StartAfter };
            var page = await AsyncPages.FirstAsync(
                container.GetBlobsByHierarchyAsync(options, cancellationToken).AsPages(continuationToken, request.PageSize),
                cancellationToken).ConfigureAwait(false);
            if (page is null)
                return new CloudListingPage(Array.Empty<CloudObject>(), Array.Empty<string>(), null);
            var objects = new List<CloudObject>(page.Values.Count);
            var prefixes = new List<string>();
            foreach (var item in page.Values)
            {
                if (item.IsPrefix)
                    prefixes.Add(item.Prefix);
                else
                    objects.Add(ToCloudObject(item.Blob));
            }
            return new CloudListingPage(objects, prefixes, page.ContinuationToken);
        }
        catch (Exception e)
        {
            throw errors.Translate(e, cancellationToken, Classify);
        }
    }

    private CloudObject ToCloudObject(BlobItem blob) => new(CloudProvider.Azure, options.Bucket, blob.Name)
    {
        Size = blob.Properties.ContentLength ?? 0,
        LastModified = blob.Properties.LastModified?.UtcDateTime ?? default,
        ETag = StorageErrors.Unquote(blob.Properties.ETag?.ToString()),
        ContentType = string.IsNullOrEmpty(blob.Properties.ContentType) ? null : blob.Properties.ContentType,
        StorageClass = blob.Properties.AccessTier?.ToString(),
    };

    private static StorageFailure? Classify(Exception exception)
    {
        switch (exception)
        {
            case CredentialUnavailableException or AuthenticationFailedException:
                return new StorageFailure(CloudErrorKind.CredentialsMissing, "no Entra ID credential was available: " + FirstLine(exception.Message));
            case RequestFailedException { Status: > 0 } e:
                string detail = $"{e.ErrorCode ?? "error"} (HTTP {e.Status}): {FirstLine(e.Message)}";
                return e.ErrorCode switch
                {
                    "ContainerNotFound" or "ResourceNotFound" or "AccountNotFound" => new StorageFailure(CloudErrorKind.BucketNotFound, detail),
                    _ when e.Status is 401 or 403 => new StorageFailure(CloudErrorKind.AccessDenied, detail),
                    _ when e.Status == 404 => new StorageFailure(CloudErrorKind.BucketNotFound, detail),
                    _ => new StorageFailure(CloudErrorKind.Failed, detail, StorageErrors.IsRetriedStatus(e.Status)),
                };
            default:
                return null;
        }
    }

    /// <summary>RequestFailedException messages continue with status, error code and headers; the first line says it.</summary>
    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }

    public void Dispose()
    {
        // BlobContainerClient holds no disposable resources; its HTTP pipeline is shared.
    }
}
