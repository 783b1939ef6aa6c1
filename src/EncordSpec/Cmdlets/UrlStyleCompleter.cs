using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EncordSpec.Urls;

namespace EncordSpec.Cmdlets;

/// <summary>Completes -UrlStyle with the styles of the -Provider already typed (S3: VirtualHosted, Path, S3Uri; GCS:
/// GsUri, Https; ...), or all of them before a provider is given.</summary>
public sealed class UrlStyleCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? "").Trim('\'', '"');
        var styles = RegionCompleter.BoundProvider(fakeBoundParameters) is { } provider
            ? ObjectUrlBuilder.StylesFor(provider)
            : (CloudUrlStyle[])Enum.GetValues(typeof(CloudUrlStyle));
        foreach (var style in styles)
        {
            string name = style.ToString();
            if (name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name);
        }
    }
}
