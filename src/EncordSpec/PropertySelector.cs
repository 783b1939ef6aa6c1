using System;
using System.Management.Automation;

namespace EncordSpec;

/// <summary>The value of -UrlProperty: the name of the property that holds each input's object URL (object_url,
/// Url, Location), or a scriptblock that makes the URL from $_, as Sort-Object and Group-Object take either.
/// PowerShell converts a string or a scriptblock into this type through its constructors.</summary>
public sealed class PropertySelector
{
    public PropertySelector(string propertyName)
    {
        if (string.IsNullOrWhiteSpace(propertyName))
            throw new ArgumentException("Name a property, such as object_url, or give a scriptblock such as { \"s3://$($_.BucketName)/$($_.Key)\" }.");
        PropertyName = propertyName;
    }

    public PropertySelector(ScriptBlock script) => Script = script;

    /// <summary>Null for a scriptblock.</summary>
    public string? PropertyName { get; }

    /// <summary>Null for a property name.</summary>
    public ScriptBlock? Script { get; }

    public override string ToString() => PropertyName ?? "{" + Script + "}";
}
