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
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(Target, overwrite: false));
        Assert.Equal(SpecFileErrorIds.NotWritable, error.ErrorId);
        Assert.Contains("-Force", error.Message);

        using var writer = new AtomicFileWriter(Target, overwrite: true);
        writer.Stream.Write(Encoding.UTF8.GetBytes("new"));
        writer.Commit();
        Assert.Equal("new", File.ReadAllText(Target));
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(Path.Combine(folder, "nope", "spec.json"), false));
        Assert.Equal(SpecFileErrorIds.FolderNotFound, error.ErrorId);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void A_folder_at_the_path_is_refused_by_name_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(Target);
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(Target, overwrite: true));
        Assert.Equal(SpecFileErrorIds.NotARegularFile, error.ErrorId);
        Assert.Contains("is a folder", error.Message);
        Assert.Equal(new[] { Target }, Directory.GetFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/dev/zero")]
    public void A_device_is_never_replaced(string device)
    {
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(device, overwrite: true));
        Assert.Equal(SpecFileErrorIds.NotARegularFile, error.ErrorId);
        Assert.Contains("character device", error.Message);
        Assert.Equal(FileKind.CharacterDevice, PosixFile.Status(device)!.Kind);
        Assert.Empty(Directory.GetFiles("/dev", "." + Path.GetFileName(device) + ".*"));
    }

    [Fact]
    public void A_fifo_is_never_replaced()
    {
        Run("mkfifo", Target);
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(Target, overwrite: true));
        Assert.Equal(SpecFileErrorIds.NotARegularFile, error.ErrorId);
        Assert.Contains("FIFO", error.Message);
        Assert.Equal(FileKind.Fifo, PosixFile.Status(Target)!.Kind);
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_socket_is_never_replaced()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Target));
        var error = Assert.Throws<SpecFileException>(() => new AtomicFileWriter(Target, overwrite: true));
        Assert.Equal(SpecFileErrorIds.NotARegularFile, error.ErrorId);
        Assert.Contains("socket", error.Message);
        Assert.Equal(FileKind.Socket, PosixFile.Status(Target)!.Kind);
    }

    [Fact]
    public void A_symbolic_link_is_written_through_to_its_target_and_stays_a_link()
    {
        string realFile = Path.Combine(folder, "real.json");
        File.WriteAllText(realFile, "old");
        string link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, "real.json");

        using (var writer = new AtomicFileWriter(link, overwrite: true))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes("new"));
            Assert.Equal(realFile, writer.Commit().FullName);
        }

        Assert.Equal(FileKind.SymbolicLink, PosixFile.Status(link)!.Kind);
        Assert.Equal("new", File.ReadAllText(realFile));
        Assert.Equal("new", File.ReadAllText(link));
        Assert.Equal(2, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void A_dangling_symbolic_link_creates_its_target_without_force()
    {
        string link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, "made.json");
        using (var writer = new AtomicFileWriter(link, overwrite: false))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
            writer.Commit();
        }
        Assert.Equal("{}", File.ReadAllText(Path.Combine(folder, "made.json")));
        Assert.Equal(FileKind.SymbolicLink, PosixFile.Status(link)!.Kind);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_replaced_file_keeps_its_mode_and_owner()
    {
        File.WriteAllText(Target, "old");
        File.SetUnixFileMode(Target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Run("chown", "nobody:nogroup", Target);
        var before = PosixFile.Status(Target)!;

        using (var writer = new AtomicFileWriter(Target, overwrite: true))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes("new"));
            writer.Commit();
        }

        var after = PosixFile.Status(Target)!;
        Assert.Equal("new", File.ReadAllText(Target));
        Assert.Equal(Convert.ToString(0x180, 8), Convert.ToString(after.Mode!.Value, 8)); // 600
        Assert.Equal(before.Owner, after.Owner);
        Assert.Equal(before.Group, after.Group);
        Assert.NotEqual(0u, after.Owner); // nobody, not root
    }

    [Fact]
    public void A_target_name_of_255_characters_is_written_and_its_temporary_name_stays_legal()
    {
        string target = Path.Combine(folder, new string('n', 250) + ".json");
        using (var writer = new AtomicFileWriter(target, overwrite: false))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
            writer.Commit();
        }
        Assert.Equal(new[] { target }, Directory.GetFiles(folder));
    }

    [Fact]
    public void A_long_name_of_multibyte_characters_is_cut_on_whole_characters()
    {
        string target = Path.Combine(folder, string.Concat(Enumerable.Repeat("\U0001F600", 60)) + ".json"); // 245 bytes
        using (var writer = new AtomicFileWriter(target, overwrite: false))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
            writer.Commit();
        }
        Assert.Equal(new[] { target }, Directory.GetFiles(folder));
    }

    [Fact]
    public void The_losing_writer_of_two_leaves_no_temporary_file()
    {
        using var first = new AtomicFileWriter(Target, overwrite: false);
        using var second = new AtomicFileWriter(Target, overwrite: false);
        first.Stream.Write(Encoding.UTF8.GetBytes("first"));
        second.Stream.Write(Encoding.UTF8.GetBytes("second"));
        first.Commit();

        var error = Assert.Throws<SpecFileException>(() => second.Commit());
        Assert.Equal(SpecFileErrorIds.NotWritable, error.ErrorId);
        second.Dispose();

        Assert.Equal("first", File.ReadAllText(Target));
        Assert.Equal(new[] { Target }, Directory.GetFiles(folder));
    }

    [Fact]
    public void A_successful_write_removes_what_killed_runs_left_and_keeps_what_running_ones_write()
    {
        int dead = ExitedProcessId();
        string staleTemp = Path.Combine(folder, $".spec.json.{dead}-0123456789ab.tmp");
        string staleSection = Path.Combine(folder, $".spec.json.{dead}-ba9876543210.section");
        using var sleeper = System.Diagnostics.Process.Start("sleep", "30");
        string running = Path.Combine(folder, $".spec.json.{sleeper.Id}-0123456789ab.tmp");
        string otherTarget = Path.Combine(folder, $".other.json.{dead}-0123456789ab.tmp");
        foreach (string path in new[] { staleTemp, staleSection, running, otherTarget })
            File.WriteAllText(path, "left");
        try
        {
            using (var writer = new AtomicFileWriter(Target, overwrite: false))
            {
                Assert.True(File.Exists(staleTemp)); // only a successful write cleans up
                writer.Stream.Write(Encoding.UTF8.GetBytes("{}"));
                writer.Commit();
            }
            Assert.Equal(new[] { Target, running, otherTarget }.OrderBy(p => p), Directory.GetFiles(folder).OrderBy(p => p));
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void A_section_buffer_disappears_when_closed()
    {
        using (var buffer = AtomicFileWriter.OpenBufferBeside(Target).Stream)
        {
            buffer.Write(new byte[100]);
            Assert.Single(Directory.GetFiles(folder, ".spec.json.*.section"));
        }
        Assert.Empty(Directory.GetFiles(folder));
    }

    private static int ExitedProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(command, arguments)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
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
