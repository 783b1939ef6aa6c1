namespace EncordSpec.Listing;

/// <summary>A listed object whose key no URL of the chosen style can carry; Get-CloudObject reports it as a
/// non-terminating error instead of emitting a broken URL.</summary>
internal sealed class UnaddressableObject
{
    public UnaddressableObject(CloudObject cloudObject, string message)
    {
        Object = cloudObject;
        Message = message;
    }

    public CloudObject Object { get; }
    public string Message { get; }
}
