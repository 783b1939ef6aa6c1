using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EncordSpec.Writing;

/// <summary>The files a spec is written to, all or nothing. Each finished spec is written through its own temporary
/// file (<see cref="AtomicFileWriter"/>), sealed and left hidden; <see cref="Commit"/> moves all of them into place at
/// the end, so a run that fails (a bad item under -ErrorAction Stop, Ctrl+C, a full disk) leaves none of its files
/// behind, nor half a set, and the files of earlier runs as they were. An unfinished spec waits in hidden buffer files
/// beside the target, so memory stays flat however many items and files there are.</summary>
internal sealed class SpecFileSet : ISpecDestination
{
    private readonly SpecFileNames names;
    private readonly bool overwrite;
    private readonly List<AtomicFileWriter> sealedFiles = new();
    private readonly List<string> targets = new();

    /// <param name="names">The names of the set's files.</param>
    /// <param name="overwrite">-Force: replace the set of files at the path. Without it any file of that set (see
    /// <see cref="SpecFileNames.Existing"/>) is an error here, before anything is written.</param>
    public SpecFileSet(SpecFileNames names, bool overwrite)
    {
        this.names = names;
        this.overwrite = overwrite;
        if (!Directory.Exists(names.Folder))
            throw new DirectoryNotFoundException($"The folder '{names.Folder}' does not exist.");
        if (Directory.Exists(names.Plain))
            throw new IOException($"'{names.Plain}' is a folder. Give the path of the spec file to write, such as '{Path.Combine(names.Plain, "spec.json")}'.");
        if (!overwrite && names.Existing().ToList() is { Count: > 0 } existing)
            throw new IOException($"{Describe(existing)} already {(existing.Count == 1 ? "exists" : "exist")}. " +
                "Use -Force to replace the spec (and the numbered files of an earlier split), or choose another -Path.");
    }

    public Stream CreateBuffer() =>
        new FileStream(AtomicFileWriter.TempPathBeside(names.Plain, "section"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public void Finish(ISpecWriter spec, int number, bool last)
    {
        using (spec) // its buffers go once the document is out
        {
            string target = names.For(number, last);
            var file = new AtomicFileWriter(target, overwrite);
            sealedFiles.Add(file);
            targets.Add(target);
            spec.Complete(file.Stream);
            file.Seal();
        }
    }

    /// <summary>Moves every file into place, in order, and returns them. The moves are renames within one folder after
    /// every file is whole on disk; should one still fail, the files this set had created are removed again (a file
    /// it had replaced under -Force stays replaced) and the error is rethrown.</summary>
    public IReadOnlyList<FileInfo> Commit()
    {
        if (!overwrite && targets.Where(File.Exists).ToList() is { Count: > 0 } appeared)
            throw new IOException($"{Describe(appeared)} appeared while the spec was written. Use -Force to replace it.");
        var committed = new List<FileInfo>(sealedFiles.Count);
        var created = new List<string>();
        try
        {
            for (int i = 0; i < sealedFiles.Count; i++)
            {
                bool existed = File.Exists(targets[i]);
                committed.Add(sealedFiles[i].Commit());
                if (!existed) created.Add(targets[i]);
            }
        }
        catch
        {
            foreach (string path in created)
                try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        return committed;
    }

    IReadOnlyList<object> ISpecDestination.Complete() => Commit();

    private static string Describe(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? $"The file '{paths[0]}'" : $"The files '{string.Join("', '", paths)}'";

    /// <summary>Without <see cref="Commit"/> this deletes every temporary file of the set.</summary>
    public void Dispose()
    {
        foreach (var file in sealedFiles)
            file.Dispose();
    }
}
