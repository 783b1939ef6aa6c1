using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace EncordSpec.Input;

/// <summary>One pipeline object that stands for one file: its object URL, and what else it tells about it.</summary>
internal sealed class ObjectUrlInput
{
    private ObjectUrlInput(object source, string objectUrl)
    {
        Source = source;
        ObjectUrl = objectUrl;
    }

    /// <summary>The pipeline object as given, for scriptblocks that look at it as $_.</summary>
    public object Source { get; }
    public string ObjectUrl { get; }

    /// <summary>True when the input has no properties beyond what its type says (a URL string, a CloudObject, an Encord
    /// item), so nothing needs looking up through PowerShell's adapters: such lookups cost microseconds each, which
    /// add up at a million items.</summary>
    public bool IsKnownType => Source is string or CloudObject or EncordSingleItem;

    /// <summary>The object's key in its bucket when the input says so (a CloudObject or an exported listing).</summary>
    public string? Key => Source switch
    {
        CloudObject cloudObject => cloudObject.Key,
        _ when IsKnownType => null,
        _ => InputProperties.GetString(Source, "Key"),
    };

    /// <summary>The bucket or container when the input says so.</summary>
    public string? Bucket => Source switch
    {
        CloudObject cloudObject => cloudObject.Bucket,
        _ when IsKnownType => null,
        _ => InputProperties.GetString(Source, "Bucket"),
    };

    /// <summary>The input's own DataType property (a CloudObject knows it from its content type too), if any.</summary>
    public DataType? DeclaredDataType => Source switch
    {
        CloudObject cloudObject => cloudObject.DataType,
        _ when IsKnownType => null,
        _ => InputProperties.Get(Source, "DataType") switch
        {
            DataType type => type,
            string text when System.Enum.TryParse(text, ignoreCase: true, out DataType parsed) => parsed,
            _ => null,
        },
    };

    /// <summary>Whether the user stated the type: a DataType property of their own object, or a CloudObject listed
    /// with Get-CloudObject -DataType. A type only derived from the name is not stated.</summary>
    public bool StatesDataType => Source switch
    {
        CloudObject cloudObject => cloudObject.DataTypeAskedFor,
        _ when IsKnownType => false,
        _ => DeclaredDataType is not null,
    };

    /// <summary>Accepts a string (the URL itself), an Encord single item, or any object with an ObjectUrl
    /// (or Url) property. Returns null when the object has no URL at all.</summary>
    public static ObjectUrlInput? From(object? input) => From(input, null);

    /// <summary>As <see cref="From(object?)"/>, with the URL of objects read by <paramref name="urlOf"/> (-UrlProperty)
    /// instead of their ObjectUrl or Url property; strings and Encord items are URLs already.</summary>
    public static ObjectUrlInput? From(object? input, Func<object, string?>? urlOf)
    {
        object? value = InputProperties.Unwrap(input);
        switch (value)
        {
            case null:
                return null;
            case string url:
                return new ObjectUrlInput(value, url);
            case EncordSingleItem item:
                return new ObjectUrlInput(value, item.ObjectUrl);
            case CloudObject cloudObject when urlOf is null:
                return new ObjectUrlInput(value, cloudObject.ObjectUrl);
        }
        string? objectUrl = urlOf is null ? InputProperties.GetString(value, "ObjectUrl", "Url") : urlOf(value);
        return objectUrl is null ? null : new ObjectUrlInput(value, objectUrl);
    }

    /// <summary>As <see cref="From(object?, Func{object, string?}?)"/> for the writing cmdlets: false, with the
    /// UrlPropertyFailed problem naming the input, when the -UrlProperty scriptblock failed; otherwise true, and
    /// <paramref name="objectUrlInput"/> null when the object has no URL at all.</summary>
    public static bool TryFrom(object? input, Func<object, string?>? urlOf, PropertySelector? urlProperty,
        out ObjectUrlInput? objectUrlInput, out InputProblem? failed)
    {
        failed = null;
        try
        {
            objectUrlInput = From(input, urlOf);
            return true;
        }
        catch (RuntimeException e)
        {
            objectUrlInput = null;
            failed = new InputProblem("UrlPropertyFailed", $"-UrlProperty failed for {Describe(input, urlProperty)}: {e.Message}", input);
            return false;
        }
    }

    /// <summary>Reads the URL as -UrlProperty says: the named property, or the scriptblock's output joined into one
    /// text. A scriptblock that fails throws RuntimeException.</summary>
    public static Func<object, string?> Selector(PropertySelector selector, Func<ScriptBlock, object, IReadOnlyList<object?>> runScript)
    {
        if (selector.PropertyName is { } name)
            return value => InputProperties.GetString(value, name);
        var script = selector.Script!;
        return value =>
        {
            var output = runScript(script, value);
            if (output.Count == 0)
                return null;
            var text = new System.Text.StringBuilder();
            foreach (object? part in output)
                text.Append(InputProperties.Unwrap(part));
            return text.ToString();
        };
    }

    /// <summary>How to name the input in messages when it has no URL.</summary>
    public static string Describe(object? input, PropertySelector? urlProperty = null)
    {
        object? value = InputProperties.Unwrap(input);
        string property = urlProperty?.PropertyName is { } name ? $"a '{name}' property" : urlProperty is null ? "an ObjectUrl property" : "a URL from -UrlProperty";
        return value switch
        {
            null => "$null",
            PSObject => "an object without " + property,
            _ => $"a {value.GetType().Name} without {property}",
        };
    }
}
