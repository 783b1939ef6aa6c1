using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using EncordSpec.Listing;

namespace EncordSpec.Storage;

/// <summary>Turns SDK exceptions into <see cref="CloudStorageException"/>s with the secrets scrubbed. Knows no SDK
/// type (each lister classifies its own SDK's errors), so using it loads no SDK a listing does not need.</summary>
internal sealed class StorageErrors
{
    private readonly CloudListerOptions options;
    private readonly SecretScrubber scrubber;

    public StorageErrors(CloudListerOptions options)
    {
        this.options = options;
        scrubber = new SecretScrubber(options.Secrets());
    }

    /// <summary>The exception to throw instead of <paramref name="exception"/>: cancellation stays cancellation,
    /// an SDK error becomes what <paramref name="classify"/> says, a network failure EndpointUnreachable.</summary>
    public Exception Translate(Exception exception, CancellationToken cancellationToken, Func<Exception, StorageFailure?> classify)
    {
        if (exception is CloudStorageException)
            return exception;
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return new OperationCanceledException(cancellationToken);
        // Before the classifier: the S3 SDK reports a page it cannot parse as a service error of an HTTP 200 answer.
        if (FindUnreadableAnswer(exception) is { } unreadable)
            return new CloudStorageException(CloudErrorKind.Failed, scrubber.Scrub(
                $"the store's answer could not be read as a listing page (cut short or malformed): {unreadable.GetType().Name}: {unreadable.Message}"))
            { IsTransient = true };
        if (classify(exception) is { } failure)
            return new CloudStorageException(failure.Kind, scrubber.Scrub(failure.Detail)) { IsTransient = failure.IsTransient };
        if (FindNetworkFailure(exception) is { } network)
        {
            // A connection that broke (reset, answer ended early) is worth asking again; one never made is not.
            return new CloudStorageException(CloudErrorKind.EndpointUnreachable,
                scrubber.Scrub($"could not reach {EndpointDescription()}: {Innermost(network).Message}")) { IsTransient = !NeverConnected(exception) };
        }
        return Create(CloudErrorKind.Failed, $"{exception.GetType().Name}: {exception.Message}");
    }

    /// <summary>The endpoint the client actually talks to, where the SDK worked it out (from a connection string,
    /// say) rather than from -EndpointUrl; its query (a SAS token) is never kept.</summary>
    public Uri? ClientEndpoint { get; set; }

    public CloudStorageException Create(CloudErrorKind kind, string detail) => new(kind, scrubber.Scrub(detail));

    /// <summary>The HTTP statuses every SDK here retries (408, 429, 500, 502, 503, 504): throttling and server trouble.</summary>
    public static bool IsRetriedStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private string EndpointDescription() =>
        options.EndpointForDisplay is { } endpoint ? endpoint
        : ClientEndpoint is { } client ? client.GetLeftPart(UriPartial.Path)
        : $"the {options.Provider} endpoint";

    /// <summary>The first exception in the chain that says the server could not be reached or did not answer.</summary>
    private static Exception? FindNetworkFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            // A cancellation that is not ours (checked first in Translate) is an HTTP client time-out.
            if (current is HttpRequestException or SocketException or IOException or TimeoutException
                or System.Net.WebException or OperationCanceledException)
                return current;
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
                return FindNetworkFailure(aggregate.InnerExceptions[0]);
        }
        return null;
    }

    /// <summary>The first exception in the chain that says an answer's XML or JSON could not be parsed (found by
    /// type name: this class knows no SDK, and Newtonsoft.Json is the Google SDK's).</summary>
    private static Exception? FindUnreadableAnswer(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            string name = current.GetType().FullName ?? "";
            if (current is System.Xml.XmlException || name == "Amazon.Runtime.AmazonUnmarshallingException" && current.InnerException is null
                || name.StartsWith("Newtonsoft.Json.", StringComparison.Ordinal) || name.StartsWith("System.Text.Json.", StringComparison.Ordinal))
                return current;
        }
        return null;
    }

    private static bool NeverConnected(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain })
                return true;
        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
            exception = exception.InnerException;
        return exception;
    }

    public static DateTime ToUtc(DateTime? value) =>
        value is null ? default
        : value.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc)
        : value.Value.ToUniversalTime();

    public static string? Unquote(string? etag) => etag?.Trim('"');
}
