namespace EncordSpec.Listing;

/// <summary>A listed object whose key no URL of the chosen style can carry; Get-CloudObject reports it as a
/// non-terminating error instead of emitting a broken URL.</summary>
/// <param name="Object">The object as listed.</param>
/// <param name="Message">Why no URL can name it.</param>
internal sealed record UnaddressableObject(CloudObject Object, string Message);
