using System;
using System.Management.Automation;

namespace EncordSpec;

/// <summary>The value of -GroupBy: the word Folder, or a scriptblock that computes a key from $_.
/// PowerShell converts either into this type through its constructors.</summary>
public sealed class GroupByArgument
{
    public const string FolderKeyword = "Folder";

    public GroupByArgument(string keyword)
    {
        if (!FolderKeyword.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{keyword}' is not a grouping. Use Folder, or a scriptblock such as {{ $_.Key.Split('/')[0] }}.");
    }

    public GroupByArgument(ScriptBlock keySelector) => KeySelector = keySelector;

    /// <summary>Null for Folder.</summary>
    public ScriptBlock? KeySelector { get; }

    public bool IsFolder => KeySelector is null;

    public override string ToString() => KeySelector is null ? FolderKeyword : "{" + KeySelector + "}";
}
