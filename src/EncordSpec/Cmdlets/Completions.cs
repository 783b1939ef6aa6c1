using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using EncordSpec.Input;

namespace EncordSpec.Cmdlets;

/// <summary>What the argument completers share: the values that start with the word typed so far, and the -Provider
/// typed so far.</summary>
internal static class Completions
{
    /// <summary>The <paramref name="values"/> that start with the word typed (quotes around it ignored, any case); a value
    /// with a space is completed in quotes.</summary>
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete)
    {
        string word = (wordToComplete ?? "").Trim('\'', '"');
        foreach (string value in values)
            if (value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(value.IndexOf(' ') >= 0 ? $"'{value}'" : value, value, CompletionResultType.ParameterValue, value);
    }

    /// <summary>The -Provider typed so far, if any.</summary>
    public static CloudProvider? BoundProvider(IDictionary fakeBoundParameters)
    {
        object? value = fakeBoundParameters.Contains("Provider") ? InputProperties.Unwrap(fakeBoundParameters["Provider"]) : null;
        return value switch
        {
            CloudProvider provider => provider,
            string text when Enum.TryParse(text, ignoreCase: true, out CloudProvider parsed) => parsed,
            _ => null,
        };
    }
}
