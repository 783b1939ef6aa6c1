namespace EncordSpec;

/// <summary>How bad a finding is. Errors make the platform reject the spec or an item, or lose data silently;
/// warnings are legal but probably not what was meant.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
}
