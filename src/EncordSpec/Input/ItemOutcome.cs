namespace EncordSpec.Input;

/// <summary>What one pipeline input of ConvertTo-EncordSpec came to: the item to write, the problem that keeps it out
/// (a non-terminating error), a warning (a skipped file, a group row that does not fit its group), or nothing yet (a
/// row of an image group still being read, a blank line).</summary>
internal readonly struct ItemOutcome
{
    private ItemOutcome(EncordDataItem? item, InputProblem? problem, string? warning)
    {
        Item = item;
        Problem = problem;
        Warning = warning;
    }

    /// <summary>The item to write; null when there is none (yet).</summary>
    public EncordDataItem? Item { get; }

    /// <summary>Why the input is left out as an error; null otherwise.</summary>
    public InputProblem? Problem { get; }

    /// <summary>What to warn about: why the input is skipped, or what was made of it; null otherwise.</summary>
    public string? Warning { get; }

    public static ItemOutcome Accepted(EncordDataItem item) => new(item, null, null);

    public static ItemOutcome Rejected(InputProblem problem) => new(null, problem, null);

    public static ItemOutcome Warn(string warning) => new(null, null, warning);

    /// <summary>Nothing to write or say for this input.</summary>
    public static ItemOutcome None => default;
}
