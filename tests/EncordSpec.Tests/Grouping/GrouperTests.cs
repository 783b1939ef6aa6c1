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
            if (step.Skipped is { } skipped)
                written.Add("skipped: " + skipped);
            if (step.Added)
                Assert.True(step.Problem is null && step.Skipped is null);
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
        var grouper = Images(new TitleGrouping("t"));
        var written = Run(grouper, "gs://b/1.jpg", null, row, "gs://b/a b.jpg", "gs://b/photo.jpg ", "gs://b/clip.mp4", "gs://b/Thumbs.db", "gs://b/1.jpg", "gs://b/2.jpg");
        Assert.Equal(new[]
        {
            "ObjectUrlMissing()", $"ObjectUrlMissing({row})", "ObjectUrlWhitespace(gs://b/a b.jpg)", "ObjectUrlWhitespace(gs://b/photo.jpg )",
            "skipped: Skipped 'gs://b/clip.mp4': it is not an image (Video, by its type), so it cannot be in an image group.",
            "skipped: Skipped 'gs://b/Thumbs.db': it is not an image (Unsupported, by its extension), so it cannot be in an image group.",
            "DuplicateUrlInGroup(gs://b/1.jpg)", "t: gs://b/1.jpg, gs://b/2.jpg",
        }, written);
        Assert.Equal(2, grouper.Skipped);
    }

    [Fact]
    public void Blank_lines_and_comments_of_a_url_list_are_passed_over_without_a_word()
    {
        var grouper = Images(new TitleGrouping("t"));
        var written = Run(grouper, "# camera 1", "", "   ", "gs://b/1.jpg", "\t# the end");
        Assert.Equal(new[] { "t: gs://b/1.jpg" }, written);
        Assert.Equal(0, grouper.Skipped);
    }

    [Fact]
    public void A_url_property_names_where_objects_keep_their_url()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("object_url", "gs://b/s/1.jpg"));
        var named = new PropertySelector("object_url");
        var grouper = new Grouper(new TitleGrouping("t"), GroupMembers.Images, true, named, ObjectUrlInput.Selector(named, (_, _) => throw new InvalidOperationException()));
        Assert.Equal(new[] { "t: gs://b/s/1.jpg" }, Run(grouper, row));
        var missing = grouper.Add(new PSObject()).Problem!;
        Assert.Equal("The input is an object without a 'object_url' property; pass object URLs as strings or objects with an ObjectUrl property.", missing.Message);
    }

    [Fact]
    public void Problems_carry_their_messages()
    {
        var grouper = Images(new TitleGrouping("t"));
        grouper.Add("gs://b/1.jpg");
        Assert.Equal("The object URL 'gs://b/1.jpg' is already in the group 't'; it is added once.", grouper.Add("gs://b/1.jpg").Problem!.Message);
        Assert.Equal("The input is $null; pass object URLs as strings or objects with an ObjectUrl property (or name the URL's property with -UrlProperty).", grouper.Add(null).Problem!.Message);
    }

    [Fact]
    public void A_dicom_series_takes_extensionless_and_declared_files_and_leaves_out_other_types()
    {
        var declared = new PSObject();
        declared.Properties.Add(new PSNoteProperty("ObjectUrl", "gs://b/s/scan.bin"));
        declared.Properties.Add(new PSNoteProperty("DataType", "Dicom"));
        var written = Run(new Grouper(new TitleGrouping("s"), GroupMembers.DicomFiles, naturalSort: true),
            "gs://b/s/1.2.840.10008.2", "gs://b/s/slice", "gs://b/s/a.dcm", "gs://b/s/photo.jpg", declared);
        Assert.Equal(new[]
        {
            "skipped: Skipped 'gs://b/s/photo.jpg': it is not a DICOM file (Image, by its type), so it cannot be in a DICOM series.",
            "s: gs://b/s/1.2.840.10008.2, gs://b/s/a.dcm, gs://b/s/scan.bin, gs://b/s/slice",
        }, written);
        Assert.Equal("DICOM file", GroupMembers.DicomFiles.Noun);
    }

    [Fact]
    public void Folder_makes_one_group_per_folder_of_urls_titled_by_its_decoded_name_in_order_of_arrival()
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
    public void Folders_of_urls_that_share_a_name_are_all_titled_by_their_path_whatever_the_order()
    {
        string[] urls = { "gs://b/p1/series1/1.jpg", "gs://b/p2/series1/1.jpg", "gs://c/p2/series1/1.jpg", "gs://b/p3/other/1.jpg" };
        var expected = new[] { "p1/series1: gs://b/p1/series1/1.jpg", "p2/series1: gs://b/p2/series1/1.jpg", "p2/series1 (2): gs://c/p2/series1/1.jpg", "other: gs://b/p3/other/1.jpg" };
        Assert.Equal(expected, Run(Images(new FolderGrouping("")), urls));
        // Reversed, the groups come out in the new order, but every folder keeps its title.
        Assert.Equal(expected.Reverse(), Run(Images(new FolderGrouping("")), urls.Reverse().ToArray()));
    }

    [Fact]
    public void Listed_folders_are_titled_by_their_path_below_the_listed_prefix_whatever_the_order()
    {
        CloudObject Object(string key, string listedPrefix) =>
            new(CloudProvider.S3, "bucket", key) { ObjectUrl = "s3://bucket/" + key, DataType = DataType.Image, ListedPrefix = listedPrefix };
        var listing = new[] { Object("scans/p2/series1/1.jpg", "scans/"), Object("scans/p1/series1/1.jpg", "scans/"), Object("scans/top.jpg", "scans/") };
        Assert.Equal(new[] { "p2/series1: s3://bucket/scans/p2/series1/1.jpg", "p1/series1: s3://bucket/scans/p1/series1/1.jpg", "scans: s3://bucket/scans/top.jpg" },
            Run(Images(new FolderGrouping("")), listing.Cast<object?>().ToArray()));
        Assert.Equal(new[] { "p1/series1: s3://bucket/scans/p1/series1/1.jpg", "p2/series1: s3://bucket/scans/p2/series1/1.jpg" },
            Run(Images(new FolderGrouping("")), listing[1], listing[0]));
        Assert.Equal("bucket", FolderGroupKey.TitleBelow(Object("top.jpg", ""), ""));
        Assert.Equal("Apple/1-light", FolderGroupKey.TitleBelow(Object("food/Apple/1-light/1.jpg", "food/Ap"), "food/Ap"));
        Assert.Equal("food", FolderGroupKey.TitleBelow(Object("food/1.jpg", "food/"), "food/"));
    }

    [Fact]
    public void A_property_key_groups_by_that_property_as_group_object_does()
    {
        PSObject Row(string url, string? camera)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("ObjectUrl", url));
            if (camera is not null) row.Properties.Add(new PSNoteProperty("Camera", camera));
            return row;
        }
        var grouper = Images(KeyGrouping.ByProperty("cam-", "camera"));
        var written = Run(grouper, Row("gs://b/2.jpg", "A"), Row("gs://b/3.jpg", "B"), Row("gs://b/1.jpg", "A"), Row("gs://b/4.jpg", null));
        Assert.Equal(new[]
        {
            "GroupByKeyEmpty(gs://b/4.jpg)", "cam-A: gs://b/1.jpg, gs://b/2.jpg", "cam-B: gs://b/3.jpg",
        }, written);
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
        var strategy = new KeyGrouping("CT-", input =>
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
        var strategy = new KeyGrouping("", input => (string)input switch
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
