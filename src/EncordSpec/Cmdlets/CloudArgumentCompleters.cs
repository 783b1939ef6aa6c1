using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EncordSpec.Cmdlets;

/// <summary>Completes -Region with the regions of the -Provider already typed (AWS, or OTC's).</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionValues.Matching(KnownRegions.For(CompletionValues.BoundProvider(fakeBoundParameters)), wordToComplete);
}

/// <summary>Completes -UrlStyle with the styles the -Provider already typed has (all styles when none is typed).</summary>
public sealed class UrlStyleCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var provider = CompletionValues.BoundProvider(fakeBoundParameters);
        var styles = provider is null
            ? (CloudUrlStyle[])Enum.GetValues(typeof(CloudUrlStyle))
            : ObjectUrlBuilder.StylesFor(provider.Value);
        return CompletionValues.Matching(styles.Select(s => s.ToString()), wordToComplete);
    }
}

internal static class CompletionValues
{
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

    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string wordToComplete)
    {
        string word = (wordToComplete ?? "").Trim('\'', '"');
        foreach (string value in values)
            if (value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, value);
    }
}
