using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>-GroupBy with a scriptblock: the script's output for each input, joined into one text, is the key, and
/// each distinct key makes a group titled by it.</summary>
internal sealed class ScriptKeyGrouping : GroupingStrategy
{
    private readonly string titlePrefix;
    private readonly Func<object, IReadOnlyList<object?>> runScript;

    /// <param name="titlePrefix">Goes before each key to make the title.</param>
    /// <param name="runScript">Runs the user's scriptblock with the pipeline object as $_ and returns its output;
    /// throws RuntimeException when the script fails.</param>
    public ScriptKeyGrouping(string titlePrefix, Func<object, IReadOnlyList<object?>> runScript)
    {
        this.titlePrefix = titlePrefix;
        this.runScript = runScript;
    }

    public override bool TryGetKey(ObjectUrlInput input, out string key, out InputProblem? problem)
    {
        IReadOnlyList<object?> output;
        try
        {
            output = runScript(input.Source);
        }
        catch (RuntimeException e)
        {
            key = "";
            problem = new InputProblem("GroupByScriptFailed", $"-GroupBy failed for '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}': {e.Message}",
                input.ObjectUrl, ErrorCategory.InvalidResult);
            return false;
        }

        var text = new StringBuilder();
        foreach (object? value in output)
            text.Append(value?.ToString());
        key = text.ToString();
        if (key.Length == 0)
        {
            problem = new InputProblem("GroupByKeyEmpty", $"-GroupBy returned no key for '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}', so it belongs to no group.",
                input.ObjectUrl, ErrorCategory.InvalidResult);
            return false;
        }
        problem = null;
        return true;
    }

    public override string TitleFor(ObjectUrlInput input, string key, UniqueTitles titles) => titles.Reserve(titlePrefix + key);
}
