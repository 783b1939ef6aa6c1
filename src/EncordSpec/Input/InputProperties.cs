using System;
using System.Management.Automation;

namespace EncordSpec.Input;

/// <summary>Reads properties from whatever comes down the pipeline: typed objects, PSCustomObjects, rows of
/// Import-Csv, hashtables. Names match case-insensitively, as PowerShell users expect.</summary>
internal static class InputProperties
{
    /// <summary>The value of the first of <paramref name="names"/> that the object has, or null.</summary>
    public static object? Get(object? input, params string[] names)
    {
        if (input is null) return null;
        var psObject = PSObject.AsPSObject(input);
        if (psObject.BaseObject is System.Collections.IDictionary dictionary)
        {
            foreach (string name in names)
                foreach (object key in dictionary.Keys)
                    if (key is string text && text.Equals(name, StringComparison.OrdinalIgnoreCase))
                        return Unwrap(dictionary[key]);
            return null;
        }
        foreach (string name in names)
        {
            var property = psObject.Properties[name];
            if (property is not null && property.IsGettable)
                return Unwrap(property.Value);
        }
        return null;
    }

    /// <summary>The property as a string (via its invariant text), or null when absent or null.</summary>
    public static string? GetString(object? input, params string[] names) => Get(input, names) switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public static object? Unwrap(object? value) => value is PSObject psObject && psObject.BaseObject is not PSCustomObject ? psObject.BaseObject : value;
}
