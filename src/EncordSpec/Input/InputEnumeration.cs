using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace EncordSpec.Input;

/// <summary>Unrolls collections that arrive as one pipeline object (Get-Content -ReadCount 1000 sends arrays of
/// lines; -InputObject $urls passes the whole list), so each element is treated as one input.</summary>
internal static class InputEnumeration
{
    public static IEnumerable<object?> Elements(PSObject? input)
    {
        object? value = InputProperties.Unwrap(input);
        if (value is IEnumerable collection && value is not string && value is not IDictionary)
        {
            foreach (object? element in collection)
                yield return element;
        }
        else
        {
            yield return input;
        }
    }
}
