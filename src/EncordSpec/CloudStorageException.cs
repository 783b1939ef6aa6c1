using System;

namespace EncordSpec;

/// <summary>A listing failure, already worded for the user and free of secrets. The SDK's exception is
/// deliberately not kept as the inner exception: SDK messages and request dumps may carry credentials.</summary>
public sealed class CloudStorageException : Exception
{
    public CloudStorageException(CloudErrorKind kind, string message) : base(message) => Kind = kind;

    public CloudErrorKind Kind { get; }
}
