using System;

namespace EncordSpec;

/// <summary>A listing failure, already worded for the user and free of secrets. The SDK's exception is
/// deliberately not kept as the inner exception: SDK messages and request dumps may carry credentials.</summary>
public sealed class CloudStorageException : Exception
{
    public CloudStorageException(CloudErrorKind kind, string message) : base(message) => Kind = kind;

    public CloudErrorKind Kind { get; }

    /// <summary>A fault that usually passes (an answer cut short or broken on the way): worth asking again.</summary>
    internal bool IsTransient { get; init; }
}
