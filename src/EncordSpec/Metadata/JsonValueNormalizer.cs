using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;

namespace EncordSpec.Metadata;

/// <summary>Turns what PowerShell users pass as metadata (hashtables, ordered dictionaries, PSCustomObjects,
/// arrays, numbers, booleans, $null, dates) into a plain JSON tree: <see cref="OrderedDictionary"/> for objects
/// (ordinal keys, insertion order), object[] for arrays, and string, bool, number or null for the rest.</summary>
internal static class JsonValueNormalizer
{
    /// <summary>Deeper than this is almost surely a cycle; PostgreSQL's jsonb is not the place for it either.</summary>
    public const int MaxDepth = 64;

    /// <summary>Normalizes a value that must be a JSON object (the spec's clientMetadata and media metadata).</summary>
    public static OrderedDictionary ToJsonObject(object? value)
    {
        object? normalized = Normalize(value, "$", 0);
        return normalized as OrderedDictionary
            ?? throw new ClientMetadataException(
                $"Metadata must be a JSON object (a hashtable, ordered dictionary or PSCustomObject), not {Describe(value)}.");
    }

    private static object? Normalize(object? value, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new ClientMetadataException($"Metadata is nested more than {MaxDepth} levels deep at '{path}' (a reference cycle?).");

        if (value is PSObject psObject)
        {
            if (psObject.BaseObject is PSCustomObject)
                return FromProperties(psObject, path, depth);
            value = psObject.BaseObject;
        }

        switch (value)
        {
            case null:
            case DBNull:
                return null;
            case string or bool:
                return value;
            case char c:
                return c.ToString();
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                return value;
            case float f:
                return FiniteDouble(f, path);
            case double d:
                FiniteDouble(d, path);
                return value; // the same object, which may carry the text it was read from (JsonNumberText)
            case DateTime dateTime:
                return dateTime.ToString("o", CultureInfo.InvariantCulture);
            case DateTimeOffset dateTimeOffset:
                return dateTimeOffset.ToString("o", CultureInfo.InvariantCulture);
            case Guid or Uri or Enum or TimeSpan or Version:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            case IDictionary dictionary:
                return FromDictionary(dictionary, path, depth);
            // Walking these as property bags would give nonsense (a script's syntax tree, a whole group): say what to use.
            case ScriptBlock:
                throw new ClientMetadataException($"Metadata value at '{path}' is a scriptblock, which is not a JSON value.");
            case EncordDataItem item:
                throw new ClientMetadataException($"Metadata value at '{path}' is the {item.GetType().Name} '{item}', not a JSON value; " +
                                                  "use one of its properties, such as $_.Title or $_.Count.");
            case IEnumerable enumerable:
                var items = new List<object?>();
                int index = 0;
                foreach (object? item in enumerable)
                    items.Add(Normalize(item, path + "[" + index++ + "]", depth + 1));
                return items.ToArray();
            default:
                // Any other .NET object: its public properties, as ConvertTo-Json would serialize them.
                return FromProperties(PSObject.AsPSObject(value), path, depth);
        }
    }

    private static double FiniteDouble(double value, string path)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ClientMetadataException($"Metadata value at '{path}' is {value}, which JSON cannot represent.");
        return value;
    }

    private static OrderedDictionary FromDictionary(IDictionary dictionary, string path, int depth)
    {
        var result = new OrderedDictionary(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            string key = Convert.ToString(entry.Key is PSObject keyObject ? keyObject.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
            AddUnique(result, key, Normalize(entry.Value, path + "." + key, depth + 1), path);
        }
        return result;
    }

    private static OrderedDictionary FromProperties(PSObject psObject, string path, int depth)
    {
        var result = new OrderedDictionary(StringComparer.Ordinal);
        foreach (PSPropertyInfo property in psObject.Properties)
        {
            if (!property.IsGettable)
                continue;
            object? propertyValue;
            try
            {
                propertyValue = property.Value;
            }
            catch (GetValueException)
            {
                continue; // a property that throws on read has no value to serialize
            }
            AddUnique(result, property.Name, Normalize(propertyValue, path + "." + property.Name, depth + 1), path);
        }
        return result;
    }

    private static void AddUnique(OrderedDictionary target, string key, object? value, string path)
    {
        if (target.Contains(key))
            throw new ClientMetadataException($"Metadata at '{path}' has the key '{key}' twice; jsonb would keep only one.");
        target.Add(key, value);
    }

    private static string Describe(object? value)
    {
        object? unwrapped = value is PSObject psObject ? psObject.BaseObject : value;
        return unwrapped is null ? "$null" : "a value of type " + unwrapped.GetType().Name;
    }
}
