using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
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
        var styles = Completions.BoundProvider(fakeBoundParameters) is { } provider
            ? ObjectUrlBuilder.StylesFor(provider)
            : (CloudUrlStyle[])Enum.GetValues(typeof(CloudUrlStyle));
        return Completions.Matching(styles.Select(style => style.ToString()), wordToComplete);
    }
}
