namespace EncordSpec.Tests.Reading;

/// <summary>Finding a CSV spec's columns, and what is wrong with its header line.</summary>
public class CsvHeaderTests
{
    private static (CsvColumns Columns, IReadOnlyList<CsvHeaderProblem> Problems) Read(params string[] headers)
    {
        var columns = CsvHeader.Read(headers, out var problems);
        return (columns, problems);
    }

    [Fact]
    public void The_three_columns_in_any_order()
    {
        var (columns, problems) = Read("Create video", "ObjectUrl", "Image group title");
        Assert.Equal(new CsvColumns(1, 2, 0, 3), columns);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_repeated_column_is_reported_where_it_repeats_and_the_first_counts()
    {
        var (columns, problems) = Read("ObjectUrl", "Image group title", "Create video", "ObjectUrl");
        Assert.Equal(0, columns.Url);
        var problem = Assert.Single(problems);
        Assert.Equal(RuleIds.CsvHeaderDuplicate, problem.RuleId);
        Assert.Equal(new TextPosition(1, 42), problem.Position); // after "ObjectUrl,Image group title,Create video,"
        Assert.Contains("(columns 1 and 4)", problem.Message);
    }

    [Fact]
    public void A_misspelt_column_explains_the_missing_one_and_is_not_also_reported_unknown()
    {
        var (columns, problems) = Read("ObjectURL", "Image group title", "Create video");
        Assert.Equal(-1, columns.Url);
        var problem = Assert.Single(problems);
        Assert.Equal(RuleIds.CsvHeaderMissing, problem.RuleId);
        Assert.Equal(new TextPosition(1, 1), problem.Position);
        Assert.Contains("Column 1 is headed 'ObjectURL'; the name must be exactly 'ObjectUrl'.", problem.Message);
    }

    [Fact]
    public void Missing_columns_come_in_the_formats_order_then_unknown_columns()
    {
        var (columns, problems) = Read("ObjectUrl", "Notes");
        Assert.Equal(new CsvColumns(0, -1, -1, 2), columns);
        Assert.Equal(new[] { RuleIds.CsvHeaderMissing, RuleIds.CsvHeaderMissing, RuleIds.CsvUnknownColumn }, problems.Select(p => p.RuleId));
        Assert.Contains("'Image group title'", problems[0].Message);
        Assert.Contains("'Create video'", problems[1].Message);
        Assert.Equal(new TextPosition(1, 11), problems[2].Position);
    }

    [Theory]
    [InlineData("ObjectUrl;Image group title;Create video", ";")]
    [InlineData("ObjectUrl\tImage group title\tCreate video", "tab")]
    public void Another_separator_is_named(string line, string separator)
    {
        var (_, problems) = Read(line);
        var problem = Assert.Single(problems);
        Assert.Equal(RuleIds.CsvHeaderMissing, problem.RuleId);
        Assert.Contains($"separated by '{separator}'", problem.Message);
    }
}
