namespace EncordSpec.Tests.Writing;

/// <summary>ConvertTo-EncordSpec's three destinations: text, a file written through temporary files, and nothing
/// at all under -WhatIf.</summary>
public sealed class SpecOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-output-").FullName;
    private static readonly SpecWriterOptions Flags = new() { SkipDuplicateUrls = true };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Target => Path.Combine(folder, "spec.json");

    private static readonly EncordDataItem[] Items =
    {
        new EncordImage("gs://b/a.jpg"),
        new EncordVideo("gs://b/v.mp4"),
        new EncordImageGroup { Title = "g", ObjectUrls = new[] { "gs://b/1.jpg", "gs://b/2.jpg" } },
    };

    private static string ExpectedJson()
    {
        using var output = new MemoryStream();
        using (var writer = SpecJsonWriter.InMemory(output, Flags))
        {
            foreach (var item in Items) writer.Add(item);
            writer.Complete();
        }
        return new System.Text.UTF8Encoding(false).GetString(output.ToArray());
    }

    [Fact]
    public void Text_returns_the_spec_as_a_string()
    {
        using var output = SpecOutput.ToText(SpecFormat.Json, Flags);
        foreach (var item in Items) output.Add(item);
        Assert.Equal(ExpectedJson(), output.Complete());
        Assert.Equal((3L, 4L), (output.Counts.Items, output.Counts.ObjectUrls));
    }

    [Fact]
    public void Text_in_csv_has_the_csv_header_and_a_row_per_file()
    {
        using var output = SpecOutput.ToText(SpecFormat.Csv, new SpecWriterOptions());
        output.Add(new EncordImage("gs://b/a.jpg"));
        Assert.Equal("ObjectUrl,Image group title,Create video\r\ngs://b/a.jpg,,\r\n", output.Complete());
    }

    [Fact]
    public void A_file_is_written_through_hidden_files_beside_it_and_appears_whole_on_complete()
    {
        using var output = SpecOutput.ToFile(Target, overwrite: false, SpecFormat.Json, Flags);
        foreach (var item in Items) output.Add(item);
        // The temporary spec and one buffer per section (images, videos, image_groups) wait beside the target.
        var waiting = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Equal(4, waiting.Count);
        Assert.All(waiting, name => Assert.StartsWith(".spec.json.", name));

        var file = Assert.IsType<FileInfo>(output.Complete());
        Assert.Equal(Target, file.FullName);
        Assert.Equal(ExpectedJson(), File.ReadAllText(Target));
        Assert.Equal(new[] { Target }, Directory.GetFiles(folder));
    }

    [Fact]
    public void An_abandoned_file_leaves_the_folder_as_it_was()
    {
        using (var output = SpecOutput.ToFile(Target, overwrite: false, SpecFormat.Json, Flags))
            foreach (var item in Items) output.Add(item);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void An_existing_file_is_refused_without_overwrite_and_left_alone()
    {
        File.WriteAllText(Target, "old");
        var error = Assert.Throws<SpecFileException>(() => SpecOutput.ToFile(Target, overwrite: false, SpecFormat.Json, Flags));
        Assert.Equal(SpecFileErrorIds.NotWritable, error.ErrorId);
        Assert.Equal(new[] { Target }, Directory.GetFiles(folder));
        Assert.Equal("old", File.ReadAllText(Target));
    }

    [Theory]
    [InlineData(SpecFormat.Json)]
    [InlineData(SpecFormat.Csv)]
    public void Nowhere_counts_every_item_and_returns_nothing(SpecFormat format)
    {
        var items = format == SpecFormat.Csv ? Items.Where(item => item is not EncordVideo).ToArray() : Items;
        using var output = SpecOutput.Nowhere(format, format == SpecFormat.Csv ? new SpecWriterOptions() : Flags);
        foreach (var item in items) output.Add(item);
        Assert.Null(output.Complete());
        Assert.Equal(items.Length, output.Counts.Items);
        Assert.Equal(items.Sum(item => item is EncordGroupItem group ? group.ObjectUrls.Length : 1), output.Counts.ObjectUrls);
    }
}
