using System.Text;

namespace EncordSpec.Tests.Writing;

/// <summary>A spec split over several files appears all at once or not at all, and replaces an earlier set only with
/// overwrite (-Force).</summary>
public sealed class SpecFileSetTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-set-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string InFolder(string name) => Path.Combine(folder, name);

    private string[] FolderNames() => Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private SpecFileSet Set(bool overwrite = false, bool alwaysNumbered = false) =>
        new(new SpecFileNames(InFolder("spec.json"), alwaysNumbered), overwrite);

    /// <summary>Writes <paramref name="count"/> single-image specs into the set, as the splitter would.</summary>
    private static void Finish(SpecFileSet set, int count, string tag = "new")
    {
        for (int number = 1; number <= count; number++)
        {
            var spec = new SpecJsonWriter(new SpecWriterOptions(), _ => set.CreateBuffer());
            spec.Add(new EncordImage($"gs://b/{tag}-{number}.jpg"));
            set.Finish(spec, number, last: number == count);
        }
    }

    private string UrlIn(string name) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(InFolder(name)))
        .RootElement.GetProperty("images")[0].GetProperty("objectUrl").GetString()!;

    [Fact]
    public void The_files_appear_together_on_commit_in_order()
    {
        using var set = Set();
        Finish(set, 3);
        // Three sealed temporary files wait, hidden; no target exists yet.
        Assert.Equal(3, FolderNames().Length);
        Assert.All(FolderNames(), name => Assert.StartsWith(".spec-000", name));

        var files = set.Commit();
        Assert.Equal(new[] { "spec-0001.json", "spec-0002.json", "spec-0003.json" }, files.Select(file => file.Name));
        Assert.Equal(new[] { "spec-0001.json", "spec-0002.json", "spec-0003.json" }, FolderNames());
        Assert.Equal("gs://b/new-3.jpg", UrlIn("spec-0003.json"));
    }

    [Fact]
    public void A_lone_spec_takes_the_plain_name_or_the_first_number_when_limits_were_given()
    {
        using (var set = Set())
        {
            Finish(set, 1);
            Assert.Equal("spec.json", Assert.Single(set.Commit()).Name);
        }
        File.Delete(InFolder("spec.json"));
        using (var set = Set(alwaysNumbered: true))
        {
            Finish(set, 1);
            Assert.Equal("spec-0001.json", Assert.Single(set.Commit()).Name);
        }
    }

    [Fact]
    public void Abandoning_the_set_removes_every_temporary_file_of_the_finished_specs_and_the_open_one()
    {
        using (var set = Set())
        {
            Finish(set, 2);
            var open = new SpecJsonWriter(new SpecWriterOptions(), _ => set.CreateBuffer());
            open.Add(new EncordImage("gs://b/x.jpg"));
            Assert.Equal(3, FolderNames().Length); // two sealed specs and the open one's section buffer
            open.Dispose();
        }
        Assert.Empty(FolderNames());
    }

    [Fact]
    public void Keeps_no_file_open_for_a_finished_spec()
    {
        if (!OperatingSystem.IsLinux()) return; // counts this process's open files through /proc
        using var set = Set();
        Finish(set, 20);
        int open = Directory.GetFiles("/proc/self/fd").Count(fd => new FileInfo(fd).LinkTarget?.StartsWith(folder, StringComparison.Ordinal) == true);
        Assert.Equal(0, open);
        Assert.Equal(20, FolderNames().Length);
    }

    [Theory]
    [InlineData("spec.json")]
    [InlineData("spec-0001.json")]
    public void Without_overwrite_any_file_of_an_earlier_set_is_refused_before_anything_is_written(string existing)
    {
        File.WriteAllText(InFolder(existing), "old");
        var error = Assert.Throws<SpecFileException>(() => Set());
        Assert.Equal(SpecFileErrorIds.NotWritable, error.ErrorId);
        Assert.Contains(existing, error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(new[] { existing }, FolderNames());
        Assert.Equal("old", File.ReadAllText(InFolder(existing)));
    }

    [Fact]
    public void A_folder_at_the_path_is_refused()
    {
        Directory.CreateDirectory(InFolder("spec.json"));
        var error = Assert.Throws<SpecFileException>(() => Set(overwrite: true));
        Assert.Equal(SpecFileErrorIds.NotARegularFile, error.ErrorId);
        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void A_file_that_appears_under_a_later_name_while_the_set_is_written_fails_the_run_and_stays_as_it_was()
    {
        using (var set = Set())
        {
            Finish(set, 1, "first");
            File.WriteAllText(InFolder("spec-0002.json"), "someone else's");
            var spec = new SpecJsonWriter(new SpecWriterOptions(), _ => set.CreateBuffer());
            spec.Add(new EncordImage("gs://b/2.jpg"));
            Assert.Equal(SpecFileErrorIds.NotWritable, Assert.Throws<SpecFileException>(() => set.Finish(spec, 2, last: true)).ErrorId);
        }
        Assert.Equal(new[] { "spec-0002.json" }, FolderNames());
        Assert.Equal("someone else's", File.ReadAllText(InFolder("spec-0002.json")));
    }

    [Fact]
    public void A_commit_that_fails_half_way_takes_back_the_files_it_had_created()
    {
        using (var set = Set(overwrite: true))
        {
            Finish(set, 3);
            Directory.CreateDirectory(InFolder("spec-0002.json")); // the second move cannot replace a folder
            Assert.ThrowsAny<IOException>(() => set.Commit());
        }
        Assert.Equal(new[] { "spec-0002.json" }, FolderNames());
    }

    [Fact]
    public void With_overwrite_an_earlier_set_is_replaced_and_its_extra_files_are_named_stale()
    {
        using (var set = Set())
        {
            Finish(set, 3, "old");
            set.Commit();
        }
        var names = new SpecFileNames(InFolder("spec.json"), alwaysNumbered: false);
        using (var set = Set(overwrite: true))
        {
            Finish(set, 2);
            var files = set.Commit();
            Assert.Equal(new[] { InFolder("spec-0003.json") }, names.StaleBeside(files.Select(file => file.FullName)));
        }
        Assert.Equal("gs://b/new-1.jpg", UrlIn("spec-0001.json"));
        Assert.Equal("gs://b/new-2.jpg", UrlIn("spec-0002.json"));
        Assert.Equal("gs://b/old-3.jpg", UrlIn("spec-0003.json")); // removing it is the cmdlet's step, with a warning
    }

    [Fact]
    public void A_committed_set_removes_what_killed_runs_writing_any_file_of_it_left_and_nothing_else()
    {
        using var exited = System.Diagnostics.Process.Start("true")!;
        exited.WaitForExit();
        int dead = exited.Id;
        string[] left = { $".spec.json.{dead}-0123456789ab.section", $".spec-0007.json.{dead}-0123456789ab.tmp" };
        string[] kept = { $".other.json.{dead}-0123456789ab.tmp", $".spec-extra.json.{dead}-0123456789ab.tmp", ".spec.json.notes" };
        foreach (string name in left.Concat(kept))
            File.WriteAllText(InFolder(name), "left");

        using (var set = Set())
        {
            Finish(set, 2);
            set.Commit();
        }

        Assert.Equal(kept.Append("spec-0001.json").Append("spec-0002.json").Order(StringComparer.Ordinal), FolderNames());
    }

    /// <summary>The text the in-memory writer makes of the same items: what a file must hold byte for byte.</summary>
    private static byte[] InMemory(IEnumerable<EncordDataItem> items, SpecWriterOptions options)
    {
        using var spec = SpecJsonWriter.InMemory(options);
        foreach (var item in items) spec.Add(item);
        using var text = new MemoryStream();
        spec.Complete(text);
        return text.ToArray();
    }

    private long FolderBytes() => Directory.GetFiles(folder).Sum(path =>
    {
        try { return new FileInfo(path).Length; } catch (FileNotFoundException) { return 0L; }
    });

    [Fact]
    public async Task A_spec_of_one_data_type_is_written_once_into_its_file_not_buffered_and_copied()
    {
        var items = Enumerable.Range(0, 300_000).Select(i => (EncordDataItem)new EncordImage($"https://b.s3.eu-west-2.amazonaws.com/a-long-enough-key/{i}.jpg")).ToList();
        var options = new SpecWriterOptions { SkipDuplicateUrls = true };
        using var set = Set();
        var spec = new SpecJsonWriter(options, _ => set.CreateBuffer());
        foreach (var item in items) spec.Add(item);
        long before = FolderBytes();

        // Sample the folder's total size while the spec is finished: a copy would hold the buffer and the file at once.
        long peak = 0;
        using var finishing = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!finishing.IsCancellationRequested) peak = Math.Max(peak, FolderBytes());
        });
        set.Finish(spec, 1, last: true);
        finishing.Cancel();
        await sampler;

        var expected = InMemory(items, options);
        Assert.True(expected.Length > 20_000_000, $"the spec is {expected.Length:N0} bytes");
        Assert.InRange(before, expected.Length - (1 << 20), expected.Length); // the section buffer was the file all along
        Assert.InRange(peak, 0, expected.Length + (1 << 16)); // nothing but the spec itself, ever
        Assert.Single(FolderNames()); // its sealed temporary file; the buffer became it
        set.Commit();
        Assert.Equal(expected, File.ReadAllBytes(InFolder("spec.json")));
    }

    [Fact]
    public void A_spec_whose_first_section_came_second_is_identical_to_the_text_and_leaves_no_buffer()
    {
        // Videos arrive first, but images come first in the document: the images' buffer becomes the file.
        var items = new List<EncordDataItem>
        {
            new EncordVideo("gs://b/v1.mp4"), new EncordImage("gs://b/i1.jpg"), new EncordVideo("gs://b/v2.mp4"),
            new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/g0.jpg", "gs://b/g1.jpg" }, CreateVideo = false },
        };
        var options = new SpecWriterOptions { UpsertMetadata = true };
        using var set = Set();
        var spec = new SpecJsonWriter(options, _ => set.CreateBuffer());
        foreach (var item in items) spec.Add(item);
        set.Finish(spec, 1, last: true);
        Assert.Single(FolderNames());
        set.Commit();
        Assert.Equal(InMemory(items, options), File.ReadAllBytes(InFolder("spec.json")));
        Assert.Equal(new[] { "spec.json" }, FolderNames());
    }

    [Fact]
    public void An_empty_spec_and_a_failed_set_still_leave_nothing_but_what_was_committed()
    {
        using (var set = Set())
        {
            var empty = new SpecJsonWriter(new SpecWriterOptions(), _ => set.CreateBuffer());
            set.Finish(empty, 1, last: true);
            set.Commit();
        }
        Assert.Equal(InMemory(Array.Empty<EncordDataItem>(), new SpecWriterOptions()), File.ReadAllBytes(InFolder("spec.json")));
        File.Delete(InFolder("spec.json"));

        using (var set = Set())
        {
            Finish(set, 2); // two sealed files that were section buffers
            Assert.Equal(2, FolderNames().Length);
        } // disposed without Commit
        Assert.Empty(FolderNames());
    }

    [Fact]
    public void A_csv_spec_is_written_once_too_byte_for_byte()
    {
        var items = Enumerable.Range(0, 1000).Select(i => (EncordDataItem)new EncordImage($"gs://b/{i}.jpg"))
            .Append(new EncordImageGroup { Title = "g, quoted", ObjectUrls = new[] { "gs://b/g0.jpg" } }).ToList();
        byte[] expected;
        using (var text = new MemoryStream())
        using (var inMemory = new SpecCsvWriter(new MemoryStream()))
        {
            foreach (var item in items) inMemory.Add(item);
            inMemory.Complete(text);
            expected = text.ToArray();
        }
        using var set = new SpecFileSet(new SpecFileNames(InFolder("spec.csv"), false), overwrite: false);
        var spec = new SpecCsvWriter(set.CreateBuffer());
        foreach (var item in items) spec.Add(item);
        set.Finish(spec, 1, last: true);
        Assert.Single(FolderNames()); // the buffer became the sealed temporary file
        set.Commit();
        Assert.Equal(expected, File.ReadAllBytes(InFolder("spec.csv")));
        Assert.Equal(new[] { "spec.csv" }, FolderNames());
    }
}
