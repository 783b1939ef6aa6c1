using System.IO;

namespace EncordSpec.Writing;

/// <summary>A spec file that cannot be written, with the stable ErrorId the cmdlet reports it under and a message
/// that says what is at the path and what to do.</summary>
internal sealed class SpecFileException : IOException
{
    public SpecFileException(string errorId, string message, System.Exception? inner = null) : base(message, inner) => ErrorId = errorId;

    /// <summary>One of <see cref="SpecFileErrorIds"/>.</summary>
    public string ErrorId { get; }
}
