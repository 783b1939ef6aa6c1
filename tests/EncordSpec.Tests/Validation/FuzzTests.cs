using System.Text;
using System.Text.RegularExpressions;

namespace EncordSpec.Tests.Validation;

/// <summary>Thousands of mutated specs (truncated, bytes flipped, keys renamed, nesting deepened, slices cut or
/// repeated, odd bytes inserted) through both readers, both modes. None may throw; every finding must be a catalog
/// rule with a sane place; checking and reading must agree. The seed is fixed, so a failure can be replayed.</summary>
public class FuzzTests
{
    private const int Seed = 20261126;
    private const int Mutants = 3000;

    private static readonly byte[][] OddBytes =
    {
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0 }, new byte[] { 0xC0, 0xAF },
        new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90 }, Encoding.UTF8.GetBytes("\\ud800"),
        Encoding.UTF8.GetBytes("\""), Encoding.UTF8.GetBytes(","), Encoding.UTF8.GetBytes("\\"),
        Encoding.UTF8.GetBytes("1e999"), Encoding.UTF8.GetBytes("\r\n"), Encoding.UTF8.GetBytes("\u00A0"),
        Encoding.UTF8.GetBytes("😀"), Encoding.UTF8.GetBytes("}"), Encoding.UTF8.GetBytes("]"), Encoding.UTF8.GetBytes("{"),
    };

    private static readonly string[] KeyNames =
    {
        "objectUrl", "objectUrl_0", "objectUrl_01", "objectUrl_x", "objectUrl_999999999", "objectUrl_", "title", "Title",
        "createVideo", "clientMetadata", "imageMetadata", "videoMetadata", "audioMetadata", "images", "image_group",
        "skip_duplicate_urls", "upsert_metadata", "ObjectUrl", "Create video", "", "\\u0041", "x",
    };

    [Fact]
    public void Mutated_specs_never_throw_and_give_consistent_findings()
    {
        var random = new Random(Seed);
        var seeds = Seeds();
        for (int i = 0; i < Mutants; i++)
        {
            var (seedBytes, format) = seeds[random.Next(seeds.Count)];
            byte[] mutant = Mutate(seedBytes, random);
            // Now and then feed a spec to the other format's reader too.
            var readAs = random.Next(10) == 0 ? (format == SpecFormat.Json ? SpecFormat.Csv : SpecFormat.Json) : format;
            Check(mutant, readAs, $"mutant {i} ({readAs})");
        }
    }

    [Fact]
    public void Odd_whole_files_never_throw()
    {
        var random = new Random(Seed);
        var garbage = new byte[200_000];
        random.NextBytes(garbage);
        var files = new List<byte[]>
        {
            Array.Empty<byte>(), new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0, 0, 0, 0 }, Encoding.UTF8.GetBytes(" \n\t "),
            garbage, Encoding.UTF8.GetBytes(new string('[', 100_000)), Encoding.UTF8.GetBytes(new string('{', 50_000)),
            Encoding.UTF8.GetBytes("{\"images\": [" + new string('"', 99_999)), Encoding.UTF8.GetBytes("\"" + new string('a', 300_000)),
            Encoding.BigEndianUnicode.GetBytes("{\"images\": []}"), Encoding.UTF32.GetBytes("{\"images\": []}"),
            Encoding.UTF8.GetBytes("{\"images\": [{\"objectUrl\": \"s3://b/a.jpg\"}]}{}"), Encoding.UTF8.GetBytes("null"),
            Encoding.UTF8.GetBytes("ObjectUrl,Image group title,Create video\r\n\"" + new string('x', 100_000)),
        };
        foreach (var file in files)
            foreach (var format in new[] { SpecFormat.Json, SpecFormat.Csv })
                Check(file, format, $"odd file of {file.Length} bytes ({format})", maxBufferedBytes: 1024 * 1024);
    }

    private static void Check(byte[] spec, SpecFormat format, string what, int? maxBufferedBytes = null)
    {
        SpecReadResult checking, reading;
        try
        {
            checking = SpecReadResult.Read(spec, format, readItems: false, maxBufferedBytes: maxBufferedBytes);
            reading = SpecReadResult.Read(spec, format, readItems: true, maxBufferedBytes: maxBufferedBytes);
        }
        catch (Exception e)
        {
            string sample = Encoding.UTF8.GetString(spec, 0, Math.Min(spec.Length, 600));
            throw new Xunit.Sdk.XunitException($"{what} threw {e}\n--- input starts ---\n{sample}");
        }
        foreach (var finding in reading.Findings)
        {
            Assert.True(SpecRules.TryGet(finding.RuleId, out var rule), $"{what}: unknown rule {finding.RuleId}");
            Assert.Equal(rule.Severity, finding.Severity);
            Assert.True(finding.Line >= 0 && finding.Column >= 0, $"{what}: {finding}");
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        }
        Assert.Equal(checking.Findings.Select(f => f.ToString()), reading.Findings.Select(f => f.ToString()));
        Assert.Equal(reading.Findings.Count(f => f.Severity == FindingSeverity.Error), reading.Summary.Errors);
        Assert.Equal(reading.Findings.Count(f => f.Severity == FindingSeverity.Warning), reading.Summary.Warnings);
    }

    private static List<(byte[] Bytes, SpecFormat Format)> Seeds()
    {
        var seeds = new List<(byte[], SpecFormat)>();
        foreach (string file in Directory.GetFiles(TestData.PathOf("PageExamples")))
            seeds.Add((File.ReadAllBytes(file), SpecFormats.FromPath(file)));
        seeds.Add((Encoding.UTF8.GetBytes(GeneratedSpecs.Json(40, seed: 1)), SpecFormat.Json));
        seeds.Add((Encoding.UTF8.GetBytes(GeneratedSpecs.Csv(40, seed: 2)), SpecFormat.Csv));
        return seeds;
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int steps = 1 + random.Next(3);
        for (int step = 0; step < steps; step++)
        {
            switch (random.Next(7))
            {
                case 0: // truncate
                    int keep = random.Next(bytes.Count + 1);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 1: // flip bytes
                    for (int k = 1 + random.Next(8); k > 0 && bytes.Count > 0; k--)
                        bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 2: // rename a key
                    bytes = RenameKey(bytes, random);
                    break;
                case 3: // deepen nesting
                    bytes = Deepen(bytes, random);
                    break;
                case 4: // cut a slice
                    if (bytes.Count > 2)
                    {
                        int start = random.Next(bytes.Count - 1);
                        bytes.RemoveRange(start, 1 + random.Next(Math.Min(200, bytes.Count - start - 1)));
                    }
                    break;
                case 5: // repeat a slice
                    if (bytes.Count > 2)
                    {
                        int start = random.Next(bytes.Count - 1);
                        int length = 1 + random.Next(Math.Min(300, bytes.Count - start - 1));
                        bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(start, length));
                    }
                    break;
                default: // insert odd bytes
                    bytes.InsertRange(random.Next(bytes.Count + 1), OddBytes[random.Next(OddBytes.Length)]);
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static List<byte> RenameKey(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString(bytes.ToArray());
        var keys = Regex.Matches(text, "\"([^\"\\\\]*)\"\\s*:");
        if (keys.Count == 0) return bytes;
        var key = keys[random.Next(keys.Count)].Groups[1];
        string name = random.Next(3) switch
        {
            0 => KeyNames[random.Next(KeyNames.Length)],
            1 => key.Value.Length > 1 ? key.Value.Remove(random.Next(key.Value.Length), 1) : key.Value + "s",
            _ => key.Value.ToUpperInvariant(),
        };
        return new List<byte>(Encoding.UTF8.GetBytes(text.Substring(0, key.Index) + name + text.Substring(key.Index + key.Length)));
    }

    private static List<byte> Deepen(List<byte> bytes, Random random)
    {
        int depth = 1 + random.Next(random.Next(2) == 0 ? 20 : 120);
        bool array = random.Next(2) == 0;
        string open = array ? new string('[', depth) : string.Concat(Enumerable.Repeat("{\"k\": ", depth));
        string close = array ? new string(']', depth) : new string('}', depth);
        int at = bytes.IndexOf((byte)':');
        if (at < 0 || random.Next(4) == 0)
        {
            // Wrap the whole document.
            var wrapped = new List<byte>(Encoding.UTF8.GetBytes(open));
            wrapped.AddRange(bytes);
            wrapped.AddRange(Encoding.UTF8.GetBytes(close));
            return wrapped;
        }
        // Put a deep value after a random object's opening brace.
        var braces = new List<int>();
        for (int i = 0; i < bytes.Count; i++) if (bytes[i] == (byte)'{') braces.Add(i);
        if (braces.Count == 0) return bytes;
        int brace = braces[random.Next(braces.Count)];
        bytes.InsertRange(brace + 1, Encoding.UTF8.GetBytes("\"deep\": " + open + "1" + close + ", "));
        return bytes;
    }
}
