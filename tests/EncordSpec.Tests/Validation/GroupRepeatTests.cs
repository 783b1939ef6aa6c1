namespace EncordSpec.Tests.Validation;

/// <summary>Repeats within a group (DuplicateUrlInGroup) and repeats of an earlier item's URL (DuplicateUrl) are
/// told apart whatever the layout: one URL per line, one group on one line, several groups on one line. A group
/// that starts on a line after every earlier URL keeps no table of its own (the file's table tells, by line), but
/// for the URLs it repeats from earlier items.</summary>
public class GroupRepeatTests
{
    private const string A = "https://b.s3.eu-west-2.amazonaws.com/a.jpg";
    private const string B = "https://b.s3.eu-west-2.amazonaws.com/b.jpg";
    private const string C = "https://b.s3.eu-west-2.amazonaws.com/c.jpg";

    // An image (A), then group 1: B, C, B (repeat within), A (repeat of the image); group 2: C (repeat of group 1), C (within).
    private static readonly string[] Expected =
    {
        "DuplicateUrlInGroup image_groups[0].objectUrl_2", "DuplicateUrl image_groups[0].objectUrl_3",
        "DuplicateUrl image_groups[1].objectUrl_0", "DuplicateUrlInGroup image_groups[1].objectUrl_1",
    };

    private static string Spec(string newline) =>
        $"{{\"images\": [{{\"objectUrl\": \"{A}\"}}],{newline}\"image_groups\": [{newline}" +
        $"{{\"title\": \"g1\", \"createVideo\": false,{newline}\"objectUrl_0\": \"{B}\",{newline}\"objectUrl_1\": \"{C}\",{newline}\"objectUrl_2\": \"{B}\",{newline}\"objectUrl_3\": \"{A}\"}},{newline}" +
        $"{{\"title\": \"g2\", \"createVideo\": false,{newline}\"objectUrl_0\": \"{C}\",{newline}\"objectUrl_1\": \"{C}\"}}]}}";

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\n", false)]
    [InlineData("", true)] // all on one line: the groups share their first line with earlier URLs
    [InlineData("", false)]
    public void Repeats_within_a_group_and_across_items_are_told_apart_in_any_layout(string newline, bool readItems)
    {
        var result = SpecReadResult.Read(Spec(newline), readItems: readItems);

        Assert.Equal(Expected, result.Findings.Select(f => $"{f.RuleId} {f.Location}"));
    }

    [Fact]
    public void A_group_on_lines_of_its_own_keeps_no_table_of_its_own()
    {
        var checks = new UrlChecks(path: null);
        var findings = new List<SpecFinding>();
        void Check(string url, long line, long group) =>
            checks.Check(url.AsSpan(), new UrlCheckRequest(UrlKey.Indexed(0), SpecSection.ImageGroups, ItemLocation.Item(SpecSection.ImageGroups, 0), new TextPosition(line, 5), group, false), findings);

        Check(A, 2, 1);
        for (int i = 0; i < 1000; i++)
            Check($"https://b.s3.eu-west-2.amazonaws.com/{i}.jpg", 3 + i, 2);
        Assert.Equal(0, checks.GroupHashesKept);

        Check(B, 2000, 3); // a group on one line after the last: its first URL's line is new
        Check(B, 2000, 3);
        Assert.Equal(0, checks.GroupHashesKept);
        Check(A, 2001, 3); // a repeat of the first group's URL: the group keeps it, to tell a second one
        Check(A, 2001, 3);
        Assert.Equal(1, checks.GroupHashesKept);
        Assert.Equal(new[] { RuleIds.DuplicateUrlInGroup, RuleIds.DuplicateUrl, RuleIds.DuplicateUrlInGroup }, findings.Select(f => f.RuleId));

        Check(C, 2000, 4); // starts on the line of the previous group's URLs: only its own table can tell
        Assert.Equal(1, checks.GroupHashesKept);
    }
}
