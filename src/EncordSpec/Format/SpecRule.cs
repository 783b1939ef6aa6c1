namespace EncordSpec.Format;

/// <summary>One rule of the catalog: its stable id, its severity and what it checks, in one line.</summary>
public sealed class SpecRule
{
    public SpecRule(string id, FindingSeverity severity, string description)
    {
        Id = id;
        Severity = severity;
        Description = description;
    }

    public string Id { get; }
    public FindingSeverity Severity { get; }
    public string Description { get; }

    public override string ToString() => Id;
}
