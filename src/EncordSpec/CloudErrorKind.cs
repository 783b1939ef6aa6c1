namespace EncordSpec;

/// <summary>Why a listing failed, in terms a user can act on.</summary>
public enum CloudErrorKind
{
    /// <summary>The store refused the credentials or the caller may not list the bucket.</summary>
    AccessDenied,
    /// <summary>No credentials were given and the SDK's own chain found none.</summary>
    CredentialsMissing,
    /// <summary>The bucket or container does not exist.</summary>
    BucketNotFound,
    /// <summary>The endpoint could not be reached (DNS, refused connection, time-out, TLS).</summary>
    EndpointUnreachable,
    /// <summary>The store's one-level (delimiter) listing contradicts its full listing, so a parallel listing built
    /// on it could miss objects.</summary>
    InconsistentListing,
    /// <summary>Anything else the store or SDK reported.</summary>
    Failed,
}
