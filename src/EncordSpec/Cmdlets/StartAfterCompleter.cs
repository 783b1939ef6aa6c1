using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EncordSpec.Cmdlets;

/// <summary>Completes -StartAfter with the key the last listing that failed part-way in this session named in its
/// error, so that going on is: recall the command, add -StartAfter and press Tab.</summary>
public sealed class StartAfterCompleter : IArgumentCompleter
{
    /// <summary>Set when a listing fails part-way; written and read on pipeline threads, a reference swap.</summary>
    internal static volatile string? LastResumeKey;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (LastResumeKey is not { } key)
            yield break;
        string trimmed = (wordToComplete ?? "").Trim('\'', '"');
        if (!key.StartsWith(trimmed, System.StringComparison.Ordinal))
            yield break;
        string quoted = CloudErrorRecords.Quoted(key);
        yield return new CompletionResult(quoted, key, CompletionResultType.ParameterValue, "Where the last failed listing stopped: " + key);
    }
}
