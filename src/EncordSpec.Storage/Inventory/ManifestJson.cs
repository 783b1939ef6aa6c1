using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EncordSpec.Storage.Inventory;

/// <summary>Reading manifest JSON: the document and its MD5, and fields looked up under any of their spellings
/// (GCS writes snake_case in manifests and camelCase in its API).</summary>
internal static class ManifestJson
{
    /// <summary>The manifest's bytes, read whole (manifests are small; the data files are streamed).</summary>
    public static byte[] ReadBytes(IReportFiles files, string location, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            using var stream = files.OpenRead(location, cancellationToken);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"The inventory manifest '{location}' does not exist.");
        }
    }

    public static JsonDocument Parse(byte[] bytes, string location)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw InventoryManifest.Corrupt(location, $"is not valid JSON: {e.Message}");
        }
    }

    public static string Md5Hex(byte[] bytes)
    {
        using var md5 = MD5.Create();
        return ToHex(md5.ComputeHash(bytes));
    }

    public static string ToHex(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>Checks <paramref name="manifest"/> against the MD5 its checksum file holds (hex, or base64 as Azure
    /// writes Content-MD5).</summary>
    public static void VerifyChecksum(byte[] manifest, string manifestLocation, IReportFiles files, string checksumLocation, System.Threading.CancellationToken cancellationToken)
    {
        string expected;
        try
        {
            using var stream = files.OpenRead(checksumLocation, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            expected = reader.ReadToEnd().Trim().Trim('"');
        }
        catch (FileNotFoundException)
        {
            throw InventoryManifest.Corrupt(checksumLocation,
                $"is missing, so the manifest '{manifestLocation}' cannot be checked (the report may still be being written).");
        }
        string actual = Md5Hex(manifest);
        bool matches = string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)
                       || TryBase64(expected) is { } raw && string.Equals(ToHex(raw), actual, StringComparison.Ordinal);
        if (!matches)
            throw InventoryManifest.Corrupt(manifestLocation,
                $"does not match its checksum file '{checksumLocation}' (MD5 {actual}, the checksum says {expected}): it was changed or cut short.");
    }

    private static byte[]? TryBase64(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            return bytes.Length == 16 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The first property of <paramref name="element"/> named one of <paramref name="names"/> (ignoring case), or null.</summary>
    public static JsonElement? Find(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (string name in names)
            foreach (var property in element.EnumerateObject())
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                    return property.Value;
        return null;
    }

    public static string? String(JsonElement element, params string[] names) =>
        Find(element, names) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public static long? Integer(JsonElement element, params string[] names)
    {
        if (Find(element, names) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
            return number;
        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static bool? Boolean(JsonElement element, params string[] names) =>
        Find(element, names) is { } value && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>The manifest field a report cannot be read without.</summary>
    public static JsonElement Require(JsonElement element, string location, params string[] names) =>
        Find(element, names) ?? throw InventoryManifest.Corrupt(location, $"has no '{names[0]}' field, which a manifest of this kind always has.");
}
