using System.Text;

namespace EncordSpec.Tests.Reading;

/// <summary>What a syntax error is called, from the bytes around where the parser stopped.</summary>
public class JsonSyntaxDiagnosisTests
{
    private static JsonSyntaxProblem Diagnose(string text, char stoppedAt, int lastTokenEnd = 0, int depth = 0, bool fileStart = false,
        string parserMessage = "'x' is invalid. LineNumber: 0 | BytePositionInLine: 3.")
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return JsonSyntaxDiagnosis.Diagnose(bytes, text.LastIndexOf(stoppedAt), lastTokenEnd, depth, fileStart, parserMessage);
    }

    [Theory]
    [InlineData("[{\"a\": 1},\n  ]", ']', 9)]
    [InlineData("{\"a\": 1 ,\t\r\n}", '}', 8)]
    [InlineData("{\"images\": [],}", '}', 13)]
    public void A_comma_before_a_closing_bracket_is_a_trailing_comma_pointed_at_the_comma(string text, char closing, int comma)
    {
        var problem = Diagnose(text, closing);
        Assert.Equal(RuleIds.TrailingComma, problem.RuleId);
        Assert.Equal(comma, problem.ByteIndex);
        Assert.Contains($"closing '{closing}'", problem.Message);
    }

    [Fact]
    public void A_closing_bracket_after_a_value_is_not_a_trailing_comma()
    {
        var problem = Diagnose("{\"a\": 1 }}", '}');
        Assert.Equal(RuleIds.InvalidJson, problem.RuleId);
        Assert.Equal(9, problem.ByteIndex);
    }

    [Fact]
    public void A_bracket_at_the_depth_limit_is_nesting_too_deep_and_brackets_inside_strings_do_not_count()
    {
        // The parser's last token ended before "{\"k\": \"[{\", \"n\": "; the bracket after it is one level deeper.
        string prefix = "{\"k\": \"[{\", \"n\": ";
        string text = prefix + "{";
        var atLimit = JsonSyntaxDiagnosis.Diagnose(Encoding.UTF8.GetBytes(text), text.Length - 1, 0, SpecLimits.MaxJsonDepth - 1, false, "too deep");
        Assert.Equal(RuleIds.NestingTooDeep, atLimit.RuleId);
        Assert.Equal(text.Length - 1, atLimit.ByteIndex);

        var belowLimit = JsonSyntaxDiagnosis.Diagnose(Encoding.UTF8.GetBytes(text), text.Length - 1, 0, SpecLimits.MaxJsonDepth - 3, false, "other");
        Assert.Equal(RuleIds.InvalidJson, belowLimit.RuleId);
    }

    [Theory]
    [InlineData("{\"a\": \"b\\\"[{\" [", 0, 0, 1)] // brackets in a string, past an escaped quote, do not count
    [InlineData("[[]] [", 0, 0, 0)]                // closed brackets count back down
    [InlineData("{\"a\": [", 1, 1, 1)]             // counted on from where the last token ended, at its depth
    public void Depth_counts_the_brackets_outside_strings(string text, int from, int depthThere, int expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(expected, JsonSyntaxDiagnosis.DepthOfContainerAt(bytes, bytes.Length - 1, from, depthThere));
    }

    [Fact]
    public void Other_errors_keep_the_parsers_reason_without_its_position()
    {
        var problem = Diagnose("{\"a\" 1}", '1', parserMessage: "'1' is invalid after a property name. Expected a ':'. LineNumber: 0 | BytePositionInLine: 5.");
        Assert.Equal(RuleIds.InvalidJson, problem.RuleId);
        Assert.Equal("The file is not valid JSON here: '1' is invalid after a property name. Expected a ':'.", problem.Message);
    }

    [Theory]
    [InlineData("ObjectUrl,Image group title,Create video\ns3://b/a.jpg,,", true, true)]
    [InlineData("objecturl,Image group title\n", true, true)]
    [InlineData("ObjectUrl,Image group title\n", false, false)] // not the file's start: nothing can be said
    [InlineData("ObjectUrl\ns3://b/a.jpg\n", true, false)]      // no comma
    [InlineData("[\"ObjectUrl\",1]", true, false)]
    public void A_csv_header_at_the_start_of_the_file_gets_a_hint(string text, bool fileStart, bool hinted)
    {
        var problem = Diagnose(text, text[3], fileStart: fileStart);
        Assert.Equal(RuleIds.InvalidJson, problem.RuleId);
        Assert.Equal(hinted, problem.Message.Contains("-Format Csv"));
    }
}
