using System.Management.Automation;

namespace EncordSpec.Tests.Grouping;

/// <summary>What New-EncordImageGroup and New-EncordDicomSeries make of their input, without a PowerShell host.</summary>
public class GrouperTests
{
    private static Grouper Images(GroupingStrategy strategy, bool naturalSort = true) => new(strategy, GroupMembers.Images, naturalSort);

    /// <summary>Adds every input and returns the groups as "title: url, url", problems as "ErrorId(target)", in the
    /// order the cmdlet would write them.</summary>
    private static List<string> Run(Grouper grouper, params object?[] inputs)
    {
        var written = new List<string>();
        foreach (object? input in inputs)
        {
            var step = grouper.Add(input);
            written.AddRange(step.Completed.Select(Describe));
            if (step.Problem is { } problem)
                written.Add($"{problem.ErrorId}({problem.Target})");
            Assert.Equal(step.Problem is null, step.Added);
        }
        written.AddRange(grouper.Finish().Select(Describe));
        return written;
    }

    private static string Describe(CompletedGroup group) => group.Title + ": " + string.Join(", ", group.ObjectUrls);

    [Fact]
    public void Title_puts_every_image_into_one_group_in_natural_order()
    {
        var grouper = Images(new TitleGrouping("scan"));
        Assert.Equal(new[] { "scan: gs://b/p2.png, gs://b/p10.png" }, Run(grouper, "gs://b/p10.png", "gs://b/p2.png"));
        Assert.Equal(2, grouper.Added);
    }

    [Fact]
    public void Without_natural_sort_a_group_keeps_the_arrival_order()
    {
        Assert.Equal(new[] { "scan: gs://b/p10.png, gs://b/p2.png" },
            Run(Images(new TitleGrouping("scan"), naturalSort: false), "gs://b/p10.png", "gs://b/p2.png"));
    }

    [Fact]
    public void No_input_makes_no_group()
    {
        var grouper = Images(new TitleGrouping("scan"));
        Assert.Empty(Run(grouper));
        Assert.Equal(0, grouper.Added);
    }

    [Fact]
    public void Bad_inputs_are_left_out_with_a_problem_that_names_them_and_the_rest_are_grouped()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("Name", "no url"));
        var written = Run(Images(new TitleGrouping("t")), "gs://b/1.jpg", null, row, "gs://b/a b.jpg", "gs://b/clip.mp4", "gs://b/1.jpg", "gs://b/2.jpg");
        Assert.Equal(new[]
        {
            "ObjectUrlMissing()", $"ObjectUrlMissing({row})", "ObjectUrlWhitespace(gs://b/a b.jpg)", "NotAnImage(gs://b/clip.mp4)",
            "DuplicateUrlInGroup(gs://b/1.jpg)", "t: gs://b/1.jpg, gs://b/2.jpg",
        }, written);
    }

    [Fact]
    public void Problems_carry_their_messages()
    {
        var grouper = Images(new TitleGrouping("t"));
        grouper.Add("gs://b/1.jpg");
        Assert.Equal("The object URL 'gs://b/1.jpg' is already in the group 't'; it is added once.", grouper.Add("gs://b/1.jpg").Problem!.Message);
        Assert.Equal("'gs://b/clip.mp4' is not an image (Video, by its extension), so it is left out of the group.",
            grouper.Add("gs://b/clip.mp4").Problem!.Message);
        Assert.Equal("The input is $null; pass object URLs as strings or objects with an ObjectUrl property.", grouper.Add(null).Problem!.Message);
    }

    [Fact]
    public void A_dicom_series_takes_extensionless_and_declared_files_and_leaves_out_other_types()
    {
        var declared = new PSObject();
        declared.Properties.Add(new PSNoteProperty("ObjectUrl", "gs://b/s/scan.bin"));
        declared.Properties.Add(new PSNoteProperty("DataType", "Dicom"));
        var written = Run(new Grouper(new TitleGrouping("s"), GroupMembers.DicomFiles, naturalSort: true),
            "gs://b/s/1.2.840.10008.2", "gs://b/s/slice", "gs://b/s/a.dcm", "gs://b/s/photo.jpg", declared);
        Assert.Equal(new[] { "NotDicom(gs://b/s/photo.jpg)", "s: gs://b/s/1.2.840.10008.2, gs://b/s/a.dcm, gs://b/s/scan.bin, gs://b/s/slice" }, written);
        Assert.Equal("DICOM file", GroupMembers.DicomFiles.Noun);
    }

    [Fact]
    public void Folder_makes_one_group_per_folder_titled_by_its_decoded_name_in_order_of_arrival()
    {
        var written = Run(Images(new FolderGrouping("site-a-")),
            "https://cord-dev.s3.eu-west-2.amazonaws.com/food/Light+Environment/2.jpg",
            "gs://b/cam01/1.jpg",
            "https://cord-dev.s3.eu-west-2.amazonaws.com/food/Light+Environment/1.jpg",
            "gs://b/root.jpg");
        Assert.Equal(new[]
        {
            "site-a-Light Environment: https://cord-dev.s3.eu-west-2.amazonaws.com/food/Light+Environment/1.jpg, " +
                "https://cord-dev.s3.eu-west-2.amazonaws.com/food/Light+Environment/2.jpg",
            "site-a-cam01: gs://b/cam01/1.jpg",
            "site-a-b: gs://b/root.jpg",
        }, written);
    }

    [Fact]
    public void Folders_that_share_a_name_are_told_apart_by_their_path()
    {
        var written = Run(Images(new FolderGrouping("")), "gs://b/p1/series1/1.jpg", "gs://b/p2/series1/1.jpg", "gs://c/p2/series1/1.jpg");
        Assert.Equal(new[] { "series1: gs://b/p1/series1/1.jpg", "p2/series1: gs://b/p2/series1/1.jpg", "p2/series1 (2): gs://c/p2/series1/1.jpg" }, written);
    }

    private static List<CloudObject> Listed(params string[] keys)
    {
        var partition = new ListingPartition("");
        var objects = keys.Select(key => new CloudObject(CloudProvider.S3, "b", key) { ObjectUrl = "s3://b/" + key, DataType = DataType.Image }).ToList();
        foreach (var cloudObject in objects)
            partition.Stamp(cloudObject);
        return objects;
    }

    [Fact]
    public void Folder_groups_from_a_listing_come_back_as_soon_as_the_listing_moves_past_them()
    {
        var grouper = Images(new FolderGrouping(""));
        var objects = Listed("a/1.jpg", "a/2.jpg", "b/1.jpg", "c/1.jpg");
        Assert.Empty(grouper.Add(objects[0]).Completed);
        Assert.Empty(grouper.Add(objects[1]).Completed);
        var step = grouper.Add(objects[2]);
        Assert.Equal(new[] { "a: s3://b/a/1.jpg, s3://b/a/2.jpg" }, step.Completed.Select(Describe));
        Assert.True(step.Added);
        Assert.Equal(new[] { "b: s3://b/b/1.jpg" }, grouper.Add(objects[3]).Completed.Select(Describe));
        Assert.Equal(new[] { "c: s3://b/c/1.jpg" }, grouper.Finish().Select(Describe));
    }

    [Fact]
    public void A_listed_object_that_comes_after_its_folder_was_written_is_reported_and_left_out()
    {
        var grouper = Images(new FolderGrouping(""));
        var objects = Listed("a/1.jpg", "b/1.jpg");
        grouper.Add(objects[0]);
        grouper.Add(objects[1]); // a/ is written here
        var late = new CloudObject(CloudProvider.S3, "b", "a/9.jpg") { ObjectUrl = "s3://b/a/9.jpg", DataType = DataType.Image };
        var step = grouper.Add(late);
        Assert.Equal("FolderGroupAlreadyWritten", step.Problem!.ErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, step.Problem.Category);
        Assert.Equal("s3://b/a/9.jpg", step.Problem.Target);
        Assert.Equal(new[] { "b: s3://b/b/1.jpg" }, grouper.Finish().Select(Describe));
    }

    [Fact]
    public void A_script_key_makes_one_group_per_key_from_the_object_as_it_was_piped()
    {
        var seen = new List<object>();
        var strategy = new ScriptKeyGrouping("CT-", input =>
        {
            seen.Add(input);
            string url = input is PSObject row ? (string)row.Properties["ObjectUrl"].Value : (string)input;
            return new object?[] { url.Split('/')[3], null, "-x" };
        });
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("ObjectUrl", "gs://b/s2/1.jpg"));
        var written = Run(Images(strategy), "gs://b/s1/2.jpg", row, "gs://b/s1/1.jpg");
        Assert.Equal(new[] { "CT-s1-x: gs://b/s1/1.jpg, gs://b/s1/2.jpg", "CT-s2-x: gs://b/s2/1.jpg" }, written);
        Assert.Same(row, seen[1]);
    }

    [Fact]
    public void A_script_that_fails_or_returns_nothing_leaves_that_input_out()
    {
        var strategy = new ScriptKeyGrouping("", input => (string)input switch
        {
            "gs://b/bad.jpg" => throw new RuntimeException("no key here"),
            "gs://b/empty.jpg" => new object?[] { null, "" },
            _ => new object?[] { "k" },
        });
        var grouper = Images(strategy);
        var failed = grouper.Add("gs://b/bad.jpg").Problem!;
        Assert.Equal(("GroupByScriptFailed", ErrorCategory.InvalidResult), (failed.ErrorId, failed.Category));
        Assert.Equal("-GroupBy failed for 'gs://b/bad.jpg': no key here", failed.Message);
        var empty = grouper.Add("gs://b/empty.jpg").Problem!;
        Assert.Equal(("GroupByKeyEmpty", ErrorCategory.InvalidResult), (empty.ErrorId, empty.Category));
        Assert.True(grouper.Add("gs://b/good.jpg").Added);
        Assert.Equal(new[] { "k: gs://b/good.jpg" }, grouper.Finish().Select(Describe));
    }
}
