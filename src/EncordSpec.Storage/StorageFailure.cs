namespace EncordSpec.Storage;

/// <summary>What an SDK error means, as a lister's classifier reads it.</summary>
/// <param name="Kind">The kind of failure users see.</param>
/// <param name="Detail">The SDK's account of it, before secrets are scrubbed.</param>
/// <param name="IsTransient">An answer that usually passes (throttling, 5xx) and outlasted the SDK's retries: the
/// listing tries the request again (<see cref="CloudStorageException.IsTransient"/>).</param>
internal sealed record StorageFailure(CloudErrorKind Kind, string Detail, bool IsTransient = false);
