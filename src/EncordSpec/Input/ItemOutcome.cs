namespace EncordSpec.Input;

/// <summary>What one pipeline input of ConvertTo-EncordSpec came to: the item to write, the problem that keeps it out
/// (a non-terminating error), the reason it is skipped or a group row does not fit its group (a warning), or nothing
/// yet (a row of an image group still being read, a blank line).</summary>
internal readonly struct ItemOutcome
{
    private ItemOutcome(EncordDataItem? item, InputProblem? problem, string? skipped, string? warning = null)
    {
        Item = item;
        Problem = problem;
        Skipped = skipped;
        Warning = warning;
    }

    /// <summary>A warning about an item that is written all the same (a file type the user stated); null otherwise.</summary>
    public string? Warning { get; }

    /// <summary>The item to write; null when the input is left out.</summary>
    public EncordDataItem? Item { get; }

    /// <summary>Why the input is left out as an error; null otherwise.</summary>
    public InputProblem? Problem { get; }

    /// <summary>Why the input is left out with a warning only; null otherwise.</summary>
    public string? Skipped { get; }

    public static ItemOutcome Accepted(EncordDataItem item) => new(item, null, null);

    public static ItemOutcome Accepted(EncordDataItem item, string? warning) => new(item, null, null, warning);

    /// <summary>This outcome with another item, keeping its warning.</summary>
    public ItemOutcome WithItem(ItemOutcome next) => new(next.Item, next.Problem, next.Skipped, Warning ?? next.Warning);

    public static ItemOutcome Rejected(InputProblem problem) => new(null, problem, null);

    /// <summary>Left out; with a warning for this input, or none when the cmdlet counts such inputs for one warning.</summary>
    public static ItemOutcome Skip(string? warning) => new(null, null, warning);

    /// <summary>Nothing to write or say for this input.</summary>
    public static ItemOutcome None => default;
}
