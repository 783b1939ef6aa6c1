using System;
using System.Management.Automation;

namespace EncordSpec;

/// <summary>The value of -GroupBy: the word Folder, the name of a property (as Group-Object takes one), or a
/// scriptblock that computes a key from $_. PowerShell converts either into this type through its constructors.</summary>
public sealed class GroupByArgument
{
    public const string FolderKeyword = "Folder";

    /// <summary>Folder, or the name of a property of the input objects, such as Camera for rows of Import-Csv.</summary>
    public GroupByArgument(string keywordOrProperty)
    {
        if (string.IsNullOrWhiteSpace(keywordOrProperty))
            throw new ArgumentException("Use Folder, a property name such as Camera, or a scriptblock such as { $_.Key.Split('/')[0] }.");
        if (FolderKeyword.Equals(keywordOrProperty, StringComparison.OrdinalIgnoreCase))
            return;
        // 'Fodler' is a typo far more often than a property: say so rather than find no such property on every input.
        if (Validation.KeySuggestion.Nearest(keywordOrProperty, new[] { FolderKeyword }) is not null)
            throw new ArgumentException($"'{keywordOrProperty}' is not a grouping. Did you mean Folder? To group by a property of that name, use {{ $_.{keywordOrProperty} }}.");
        PropertyName = keywordOrProperty;
    }

    public GroupByArgument(ScriptBlock keySelector) => KeySelector = keySelector;

    /// <summary>Null unless a scriptblock was given.</summary>
    public ScriptBlock? KeySelector { get; }

    /// <summary>Null unless a property name was given.</summary>
    public string? PropertyName { get; }

    public bool IsFolder => KeySelector is null && PropertyName is null;

    public override string ToString() => KeySelector is not null ? "{" + KeySelector + "}" : PropertyName ?? FolderKeyword;
}
