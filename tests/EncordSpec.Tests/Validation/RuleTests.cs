namespace EncordSpec.Tests.Validation;

/// <summary>Each rule: a spec that breaks it gives a finding of that rule at the right place, with the place named in
/// the message; a near copy that does not break it gives none.</summary>
public class RuleTests
{
    private static readonly string LongPath = "/specs/" + new string('n', SpecLimits.MaxFileNameLength + 1) + ".json";

    public static TheoryData<string> Cases => RuleCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_spec_gives_the_rule_at_its_place(string name)
    {
        var rule = RuleCases.Get(name);
        var result = Read(rule, rule.BadBytes, rule.RuleId == RuleIds.FileNameTooLong ? LongPath : null, rule.Integration);

        var finding = result.Of(rule.RuleId).FirstOrDefault();
        Assert.True(finding is not null, $"{name}: no {rule.RuleId} finding. Findings:\n{result}");
        Assert.Equal(SpecRules.Get(rule.RuleId).Severity, finding!.Severity);
        Assert.Equal(rule.Location, finding.Location);
        var (line, column) = rule.ExpectedPosition();
        Assert.Equal(line, finding.Line);
        if (column is { } expectedColumn)
            Assert.Equal(expectedColumn, finding.Column);

        string shown = finding.ToString();
        Assert.StartsWith(rule.Location, shown);
        if (line > 0)
            Assert.Contains($"line {line}", shown, StringComparison.OrdinalIgnoreCase);
        if (finding.Column > 0)
            Assert.Contains($"column {finding.Column}", shown);
        Assert.Contains(finding.Message, shown);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixed_spec_does_not_give_the_rule(string name)
    {
        var rule = RuleCases.Get(name);
        var result = Read(rule, rule.GoodBytes, rule.RuleId == RuleIds.FileNameTooLong ? "/specs/upload.json" : null, rule.IntegrationOfGood);
        Assert.DoesNotContain(rule.RuleId, result.RuleIds);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checking_and_reading_find_the_same(string name)
    {
        var rule = RuleCases.Get(name);
        string? path = rule.RuleId == RuleIds.FileNameTooLong ? LongPath : null;
        var checking = SpecReadResult.Read(rule.BadBytes, rule.Format, readItems: false, path, integration: rule.Integration);
        var reading = SpecReadResult.Read(rule.BadBytes, rule.Format, readItems: true, path, integration: rule.Integration);
        Assert.Equal(checking.Findings.Select(f => f.ToString()), reading.Findings.Select(f => f.ToString()));
        Assert.Empty(checking.Items);
    }

    [Fact]
    public void Every_rule_of_the_catalog_has_a_case()
    {
        var covered = RuleCases.All.Select(c => c.RuleId).Concat(LimitTests.RuleIds).ToHashSet();
        var missing = SpecRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Summary_counts_what_was_reported()
    {
        foreach (var rule in RuleCases.All)
        {
            var result = Read(rule, rule.BadBytes, null, rule.Integration);
            Assert.Equal(result.Findings.Count(f => f.Severity == FindingSeverity.Error), result.Summary.Errors);
            Assert.Equal(result.Findings.Count(f => f.Severity == FindingSeverity.Warning), result.Summary.Warnings);
            Assert.Equal(result.Summary.Errors == 0, result.Summary.Passed(warningsAsErrors: false));
        }
    }

    [Fact]
    public void Signed_url_messages_do_not_show_the_signature()
    {
        var rule = RuleCases.Get("ObjectUrlSigned");
        var result = SpecReadResult.Read(rule.BadBytes);
        Assert.NotEmpty(result.Findings);
        foreach (var finding in result.Findings)
        {
            Assert.DoesNotContain("0123456789abcdef", finding.ToString());
            Assert.DoesNotContain("AKIAEXAMPLE", finding.ToString());
        }
        var azure = SpecReadResult.Read(RuleCases.Get("ObjectUrlSigned Azure SAS").BadBytes);
        Assert.All(azure.Findings, f => Assert.DoesNotContain("c2VjcmV0", f.ToString()));
    }

    [Fact]
    public void User_info_messages_do_not_show_the_user_or_password()
    {
        var result = SpecReadResult.Read(RuleCases.Get("ObjectUrlUserInfo").BadBytes);
        Assert.Contains(RuleIds.ObjectUrlUserInfo, result.RuleIds);
        Assert.All(result.Findings, f => Assert.DoesNotContain("AKIAEXAMPLE", f.ToString()));
        Assert.All(result.Findings, f => Assert.DoesNotContain("c2VjcmV0", f.ToString()));
        Assert.Contains(result.Findings, f => f.Message.Contains("'https://***@minio.example.com/frames/a.jpg'"));
    }

    [Fact]
    public void The_writer_refuses_a_url_with_user_info_and_does_not_quote_it()
    {
        var problem = SpecItemRules.Check(new EncordImage("https://AKIAEXAMPLE:c2VjcmV0@minio.example.com/a.jpg?X-Amz-Signature=0123456789abcdef"),
            IntegrationKind.DirectAccess);
        Assert.Equal(RuleIds.ObjectUrlUserInfo, problem?.RuleId);
        Assert.Equal("The objectUrl 'https://***@minio.example.com/a.jpg?...' has a user name or password before its host. " +
                     "Object URLs carry no credentials: remove them and let the platform read through your integration.", problem!.Message);
    }

    [Fact]
    public void Unknown_keys_get_the_nearest_known_key_suggested()
    {
        var top = SpecReadResult.Read(RuleCases.Get("UnknownTopLevelKey").BadBytes).Of(RuleIds.UnknownTopLevelKey).Single();
        Assert.Contains("Did you mean 'image_groups'?", top.Message);
        var item = SpecReadResult.Read(RuleCases.Get("UnknownItemKey").BadBytes).Of(RuleIds.UnknownItemKey).Single();
        Assert.Contains("Did you mean 'title'?", item.Message);
        var flag = SpecReadResult.Read($"{{\"images\": [{{\"objectUrl\": \"{RuleCases.Url}\"}}], \"skipDuplicateUrls\": true}}").Of(RuleIds.UnknownTopLevelKey).Single();
        Assert.Contains("'skip_duplicate_urls'", flag.Message);
        var dicom = SpecReadResult.Read("{\"dicom\": [{\"title\": \"t\", \"objectUrl_0\": \"s3://b/x.dcm\"}]}").Of(RuleIds.UnknownTopLevelKey).Single();
        Assert.Contains("'dicom_series'", dicom.Message);
    }

    [Fact]
    public void Duplicate_url_message_says_what_skip_duplicate_urls_does()
    {
        string url = RuleCases.Url;
        var without = SpecReadResult.Read($"{{\"images\": [{{\"objectUrl\": \"{url}\"}}, {{\"objectUrl\": \"{url}\"}}]}}").Of(RuleIds.DuplicateUrl).Single();
        Assert.Contains("Unless the spec sets skip_duplicate_urls: true, the platform adds the file twice", without.Message);
        var with = SpecReadResult.Read($"{{\"skip_duplicate_urls\": true, \"images\": [{{\"objectUrl\": \"{url}\"}}, {{\"objectUrl\": \"{url}\"}}]}}").Of(RuleIds.DuplicateUrl).Single();
        Assert.Contains("the platform skips the repeat", with.Message);
        Assert.Equal(FindingSeverity.Warning, with.Severity);
    }

    [Fact]
    public void Csv_header_messages_explain_near_misses_and_separators()
    {
        var nearMiss = SpecReadResult.Read(RuleCases.Get("CsvHeaderMissing near miss").BadBytes, SpecFormat.Csv).Of(RuleIds.CsvHeaderMissing).Single();
        Assert.Contains("Column 1 is headed 'objecturl'; the name must be exactly 'ObjectUrl'", nearMiss.Message);
        var semicolons = SpecReadResult.Read("ObjectUrl;Image group title;Create video\r\ns3://b/a.jpg;;\r\n", SpecFormat.Csv);
        // One finding for the one cause, not one per column the semicolons hide.
        var missing = Assert.Single(semicolons.Of(RuleIds.CsvHeaderMissing));
        Assert.Contains("separated by ';'", missing.Message);
        Assert.Contains("-Delimiter ';'", missing.Message);
    }

    private static SpecReadResult Read(RuleCase rule, byte[] bytes, string? path, IntegrationKind integration) =>
        SpecReadResult.Read(bytes, rule.Format, readItems: true, path, integration: integration);
}
