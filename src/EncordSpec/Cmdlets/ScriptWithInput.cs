using System.Collections.Generic;
using System.Management.Automation;

namespace EncordSpec.Cmdlets;

/// <summary>The scriptblock parameters (-GroupBy, -UrlProperty, -ClientMetadata) run with the pipeline object as $_,
/// as Where-Object and ForEach-Object run theirs.</summary>
internal static class ScriptWithInput
{
    public static IReadOnlyList<object?> Run(ScriptBlock script, object? input) =>
        script.InvokeWithContext(null, new List<PSVariable> { new("_", input) });
}
