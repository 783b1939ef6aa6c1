using System;
using System.Text.Json;

namespace EncordSpec.Reading;

/// <summary>Small helpers on the token a <see cref="Utf8JsonReader"/> stands on.</summary>
internal static class JsonTokens
{
    /// <summary>How messages name a token: "an object", "a number", "null".</summary>
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>Gets a string token's text; false when it cannot be decoded (invalid UTF-8 or a lone surrogate escape).</summary>
    public static bool TryGetString(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return text is not null;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
