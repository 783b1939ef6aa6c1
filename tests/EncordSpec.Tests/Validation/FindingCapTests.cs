namespace EncordSpec.Tests.Validation;

public sealed class FindingCapTests
{
    private static SpecFinding Finding(string ruleId, string message = "m") =>
        new(ruleId, "images[0]", new TextPosition(1, 1), message, "/specs/spec.json");

    [Fact]
    public void The_first_findings_of_each_rule_are_shown_and_the_rest_counted_in_one_line_per_rule()
    {
        var cap = new FindingCap(3);
        int shownDuplicates = Enumerable.Range(0, 1000).Count(_ => cap.Admit(Finding(RuleIds.DuplicateKey)));
        int shownUrls = Enumerable.Range(0, 2).Count(_ => cap.Admit(Finding(RuleIds.DuplicateUrl)));

        Assert.Equal(3, shownDuplicates);
        Assert.Equal(2, shownUrls);
        var summary = Assert.Single(cap.Summaries("/specs/spec.json"));
        Assert.StartsWith("spec.json: 997 more DuplicateKey finding(s) not shown (1,000 in all;", summary);
        Assert.Contains("-MaxFindings", summary);
    }

    [Fact]
    public void Each_file_gets_its_own_cap()
    {
        var cap = new FindingCap(1);
        Assert.True(cap.Admit(Finding(RuleIds.DuplicateKey)));
        Assert.False(cap.Admit(Finding(RuleIds.DuplicateKey)));
        Assert.Single(cap.Summaries("a.json"));
        Assert.True(cap.Admit(Finding(RuleIds.DuplicateKey)));
        Assert.Empty(cap.Summaries("b.json"));
    }

    [Fact]
    public void Zero_shows_every_finding()
    {
        var cap = new FindingCap(0);
        Assert.All(Enumerable.Range(0, 500), _ => Assert.True(cap.Admit(Finding(RuleIds.DuplicateKey))));
        Assert.Empty(cap.Summaries(null));
    }

    [Fact]
    public void A_message_that_quotes_a_huge_value_keeps_a_marked_excerpt()
    {
        string hugeNumber = new('9', 5_000_000);
        var finding = Finding(RuleIds.DuplicateKey, "The value " + hugeNumber + " is not allowed here.");
        Assert.True(finding.Message.Length <= SpecFinding.MaxMessageLength);
        Assert.StartsWith("The value 999", finding.Message);
        Assert.Contains("characters left out", finding.Message);
        Assert.EndsWith("is not allowed here.", finding.Message);
    }
}
