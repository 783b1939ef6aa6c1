using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EncordSpec.Input;
using EncordSpec.Listing;

namespace EncordSpec.Cmdlets;

/// <summary>Completes -Region with the regions of the -Provider already typed (AWS's, or OTC's). -Provider and
/// -DataType are enums, which PowerShell completes itself.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? "").Trim('\'', '"');
        foreach (string region in KnownRegions.For(BoundProvider(fakeBoundParameters)))
            if (region.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(region, region, CompletionResultType.ParameterValue, region);
    }

    /// <summary>The -Provider typed so far, if any (also for <see cref="UrlStyleCompleter"/>).</summary>
    internal static CloudProvider? BoundProvider(IDictionary fakeBoundParameters)
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
