using System.Reflection;
using System.Text.RegularExpressions;

namespace EncordSpec.Tests.Validation;

/// <summary>The rule catalog is the one source of truth: every rule id constant is in it, and about_EncordSpec_Rules
/// documents every rule with its severity.</summary>
public class RuleCatalogTests
{
    private static string HelpText()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EncordSpec.psd1")))
            folder = folder.Parent;
        Assert.NotNull(folder);
        return File.ReadAllText(Path.Combine(folder!.FullName, "src", "Help", "about_EncordSpec_Rules.help.txt"));
    }

    [Fact]
    public void Every_rule_id_constant_is_in_the_catalog_and_the_other_way_round()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToList();
        Assert.Equal(constants, SpecRules.All.Select(r => r.Id).OrderBy(x => x).ToList());
        Assert.Equal(SpecRules.All.Count, SpecRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Every_rule_is_documented_with_its_severity_in_about_EncordSpec_Rules()
    {
        string help = HelpText();
        foreach (var rule in SpecRules.All)
            Assert.Matches(new Regex("^    " + Regex.Escape(rule.Id) + " \\(" + rule.Severity + "\\)\\r?$", RegexOptions.Multiline), help);
    }

    [Fact]
    public void Every_rule_has_a_one_line_description()
    {
        foreach (var rule in SpecRules.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Id);
            Assert.DoesNotContain('\n', rule.Description);
            Assert.EndsWith(".", rule.Description);
        }
    }
}
