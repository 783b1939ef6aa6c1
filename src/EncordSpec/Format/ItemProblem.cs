namespace EncordSpec.Format;

/// <summary>A problem with one item, found before it is written.</summary>
internal sealed class ItemProblem
{
    public ItemProblem(string ruleId, string message)
    {
        RuleId = ruleId;
        Message = message;
    }

    public string RuleId { get; }
    public string Message { get; }
}
