using System.Management.Automation;
using EncordSpec.Grouping;
using EncordSpec.Input;

namespace EncordSpec.Tests.Input;

/// <summary>A -UrlProperty scriptblock that fails is one problem of the input, named the same by both writing cmdlets.</summary>
public class ObjectUrlInputTests
{
    private static readonly PropertySelector Failing = new(ScriptBlock.Create("throw 'no url here'"));

    private static string? Fails(object _) => throw new RuntimeException("no url here");

    [Fact]
    public void A_failing_url_scriptblock_is_a_UrlPropertyFailed_problem_naming_the_input()
    {
        Assert.True(ObjectUrlInput.TryFrom("gs://b/1.jpg", Fails, Failing, out var url, out var none)); // a string is its own URL
        Assert.Equal("gs://b/1.jpg", url!.ObjectUrl);
        Assert.Null(none);
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("path", "a.jpg"));

        Assert.False(ObjectUrlInput.TryFrom(row, Fails, Failing, out var input, out var failed));
        Assert.Null(input);
        Assert.Equal("UrlPropertyFailed", failed!.ErrorId);
        Assert.StartsWith("-UrlProperty failed for ", failed.Message);
        Assert.EndsWith(": no url here", failed.Message);
        Assert.Same(row, failed.Target);
    }

    [Fact]
    public void Both_writing_cmdlets_report_it_alike()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("path", "a.jpg"));

        var converted = new SpecItemConverter(urlProperty: Failing, urlOf: Fails).Convert(row, out _).Problem!;
        var grouped = new Grouper(new TitleGrouping("t"), GroupMembers.Images, true, Failing, Fails).Add(row).Problem!;

        Assert.Equal("UrlPropertyFailed", converted.ErrorId);
        Assert.Equal(converted, grouped);
    }
}
