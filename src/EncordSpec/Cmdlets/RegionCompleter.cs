using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EncordSpec.Listing;

namespace EncordSpec.Cmdlets;

/// <summary>Completes -Region with the regions of the -Provider already typed (AWS's, or OTC's). -Provider and
/// -DataType are enums, which PowerShell completes itself.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Matching(KnownRegions.For(Completions.BoundProvider(fakeBoundParameters)), wordToComplete);
}
