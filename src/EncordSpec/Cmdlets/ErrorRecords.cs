using System;
using System.Management.Automation;
using EncordSpec.Format;
using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Cmdlets;

/// <summary>Builds the error records the cmdlets write, so every ErrorId is a stable rule id and every message
/// names the item it is about.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord ForItem(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidData) =>
        new(new ArgumentException(message), errorId, category, TargetShown(target));

    public static ErrorRecord ForProblem(ItemProblem problem, object? target) =>
        ForItem(problem.RuleId, problem.Message, target);

    public static ErrorRecord ForProblem(InputProblem problem) =>
        ForItem(problem.ErrorId, problem.Message, problem.Target, problem.Category);

    /// <summary>A spec finding as a non-terminating error: the rule id is the ErrorId, the finding the target.</summary>
    public static ErrorRecord ForFinding(SpecFinding finding) =>
        new(new System.IO.InvalidDataException(finding.ToString()), finding.RuleId, ErrorCategory.InvalidData, finding);

    /// <summary>What an error carries as its target: the item itself, or, when it is (or shows as) a URL with a query
    /// or user info, that URL with them hidden as messages show it. $Error, transcripts, `$_.CategoryInfo` and
    /// serialized error records all show the target, and a signature, SAS token or password must not go with them.</summary>
    private static object? TargetShown(object? target)
    {
        string? url = (target is PSObject wrapped ? wrapped.BaseObject : target) switch
        {
            string text => text,
            EncordSingleItem single => single.ObjectUrl,
            _ => null,
        };
        if (url is null)
            return target;
        string shown = SignedUrlDetector.QueryHidden(url);
        return shown == url ? target : shown;
    }

    public static ErrorRecord Terminating(string errorId, string message, ErrorCategory category, object? target) =>
        new(new InvalidOperationException(message), errorId, category, TargetShown(target));
}
