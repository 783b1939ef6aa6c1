using System.Text.Json;

namespace EncordSpec.Tests.Support;

/// <summary>Compares JSON documents by structure: same keys in the same order, same values. Whitespace and number
/// spelling do not matter.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected, new JsonDocumentOptions { AllowTrailingCommas = true });
        using var actualDocument = JsonDocument.Parse(actual);
        Compare(expectedDocument.RootElement, actualDocument.RootElement, "$");
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToArray();
                Assert.True(expectedNames.SequenceEqual(actualNames),
                    $"{path}: keys differ.\nexpected: {string.Join(", ", expectedNames)}\nactual:   {string.Join(", ", actualNames)}");
                foreach (var property in expected.EnumerateObject())
                    Compare(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(),
                    $"{path}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}");
                for (int i = 0; i < expected.GetArrayLength(); i++)
                    Compare(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
            case JsonValueKind.Number:
                Assert.Equal(expected.GetDecimal(), actual.GetDecimal());
                break;
        }
    }
}
