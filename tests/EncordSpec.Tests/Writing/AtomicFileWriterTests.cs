using System.Text;

namespace EncordSpec.Tests.Writing;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Target => Path.Combine(folder, "spec.json");

    [Fact]
    public void The_target_appears_only_on_commit()
    {
        using var writer = new AtomicFileWriter(Target, overwrite: false);
        writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
        Assert.False(File.Exists(Target));
        var info = writer.Commit();
        Assert.Equal(Target, info.FullName);
        Assert.Equal("{}", File.ReadAllText(Target));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Abandoning_the_write_leaves_neither_target_nor_temporary_file()
    {
        using (var writer = new AtomicFileWriter(Target, overwrite: false))
            writer.Stream.Write(new byte[1000]);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void An_abandoned_overwrite_keeps_the_old_file_whole()
    {
        File.WriteAllText(Target, "old");
        using (var writer = new AtomicFileWriter(Target, overwrite: true))
            writer.Stream.Write(new byte[1000]);
        Assert.Equal("old", File.ReadAllText(Target));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Refuses_to_overwrite_without_force_and_replaces_with_it()
    {
        File.WriteAllText(Target, "old");
        var error = Assert.Throws<IOException>(() => new AtomicFileWriter(Target, overwrite: false));
        Assert.Contains("-Force", error.Message);

        using var writer = new AtomicFileWriter(Target, overwrite: true);
        writer.Stream.Write(Encoding.UTF8.GetBytes("new"));
        writer.Commit();
        Assert.Equal("new", File.ReadAllText(Target));
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new AtomicFileWriter(Path.Combine(folder, "nope", "spec.json"), false));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void A_sealed_file_waits_closed_and_hidden_until_commit()
    {
        using var writer = new AtomicFileWriter(Target, overwrite: false);
        writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
        writer.Seal();
        Assert.Throws<ObjectDisposedException>(() => writer.Stream);
        string hidden = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("{}", File.ReadAllText(hidden)); // whole on disk, and no longer held open
        Assert.False(File.Exists(Target));
        writer.Commit();
        Assert.Equal("{}", File.ReadAllText(Target));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Abandoning_a_sealed_file_deletes_it()
    {
        using (var writer = new AtomicFileWriter(Target, overwrite: false))
        {
            writer.Stream.Write(new byte[1000]);
            writer.Seal();
        }
        Assert.Empty(Directory.GetFiles(folder));
    }
}
