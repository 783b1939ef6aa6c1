using System.Text;

namespace EncordSpec.Tests.Writing;

public class SpecCsvWriterTests
{
    private static string Write(params EncordDataItem[] items)
    {
        using var output = new MemoryStream();
        using (var writer = new SpecCsvWriter(new MemoryStream()))
        {
            foreach (var item in items)
                writer.Add(item);
            writer.Complete(output);
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Writes_the_header_and_one_row_per_single_file_and_per_group_image()
    {
        string csv = Write(
            new EncordVideo("https://cord-dev.s3.eu-west-2.amazonaws.com/Cooking.mp4"),
            new EncordImageGroup { Title = "apple-ios-light", CreateVideo = false, ObjectUrls = new[] { "gs://b/1.jpg", "gs://b/2.jpg" } },
            new EncordImageGroup { Title = "g2", ObjectUrls = new[] { "gs://b/3.jpg" } });

        Assert.Equal(
            "ObjectUrl,Image group title,Create video\r\n" +
            "https://cord-dev.s3.eu-west-2.amazonaws.com/Cooking.mp4,,\r\n" +
            "gs://b/1.jpg,apple-ios-light,false\r\n" +
            "gs://b/2.jpg,apple-ios-light,false\r\n" +
            "gs://b/3.jpg,g2,true\r\n", csv);
    }

    [Fact]
    public void Quotes_fields_that_need_it_and_nothing_else()
    {
        string csv = Write(new EncordImageGroup { Title = "a, \"quoted\" title", ObjectUrls = new[] { "gs://b/x,y.jpg" } });
        Assert.EndsWith("\"gs://b/x,y.jpg\",\"a, \"\"quoted\"\" title\",true\r\n", csv);
    }

    [Fact]
    public void Does_not_alter_titles_that_start_like_spreadsheet_formulas()
    {
        string csv = Write(new EncordImageGroup { Title = "=-+@group", ObjectUrls = new[] { "gs://b/1.jpg" } });
        Assert.EndsWith("gs://b/1.jpg,=-+@group,true\r\n", csv);
    }

    [Theory]
    [MemberData(nameof(ItemsCsvCannotHold))]
    public void Refuses_what_the_csv_form_cannot_express(EncordDataItem item, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Write(item));
        Assert.Contains(expected, error.Message);
    }

    public static TheoryData<EncordDataItem, string> ItemsCsvCannotHold() => new()
    {
        { new EncordAudio("gs://b/a.mp3"), "audio" },
        { new EncordDicomSeries { Title = "s", ObjectUrls = new[] { "gs://b/1" } }, "DICOM series" },
        { new EncordImage("gs://b/a.jpg") { Title = "t" }, "title" },
        { new EncordImage("gs://b/a.jpg") { ClientMetadata = new() { ["k"] = 1L } }, "clientMetadata" },
        { new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg" }, ClientMetadata = new() { ["k"] = 1L } }, "clientMetadata" },
    };

    [Fact]
    public void A_second_image_group_of_a_title_is_refused_for_csv_since_its_rows_would_join_the_first()
    {
        // Found by WrittenSpecPropertyTests: two groups 'g' (Create video false and true) made a CSV that read back
        // as one group with CsvCreateVideoMismatch.
        var titles = new CsvGroupTitles();
        Assert.Null(titles.Check(new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.png" }, CreateVideo = false }));
        Assert.Null(titles.Check(new EncordImageGroup { Title = "h", ObjectUrls = new[] { "gs://b/2.png" } }));
        Assert.Null(titles.Check(new EncordImage("gs://b/3.png")));
        var second = titles.Check(new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/4.png" }, CreateVideo = true });
        Assert.Equal(RuleIds.DuplicateTitle, second!.RuleId);
        Assert.Contains("'g'", second.Message);
    }
}
