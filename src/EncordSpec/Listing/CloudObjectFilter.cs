using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EncordSpec.Listing;

/// <summary>-Include, -Exclude (wildcards on the whole key, case-insensitive as PowerShell's -Include is) and
/// -DataType. Folders (prefixes) are only subject to -Exclude, so -Include *.jpg still shows where to go next.</summary>
internal sealed class CloudObjectFilter
{
    private readonly WildcardPattern[] include;
    private readonly WildcardPattern[] exclude;
    private readonly HashSet<DataType>? dataTypes;

    /// <summary>Whether -DataType chose the types, so every object accepted is of a type the user asked for.</summary>
    public bool SelectsDataTypes => dataTypes is not null;

    public CloudObjectFilter(IEnumerable<string>? include, IEnumerable<string>? exclude, IEnumerable<DataType>? dataTypes)
    {
        this.include = Compile(include);
        this.exclude = Compile(exclude);
        this.dataTypes = dataTypes is null ? null : new HashSet<DataType>(dataTypes);
        if (this.dataTypes is { Count: 0 })
            this.dataTypes = null;
    }

    /// <summary>True when nothing is filtered out, so a listing may stop after exactly as many objects as wanted.</summary>
    public bool IsEmpty => include.Length == 0 && exclude.Length == 0 && dataTypes is null;

    public bool Accepts(CloudObject cloudObject) =>
        (dataTypes is null || dataTypes.Contains(cloudObject.DataType))
        && (include.Length == 0 || include.Any(p => p.IsMatch(cloudObject.Key)))
        && !exclude.Any(p => p.IsMatch(cloudObject.Key));

    public bool AcceptsPrefix(string prefix) => !exclude.Any(p => p.IsMatch(prefix));

    private static WildcardPattern[] Compile(IEnumerable<string>? patterns) =>
        patterns is null
            ? new WildcardPattern[0]
            : patterns.Where(p => !string.IsNullOrEmpty(p)).Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToArray();
}
