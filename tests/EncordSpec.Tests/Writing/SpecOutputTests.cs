namespace EncordSpec.Tests.Writing;

/// <summary>ConvertTo-EncordSpec's three destinations: text, files written through temporary files, and nothing
/// at all under -WhatIf; each split at the per-file limits.</summary>
public sealed class SpecOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-output-").FullName;
    private static readonly SpecWriterOptions Flags = new() { SkipDuplicateUrls = true };
    private static readonly SpecFileLimits Platform = SpecFileLimits.Platform;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Target => Path.Combine(folder, "spec.json");

    private SpecFileNames Names(bool alwaysNumbered = false) => new(Target, alwaysNumbered);

    private static readonly EncordDataItem[] Items =
    {
        new EncordImage("gs://b/a.jpg"),
        new EncordVideo("gs://b/v.mp4"),
        new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg", "gs://b/2.jpg" } },
    };

    private static string ExpectedJson(IEnumerable<EncordDataItem> items)
    {
        using var output = new MemoryStream();
        using (var writer = SpecJsonWriter.InMemory(Flags))
        {
            foreach (var item in items) writer.Add(item);
            writer.Complete(output);
        }
        return new System.Text.UTF8Encoding(false).GetString(output.ToArray());
    }

    [Fact]
    public void Text_returns_the_spec_as_a_string()
    {
        using var output = SpecOutput.ToText(SpecFormat.Json, Flags, Platform);
        foreach (var item in Items) output.Add(item);
        Assert.Equal(new object[] { ExpectedJson(Items) }, output.Complete());
        Assert.Equal((3L, 4L), (output.Counts.Items, output.Counts.ObjectUrls));
        Assert.Null(Assert.Single(output.Parts).Path);
    }

    [Fact]
    public void Text_over_the_limits_is_a_string_per_spec()
    {
        using var output = SpecOutput.ToText(SpecFormat.Json, Flags, new SpecFileLimits(2, 100));
        foreach (var item in Items) output.Add(item);
        Assert.Equal(new object[] { ExpectedJson(Items.Take(2)), ExpectedJson(Items.Skip(2)) }, output.Complete());
        Assert.Equal(new long[] { 2, 1 }, output.Parts.Select(part => part.Counts.Items));
    }

    [Fact]
    public void Text_in_csv_has_the_csv_header_and_a_row_per_file()
    {
        using var output = SpecOutput.ToText(SpecFormat.Csv, new SpecWriterOptions(), Platform);
        output.Add(new EncordImage("gs://b/a.jpg"));
        Assert.Equal(new object[] { "ObjectUrl,Image group title,Create video\r\ngs://b/a.jpg,,\r\n" }, output.Complete());
    }

    [Fact]
    public void A_file_is_written_through_hidden_files_beside_it_and_appears_whole_on_complete()
    {
        using var output = SpecOutput.ToFiles(Names(), overwrite: false, SpecFormat.Json, Flags, Platform);
        foreach (var item in Items) output.Add(item);
        // One buffer per section (images, videos, image_groups) waits beside the target; the spec's own temporary
        // file follows once the input is known to fit one file.
        var waiting = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, name => Assert.StartsWith(".spec.json.", name));

        var file = Assert.IsType<FileInfo>(Assert.Single(output.Complete()));
        Assert.Equal(Target, file.FullName);
        Assert.Equal(ExpectedJson(Items), File.ReadAllText(Target));
        Assert.Equal(new[] { Target }, Directory.GetFiles(folder));
        Assert.Equal(Target, Assert.Single(output.Parts).Path);
    }

    [Fact]
    public void Files_over_the_limits_are_numbered_and_output_in_order()
    {
        using var output = SpecOutput.ToFiles(Names(), overwrite: false, SpecFormat.Json, Flags, new SpecFileLimits(1, 100));
        foreach (var item in Items) output.Add(item);
        var files = output.Complete().Cast<FileInfo>().ToList();
        Assert.Equal(new[] { "spec-0001.json", "spec-0002.json", "spec-0003.json" }, files.Select(file => file.Name));
        for (int i = 0; i < Items.Length; i++)
            Assert.Equal(ExpectedJson(new[] { Items[i] }), File.ReadAllText(files[i].FullName));
        Assert.Equal(files.Select(file => file.FullName), output.Parts.Select(part => part.Path));
    }

    [Fact]
    public void An_abandoned_file_leaves_the_folder_as_it_was()
    {
        using (var output = SpecOutput.ToFiles(Names(), overwrite: false, SpecFormat.Json, Flags, new SpecFileLimits(1, 100)))
            foreach (var item in Items) output.Add(item);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void An_existing_file_is_refused_without_overwrite_and_left_alone()
    {
        File.WriteAllText(Target, "old");
        Assert.Throws<IOException>(() => SpecOutput.ToFiles(Names(), overwrite: false, SpecFormat.Json, Flags, Platform));
        Assert.Equal(new[] { Target }, Directory.GetFiles(folder));
        Assert.Equal("old", File.ReadAllText(Target));
    }

    [Fact]
    public void With_overwrite_the_files_of_an_earlier_larger_set_are_removed_on_request()
    {
        foreach (string name in new[] { "spec.json", "spec-0001.json", "spec-0002.json", "spec-0003.json" })
            File.WriteAllText(Path.Combine(folder, name), "old");
        using var output = SpecOutput.ToFiles(Names(), overwrite: true, SpecFormat.Json, Flags, new SpecFileLimits(2, 100));
        foreach (var item in Items) output.Add(item);
        output.Complete();
        Assert.Equal(new[] { Target, Path.Combine(folder, "spec-0003.json") }, output.StaleFiles());
        Assert.All(output.RemoveStaleFiles(), removal => Assert.Null(removal.Error));
        Assert.Equal(new[] { "spec-0001.json", "spec-0002.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SpecFormat.Json)]
    [InlineData(SpecFormat.Csv)]
    public void Nowhere_counts_every_item_names_the_files_and_returns_nothing(SpecFormat format)
    {
        var items = format == SpecFormat.Csv ? Items.Where(item => item is not EncordVideo).ToArray() : Items;
        using var output = SpecOutput.Nowhere(Names(), format, format == SpecFormat.Csv ? new SpecWriterOptions() : Flags, new SpecFileLimits(1, 100));
        foreach (var item in items) output.Add(item);
        Assert.Empty(output.Complete());
        Assert.Equal(items.Length, output.Counts.Items);
        Assert.Equal(items.Sum(item => item is EncordGroupItem group ? group.ObjectUrls.Length : 1), output.Counts.ObjectUrls);
        Assert.Equal(Enumerable.Range(1, items.Length).Select(number => Names().Numbered(number)), output.Parts.Select(part => part.Path));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
