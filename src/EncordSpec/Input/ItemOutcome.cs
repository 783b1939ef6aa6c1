namespace EncordSpec.Input;

/// <summary>What one pipeline input of ConvertTo-EncordSpec came to: the item to write, the problem that keeps it out
/// (a non-terminating error), or the reason it is skipped (a warning).</summary>
internal readonly struct ItemOutcome
{
    private ItemOutcome(EncordDataItem? item, InputProblem? problem, string? skipped)
    {
        Item = item;
        Problem = problem;
        Skipped = skipped;
    }

    /// <summary>The item to write; null when the input is left out.</summary>
    public EncordDataItem? Item { get; }

    /// <summary>Why the input is left out as an error; null otherwise.</summary>
    public InputProblem? Problem { get; }

    /// <summary>Why the input is left out with a warning only; null otherwise.</summary>
    public string? Skipped { get; }

    public static ItemOutcome Accepted(EncordDataItem item) => new(item, null, null);

    public static ItemOutcome Rejected(InputProblem problem) => new(null, problem, null);

    public static ItemOutcome Skip(string warning) => new(null, null, warning);
}
