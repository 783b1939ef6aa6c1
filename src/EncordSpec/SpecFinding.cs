using System.Text;
using EncordSpec.Validation;
using EncordSpec.Format;

namespace EncordSpec;

/// <summary>One problem Test-EncordSpec found: which rule, where (item location, line, column, file) and what to do.</summary>
public sealed class SpecFinding
{
    internal SpecFinding(string ruleId, string location, TextPosition position, string message, string? path)
    {
        var rule = SpecRules.Get(ruleId);
        Severity = rule.Severity;
        RuleId = rule.Id;
        Location = Shortened(location, MaxLocationLength);
        Line = position.Line;
        Column = position.Column;
        Message = Shortened(message, MaxMessageLength);
        Path = path;
    }

    public FindingSeverity Severity { get; }
    /// <summary>The rule's stable id (see about_EncordSpec_Rules); the ErrorId of the error record.</summary>
    public string RuleId { get; }
    /// <summary>The item and key the finding is about, such as image_groups[2].objectUrl_3 or "row 4, ObjectUrl";
    /// empty when it is about the whole file.</summary>
    public string Location { get; }
    /// <summary>1-based line, or 0 when the finding is about the whole file.</summary>
    public long Line { get; }
    /// <summary>1-based column in characters, or 0 when unknown.</summary>
    public long Column { get; }
    public string Message { get; }
    /// <summary>Full path of the spec file; null for a spec given as text.</summary>
    public string? Path { get; }

    /// <summary>The message with its place, as error records and warnings show it:
    /// "image_groups[2].objectUrl_3 at line 40, column 5 of spec.json: ...".</summary>
    /// <summary>The longest message a finding carries: a message that quotes a hostile value (a 50 MB number or key)
    /// keeps a marked excerpt of it, not the whole.</summary>
    internal const int MaxMessageLength = 1000;

    /// <summary>The longest location (it names keys, which may be hostile too).</summary>
    internal const int MaxLocationLength = 300;

    private static string Shortened(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        int tail = maxLength / 10;
        int head = maxLength - tail - 60;
        return text.Substring(0, head) + $"[... {text.Length - head - tail:N0} characters left out ...]" + text.Substring(text.Length - tail);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Location);
        if (Line > 0)
        {
            text.Append(text.Length > 0 ? " at line " : "Line ").Append(Line);
            if (Column > 0) text.Append(", column ").Append(Column);
        }
        string file = Path is null ? "the -Spec text" : System.IO.Path.GetFileName(Path);
        text.Append(text.Length > 0 ? " of " : "").Append(file).Append(": ").Append(Message);
        return text.ToString();
    }
}
