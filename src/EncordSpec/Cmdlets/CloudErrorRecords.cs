using System;
using System.IO;
using System.Management.Automation;
using EncordSpec.Listing;

namespace EncordSpec.Cmdlets;

/// <summary>The terminating errors of a failed listing: one stable ErrorId per kind, a message that names provider
/// and bucket and says what to check, and no secret (scrubbed again here, whatever the lister did).</summary>
internal static class CloudErrorRecords
{
    /// <summary>The terminating error of a listing failure; <paramref name="resumeAdvice"/>, for a listing that failed
    /// part-way (how many objects were written and the -StartAfter value to go on from), ends the message and is the
    /// error's recommended action.</summary>
    public static ErrorRecord ForFailure(CloudStorageException failure, CloudListerOptions options, SecretScrubber scrubber, string? resumeAdvice = null)
    {
        string what = options.Describe();
        string detail = failure.Message.TrimEnd('.');
        (string id, ErrorCategory category, string message) = failure.Kind switch
        {
            CloudErrorKind.AccessDenied => ("CloudAccessDenied", ErrorCategory.PermissionDenied,
                $"Listing {what} was refused: {detail}. Check the credentials ({CredentialHint(options.Provider)}) and that they may list the bucket."),
            CloudErrorKind.CredentialsMissing => ("CloudCredentialsMissing", ErrorCategory.AuthenticationError,
                $"Listing {what} found no usable credentials: {detail}. Give them with {CredentialHint(options.Provider)}."),
            CloudErrorKind.BucketNotFound => ("CloudBucketNotFound", ErrorCategory.ObjectNotFound,
                $"{Capitalize(what)} does not exist{(options.EndpointForDisplay is null ? "" : " at " + options.EndpointForDisplay)}: {detail}."),
            CloudErrorKind.EndpointUnreachable => ("CloudEndpointUnreachable", ErrorCategory.ConnectionError,
                $"Listing {what} failed: {detail}. Check -EndpointUrl, the network and any proxy."),
            CloudErrorKind.InconsistentListing => ("CloudListingInconsistent", ErrorCategory.InvalidResult,
                $"Listing {what} stopped: {detail}. List it with -ThrottleLimit 1, which does not rely on folder listings."),
            _ => ("CloudListingFailed", ErrorCategory.InvalidResult, $"Listing {what} failed: {detail}."),
        };
        if (resumeAdvice is not null)
            message += " " + char.ToUpperInvariant(resumeAdvice[0]) + resumeAdvice.Substring(1) + ".";
        var record = new ErrorRecord(new CloudStorageException(failure.Kind, scrubber.Scrub(message)), id, category, options.Bucket);
        if (resumeAdvice is not null)
            record.ErrorDetails = new ErrorDetails(scrubber.Scrub(message)) { RecommendedAction = scrubber.Scrub(resumeAdvice) };
        return record;
    }

    /// <summary>A key as a PowerShell single-quoted string, ready to paste.</summary>
    public static string Quoted(string key) => "'" + key.Replace("'", "''") + "'";

    /// <summary>The non-terminating error of an object whose media header could not be read (the object is written
    /// without MediaMetadata): the file's own problem, or its read's (deleted since it was listed, say).</summary>
    public static ErrorRecord ForUnreadableMedia(CloudObject cloudObject, Exception error, SecretScrubber scrubber)
    {
        string name = cloudObject.ObjectUrl.Length > 0 ? cloudObject.ObjectUrl : cloudObject.Key;
        // A probe's message names the object already; a store's message names only the key.
        string reason = error.Message.StartsWith(name, StringComparison.Ordinal) ? error.Message.TrimEnd('.') : $"{name}: {error.Message.TrimEnd('.')}";
        var category = error is CloudStorageException ? ErrorCategory.ReadError : ErrorCategory.InvalidData;
        return new ErrorRecord(new InvalidDataException(scrubber.Scrub($"{reason}. It is written without MediaMetadata.")), "MediaMetadataUnreadable", category, cloudObject);
    }

    /// <summary>The error that ends reading an inventory report: InventoryReportInvalid for a report that cannot be
    /// trusted (a checksum that does not match, a missing or cut-short data file: nothing of it has been written),
    /// InventoryReportUnreadable for one this session cannot read (a manifest of another kind, Parquet without .NET
    /// 8); null for any other failure, which is the store's.</summary>
    public static ErrorRecord? ForReport(System.Exception failure, string manifest, SecretScrubber scrubber) => failure switch
    {
        System.IO.InvalidDataException => ErrorRecords.Terminating("InventoryReportInvalid", scrubber.Scrub(failure.Message), ErrorCategory.InvalidData, manifest),
        System.ArgumentException or System.NotSupportedException =>
            ErrorRecords.Terminating("InventoryReportUnreadable", scrubber.Scrub(failure.Message), ErrorCategory.InvalidArgument, manifest),
        _ => null,
    };

    private static string CredentialHint(CloudProvider provider) => provider switch
    {
        CloudProvider.Azure => "-StorageAccountName with Entra ID, -SasToken, -StorageAccountKey or -ConnectionString",
        CloudProvider.GCS => "application default credentials or -CredentialFile",
        _ => "-AccessKey/-SecretKey, -ProfileName or the AWS environment variables",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
