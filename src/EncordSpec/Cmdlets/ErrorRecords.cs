using System;
using System.Management.Automation;
using EncordSpec.Format;
using EncordSpec.Input;

namespace EncordSpec.Cmdlets;

/// <summary>Builds the error records the cmdlets write, so every ErrorId is a stable rule id and every message
/// names the item it is about.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord ForItem(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidData) =>
        new(new ArgumentException(message), errorId, category, target);

    public static ErrorRecord ForProblem(ItemProblem problem, object? target) =>
        ForItem(problem.RuleId, problem.Message, target);

    public static ErrorRecord ForProblem(InputProblem problem) =>
        ForItem(problem.ErrorId, problem.Message, problem.Target, problem.Category);

    /// <summary>A spec finding as a non-terminating error: the rule id is the ErrorId, the finding the target.</summary>
    public static ErrorRecord ForFinding(SpecFinding finding) =>
        new(new System.IO.InvalidDataException(finding.ToString()), finding.RuleId, ErrorCategory.InvalidData, finding);

    public static ErrorRecord Terminating(string errorId, string message, ErrorCategory category, object? target) =>
        new(new InvalidOperationException(message), errorId, category, target);
}
