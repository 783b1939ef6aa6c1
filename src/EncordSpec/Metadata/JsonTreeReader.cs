using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;

namespace EncordSpec.Metadata;

/// <summary>Reads JSON into the tree <see cref="JsonTreeWriter"/> writes: OrderedDictionary, object[], string,
/// bool, null, and numbers as long when integral, else decimal (or double when decimal cannot hold them); a number
/// that would not be written back as it was keeps its text (<see cref="JsonNumberText"/>).
/// A repeated key keeps its last value, as PostgreSQL's jsonb does.</summary>
internal static class JsonTreeReader
{
    /// <summary>Parses text that must hold one JSON object (metadata given as a JSON string).</summary>
    public static OrderedDictionary ParseObject(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = JsonValueNormalizer.MaxDepth + 1 });
            reader.Read();
            return ReadValue(ref reader) as OrderedDictionary
                ?? throw new ClientMetadataException("Metadata given as text must be a JSON object ({...}).");
        }
        catch (JsonException e)
        {
            throw new ClientMetadataException("Metadata given as text is not valid JSON: " + e.Message);
        }
    }

    /// <summary>Reads the value at the reader's current token and leaves the reader on its last token.</summary>
    public static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var dictionary = new OrderedDictionary(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = reader.GetString()!;
                    reader.Read();
                    object? value = ReadValue(ref reader);
                    if (dictionary.Contains(key)) dictionary.Remove(key);
                    dictionary.Add(key, value);
                }
                return dictionary;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader));
                return items.ToArray();
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return JsonNumberText.Read(ref reader);
            default:
                throw new JsonException($"Unexpected {reader.TokenType} token.");
        }
    }
}
