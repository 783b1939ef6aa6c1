using System.Collections.Specialized;
using System.Text;
using System.Text.Json;
using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Writing;

/// <summary>A spec read and written again keeps every metadata number as it was written (the issue's numbers:
/// underflowing, negative zero, integers and fractions beyond decimal's digits), while the values users get are
/// ordinary .NET numbers to compute with.</summary>
public class NumberRoundTripTests
{
    private const string Url = RuleCases.Url;

    public static TheoryData<string> Numbers => new()
    {
        "1e-29", "5e-324", "-1e-300", "-0", "-0.0", "1E2", "2.50", "1.0e+0",
        "12345678901234567890123456789012345678",          // beyond decimal (and long)
        "79228162514264337593543950336",                   // decimal.MaxValue + 1
        "9223372036854775808",                             // long.MaxValue + 1
        "0.123456789012345678901234567890123456789",       // more fraction digits than decimal keeps
        "-98765432109876543210987654321098765.5",
        "42", "0", "-7", "3.14",
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_metadata_number_is_written_back_exactly_as_it_was_read(string number)
    {
        string spec = $"{{\"images\": [{{\"objectUrl\": \"{Url}\", \"clientMetadata\": {{\"n\": {number}, \"deep\": [{{\"m\": [{number}]}}]}}}}]}}";
        var read = SpecReadResult.Read(spec);
        Assert.Empty(read.Findings);

        string written = Write(read.Items.Single());
        using var document = JsonDocument.Parse(written);
        var metadata = document.RootElement.GetProperty("images")[0].GetProperty("clientMetadata");
        Assert.Equal(number, metadata.GetProperty("n").GetRawText());
        Assert.Equal(number, metadata.GetProperty("deep")[0].GetProperty("m")[0].GetRawText());

        Assert.Equal(written, Write(SpecReadResult.Read(written).Items.Single())); // and again: the same bytes
    }

    [Fact]
    public void A_kept_number_in_an_array_is_laid_out_like_any_other_value()
    {
        // Found by WrittenSpecPropertyTests: written raw, the number followed the comma on the same line.
        var kept = ReadMetadata("{\"a\": [true, 1e-29, {\"b\": [-0]}]}");
        var plain = new OrderedDictionary { ["a"] = new object?[] { true, 7L, new OrderedDictionary { ["b"] = new object?[] { 8L } } } };
        string expected = Write(new EncordImage(Url) { ClientMetadata = plain }).Replace("7", "1e-29").Replace("8", "-0");
        Assert.Equal(expected, Write(new EncordImage(Url) { ClientMetadata = kept }));
    }

    [Fact]
    public void Read_numbers_are_plain_numbers_near_what_was_written()
    {
        var metadata = ReadMetadata("{\"tiny\": 1e-29, \"least\": 5e-324, \"negative\": -1e-300, \"zero\": -0, \"hundred\": 1E2, \"huge\": 12345678901234567890123456789012345678}");
        Assert.Equal(1e-29, Assert.IsType<double>(metadata["tiny"]));
        Assert.Equal(5e-324, Assert.IsType<double>(metadata["least"]));
        Assert.Equal(-1e-300, Assert.IsType<double>(metadata["negative"]));
        Assert.Equal(0L, Assert.IsType<long>(metadata["zero"]));
        Assert.Equal(100m, Assert.IsType<decimal>(metadata["hundred"]));
        Assert.Equal(1.2345678901234568e37, Assert.IsType<double>(metadata["huge"]));
    }

    [Fact]
    public void A_value_the_user_replaces_or_computes_is_written_as_the_new_value()
    {
        var item = SpecReadResult.Read($"{{\"images\": [{{\"objectUrl\": \"{Url}\", \"clientMetadata\": {{\"a\": 1E2, \"b\": 1e-29, \"c\": -0, \"d\": 1E2}}}}]}}").Items.Single();
        var metadata = item.ClientMetadata!;
        metadata["a"] = (decimal)metadata["a"]! + 1;
        metadata["b"] = 1e-29; // the same number, but a new value: written the way .NET writes it
        metadata["c"] = metadata["d"]; // the same object moved: keeps its text

        using var document = JsonDocument.Parse(Write(item));
        var written = document.RootElement.GetProperty("images")[0].GetProperty("clientMetadata");
        Assert.Equal("101", written.GetProperty("a").GetRawText());
        Assert.Equal("1E-29", written.GetProperty("b").GetRawText());
        Assert.Equal("1E2", written.GetProperty("c").GetRawText());
    }

    [Fact]
    public void Metadata_given_as_json_text_keeps_its_numbers_too()
    {
        var metadata = JsonTreeReader.ParseObject("{\"n\": 5e-324, \"z\": -0}");
        var item = new EncordImage(Url) { ClientMetadata = JsonValueNormalizer.ToJsonObject(metadata) };
        Assert.Contains("{\"n\":5e-324,\"z\":-0}", Write(item).Replace(" ", "").Replace("\n", "").Replace("\r", ""));
    }

    private static OrderedDictionary ReadMetadata(string json) =>
        SpecReadResult.Read($"{{\"images\": [{{\"objectUrl\": \"{Url}\", \"clientMetadata\": {json}}}]}}").Items.Single().ClientMetadata!;

    private static string Write(EncordDataItem item)
    {
        using var output = new MemoryStream();
        using (var writer = SpecJsonWriter.InMemory(new SpecWriterOptions()))
        {
            writer.Add(item);
            writer.Complete(output);
        }
        return new UTF8Encoding(false).GetString(output.ToArray());
    }
}
