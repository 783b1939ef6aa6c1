namespace EncordSpec;

/// <summary>The two forms of an upload spec.</summary>
public enum SpecFormat
{
    Json,
    Csv,
}
