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
        var error = Assert.Throws<IOException>(() => Set());
        Assert.Contains(existing, error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(new[] { existing }, FolderNames());
        Assert.Equal("old", File.ReadAllText(InFolder(existing)));
    }

    [Fact]
    public void A_folder_at_the_path_is_refused()
    {
        Directory.CreateDirectory(InFolder("spec.json"));
        var error = Assert.Throws<IOException>(() => Set(overwrite: true));
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
            Assert.Throws<IOException>(() => set.Finish(spec, 2, last: true));
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
}
