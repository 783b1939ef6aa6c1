using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>What reading one spec delivered: findings and items in order, and the summary.</summary>
internal sealed class SpecReadResult : ISpecReadListener
{
    public List<SpecFinding> Findings { get; } = new();
    public List<EncordDataItem> Items { get; } = new();
    public SpecReadSummary Summary { get; private set; } = null!;

    public void OnItem(EncordDataItem item) => Items.Add(item);
    public void OnFinding(SpecFinding finding) => Findings.Add(finding);

    public IEnumerable<SpecFinding> Of(string ruleId) => Findings.Where(f => f.RuleId == ruleId);

    public IEnumerable<string> RuleIds => Findings.Select(f => f.RuleId);

    public static SpecReadResult Read(string text, SpecFormat format = SpecFormat.Json, bool readItems = true, string? path = null) =>
        Read(Encoding.UTF8.GetBytes(text), format, readItems, path);

    public static SpecReadResult Read(byte[] bytes, SpecFormat format = SpecFormat.Json, bool readItems = true, string? path = null,
        int? maxBufferedBytes = null, IntegrationKind integration = IntegrationKind.Standard)
    {
        var result = new SpecReadResult();
        // Checking runs the URL checks on a second thread from the first byte, so that every test of checking
        // covers that path too, and comparing checking with reading compares the two paths.
        var options = new SpecReadOptions { ReadItems = readItems, Path = path, PipelineAboveBytes = readItems ? long.MaxValue : 0, Integration = integration };
        if (maxBufferedBytes is { } max) options.MaxBufferedBytes = max;
        using var stream = new MemoryStream(bytes);
        result.Summary = SpecReader.Read(stream, format, options, result);
        return result;
    }

    public static SpecReadResult ReadFile(string path, bool readItems = true)
    {
        var result = new SpecReadResult();
        using var stream = File.OpenRead(path);
        result.Summary = SpecReader.Read(stream, SpecFormats.FromPath(path), new SpecReadOptions { ReadItems = readItems, Path = path, PipelineAboveBytes = readItems ? long.MaxValue : 0 }, result);
        return result;
    }

    public override string ToString() => string.Join(Environment.NewLine, Findings.Select(f => f.RuleId + " " + f));
}
