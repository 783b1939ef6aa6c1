using System;
using System.Collections.Generic;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>What adding one input to a <see cref="Grouper"/> came to: the groups it proved complete (write them now),
/// and whether the input joined a group or the problem that left it out.</summary>
internal readonly struct GroupingStep
{
    private static readonly IReadOnlyList<CompletedGroup> None = Array.Empty<CompletedGroup>();

    private GroupingStep(IReadOnlyList<CompletedGroup>? completed, InputProblem? problem)
    {
        Completed = completed ?? None;
        Problem = problem;
    }

    /// <summary>Groups complete before this input, in the order their first member arrived; mostly none.</summary>
    public IReadOnlyList<CompletedGroup> Completed { get; }

    /// <summary>Why the input was left out; null when it joined its group.</summary>
    public InputProblem? Problem { get; }

    public bool Added => Problem is null;

    public static GroupingStep Joined(IReadOnlyList<CompletedGroup>? completed) => new(completed, null);

    public static GroupingStep LeftOut(InputProblem problem, IReadOnlyList<CompletedGroup>? completed = null) => new(completed, problem);
}
