using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EncordSpec.Listing;

/// <summary>-Include, -Exclude and -DataType. A pattern matches the file's name, as Get-ChildItem's do
/// (-Exclude Thumbs.db leaves out camera1/Thumbs.db), or, when it holds a '/', the whole key (-Include 'camera1/*');
/// case-insensitive, as PowerShell's are. Folders (prefixes) are only subject to -Exclude, by their name or, with a
/// '/', their whole prefix, so -Include *.jpg still shows where to go next.</summary>
internal sealed class CloudObjectFilter
{
    private readonly KeyPattern[] include;
    private readonly KeyPattern[] exclude;
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

    private static KeyPattern[] Compile(IEnumerable<string>? patterns) =>
        patterns is null
            ? new KeyPattern[0]
            : patterns.Where(p => !string.IsNullOrEmpty(p)).Select(p => new KeyPattern(p)).ToArray();

    /// <summary>One -Include or -Exclude pattern: on the name, or on the whole key when it holds a '/'.</summary>
    private sealed class KeyPattern
    {
        private readonly WildcardPattern pattern;
        private readonly bool wholeKey;

        public KeyPattern(string text)
        {
            pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase);
            wholeKey = text.IndexOf('/') >= 0;
        }

        /// <summary>A folder's prefix ends in '/': its name is the segment before it.</summary>
        public bool IsMatch(string key) => pattern.IsMatch(wholeKey ? key : NameOf(key));

        private static string NameOf(string key)
        {
            int end = key.EndsWith("/", System.StringComparison.Ordinal) ? key.Length - 1 : key.Length;
            int start = key.LastIndexOf('/', end == 0 ? 0 : end - 1) + 1;
            return key.Substring(start, end - start);
        }
    }
}
