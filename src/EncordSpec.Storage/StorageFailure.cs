namespace EncordSpec.Storage;

/// <summary>What an SDK error means, as a lister's classifier reads it.</summary>
internal sealed class StorageFailure
{
    public StorageFailure(CloudErrorKind kind, string detail)
    {
        Kind = kind;
        Detail = detail;
    }

    public CloudErrorKind Kind { get; }
    public string Detail { get; }
}
