using System.Text;
using CsCheck;

namespace EncordSpec.Tests.Validation;

/// <summary>Specs broken at random: each seed (every rule case's good and bad spec, JSON and CSV) cut, repeated in
/// part, with bytes flipped, control characters, bad escapes, huge numbers, deep nesting or invalid UTF-8 put in.
/// The reader and validator give findings of catalogued rules, never an exception, and checking and reading find
/// the same.</summary>
public class MutatedSpecPropertyTests
{
    private static readonly (byte[] Bytes, SpecFormat Format)[] Seeds =
        RuleCases.All.SelectMany(c => new[] { (c.GoodBytes, c.Format), (c.BadBytes, c.Format) }).ToArray();

    private static readonly byte[][] Insertions =
    {
        B("\0"), B("\u0001"), B("\u001f"), B("\u007f"), B("\\u0000"), B("\\u0001"), B("\\ud800"), B("\\udc00x"), B("\\"),
        B("1e400"), B("-0"), B("5e-324"), B("1e-29"), B("123456789012345678901234567890123456789"), B("-"), B("0.1e"),
        B(","), B(",,"), B("\""), B("{"), B("}"), B("["), B("]"), B(":"), B("\r\n"), B("\n\n\n"), B(" "), B("null"), B("true"),
        new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE6, 0x97 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE },
        B("\"objectUrl_0\": "), B("\"objectUrl_01\": \"s3://b/a.jpg\", "), B("\"clientMetadata\": {"), B("\"title\": "),
        B("\"images\": [{}], "), B("\"image_groups\": "), B("\"skip_duplicate_urls\": 1, "), B("\"a\": 1, \"a\": 2, "),
        B(new string('[', 80)), B(new string('{', 70)), B(string.Concat(Enumerable.Repeat("{\"a\":", 80))),
        B(",,\"x\"\"y\",\r\n"), B("\"unclosed"), B("<object url>"), B("?X-Amz-Signature=abc"),
    };

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private enum Kind { Cut, Repeat, Flip, Insert, Remove, Nest }

    private sealed record Mutation(Kind Kind, double Where, int Length, int Insertion, byte Mask)
    {
        public byte[] Apply(byte[] bytes)
        {
            int at = Math.Min(bytes.Length, (int)(Where * bytes.Length));
            int length = Math.Min(Length, bytes.Length - at);
            return Kind switch
            {
                Kind.Cut => bytes[..at],
                Kind.Repeat => [.. bytes[..(at + length)], .. bytes[at..]],
                Kind.Flip when at < bytes.Length => [.. bytes[..at], (byte)(bytes[at] ^ Mask), .. bytes[(at + 1)..]],
                Kind.Remove => [.. bytes[..at], .. bytes[(at + length)..]],
                Kind.Nest => [.. bytes[..at], .. Enumerable.Repeat((byte)'[', 20 * Length), .. bytes[at..], .. Enumerable.Repeat((byte)']', 20 * Length)],
                _ => [.. bytes[..at], .. Insertions[Insertion], .. bytes[at..]],
            };
        }

        public override string ToString() => $"{Kind} at {Where:P1} ({Length}, '{Encoding.UTF8.GetString(Insertions[Insertion])}', 0x{Mask:X2})";
    }

    private sealed record Case(int Seed, Mutation[] Mutations, IntegrationKind Integration)
    {
        public (byte[] Bytes, SpecFormat Format) Spec()
        {
            var (bytes, format) = Seeds[Seed];
            foreach (var mutation in Mutations)
                bytes = mutation.Apply(bytes);
            return (bytes, format);
        }

        public override string ToString()
        {
            var (bytes, format) = Spec();
            string text = Encoding.UTF8.GetString(bytes);
            return $"{format} seed {Seed} ({RuleCases.All[Seed / 2].Name}), {string.Join("; ", Mutations.Select(m => m.ToString()))}, {Integration}: " +
                   (text.Length > 600 ? text[..600] + "..." : text);
        }
    }

    private static readonly Gen<Mutation> Mutations = Gen.Select(
        Gen.Enum<Kind>(), Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[0, Insertions.Length - 1], Gen.Byte[1, 255],
        (kind, where, length, insertion, mask) => new Mutation(kind, where, length, insertion, mask));

    private static readonly Gen<Case> Cases = Gen.Select(
        Gen.Int[0, Seeds.Length - 1], Mutations.Array[1, 4], Gen.Enum<IntegrationKind>(),
        (seed, mutations, integration) => new Case(seed, mutations, integration));

    [Fact]
    public void Broken_specs_give_findings_of_the_catalog_and_never_an_exception()
    {
        Cases.Sample(Check, iter: 500, threads: 1);
    }

    /// <summary>Random text made of the pieces above and spec keys, values and punctuation, as JSON and as CSV.</summary>
    [Fact]
    public void Random_specs_give_findings_of_the_catalog_and_never_an_exception()
    {
        var pieces = Insertions.Concat(new[]
        {
            B("{\"images\": ["), B("{\"objectUrl\": \"s3://b/a.jpg\"}"), B("\"objectUrl\": "), B("\"https://bucket.s3.eu-west-2.amazonaws.com/x.png\""),
            B("{\"image_groups\": [{\"title\": \"g\", "), B("\"objectUrl_1\": \"gs://b/1.jpg\""), B("\"dicom_series\": ["), B("\"videoMetadata\": {\"fps\": "),
            B("ObjectUrl,Image group title,Create video\r\n"), B("gs://b/a.jpg,g,true\r\n"), B(",,\r\n"), B("\"a,b\""), B(";"),
        }).ToArray();
        Gen.Select(Gen.Int[0, pieces.Length - 1].Array[0, 40], Gen.Bool, Gen.Enum<IntegrationKind>(),
                (picked, csv, integration) => (Bytes: picked.SelectMany(i => pieces[i]).ToArray(), Format: csv ? SpecFormat.Csv : SpecFormat.Json, Integration: integration))
            .Sample(spec => Check(spec.Bytes, spec.Format, spec.Integration), iter: 300, threads: 1,
                print: spec => $"{spec.Format} {spec.Integration}: {Encoding.UTF8.GetString(spec.Bytes)}");
    }

    private static void Check(Case test)
    {
        var (bytes, format) = test.Spec();
        Check(bytes, format, test.Integration);
    }

    private static void Check(byte[] bytes, SpecFormat format, IntegrationKind integration)
    {
        var checking = SpecReadResult.Read(bytes, format, readItems: false, integration: integration);
        var reading = SpecReadResult.Read(bytes, format, readItems: true, integration: integration);

        Assert.Equal(checking.Findings.Select(f => f.ToString()), reading.Findings.Select(f => f.ToString()));
        foreach (var finding in reading.Findings)
        {
            Assert.True(SpecRules.TryGet(finding.RuleId, out var rule), $"'{finding.RuleId}' is not in the catalog.");
            Assert.Equal(rule.Severity, finding.Severity);
        }
        Assert.Equal(reading.Findings.Count(f => f.Severity == FindingSeverity.Error), reading.Summary.Errors);
        if (reading.Summary.Errors == 0)
            Assert.NotEmpty(reading.Items); // a spec without errors has items: an empty one is SpecEmpty
    }
}
