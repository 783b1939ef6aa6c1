using System.Management.Automation;

namespace EncordSpec;

/// <summary>One pipeline object that stands for one file: its object URL, and what else it tells about it.</summary>
public sealed class ObjectUrlInput
{
    private ObjectUrlInput(object source, string objectUrl)
    {
        Source = source;
        ObjectUrl = objectUrl;
    }

    /// <summary>The pipeline object as given, for scriptblocks that look at it as $_.</summary>
    public object Source { get; }
    public string ObjectUrl { get; }

    /// <summary>True when the input is a bare URL string, which has no other properties to look up.
    /// Property lookups through PowerShell's adapters cost microseconds, which add up at a million items.</summary>
    public bool IsBareUrl => Source is string;

    /// <summary>The object's key in its bucket when the input says so (a CloudObject or an exported listing).</summary>
    public string? Key => IsBareUrl ? null : InputProperties.GetString(Source, "Key");
    /// <summary>The bucket or container when the input says so.</summary>
    public string? Bucket => IsBareUrl ? null : InputProperties.GetString(Source, "Bucket");

    /// <summary>The input's own DataType property (a CloudObject knows it from its content type too), if any.</summary>
    public DataType? DeclaredDataType =>
        IsBareUrl ? null : InputProperties.Get(Source, "DataType") switch
        {
            DataType type => type,
            string text when System.Enum.TryParse(text, ignoreCase: true, out DataType parsed) => parsed,
            _ => null,
        };

    /// <summary>Accepts a string (the URL itself), an Encord single item, or any object with an ObjectUrl
    /// (or Url) property. Returns null when the object has no URL at all.</summary>
    public static ObjectUrlInput? From(object? input)
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
        }
        string? objectUrl = InputProperties.GetString(value, "ObjectUrl", "Url");
        return objectUrl is null ? null : new ObjectUrlInput(value, objectUrl);
    }

    /// <summary>How to name the input in messages when it has no URL.</summary>
    public static string Describe(object? input)
    {
        object? value = InputProperties.Unwrap(input);
        return value switch
        {
            null => "$null",
            PSObject => "an object without an ObjectUrl property",
            _ => $"a {value.GetType().Name} without an ObjectUrl property",
        };
    }
}
