using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EncordSpec.Writing;

/// <summary>The files a spec is written to, all or nothing. Each finished spec is written through its own temporary
/// file (<see cref="AtomicFileWriter"/>), sealed and left hidden; <see cref="Commit"/> moves all of them into place at
/// the end, so a run that fails (a bad item under -ErrorAction Stop, Ctrl+C, a full disk) leaves none of its files
/// behind, nor half a set, and the files of earlier runs as they were. An unfinished spec waits in hidden buffer files
/// beside the target, so memory stays flat however many items and files there are; the buffer that starts a spec
/// becomes its temporary file (<see cref="Finish"/>).</summary>
internal sealed class SpecFileSet : ISpecDestination
{
    private readonly SpecFileNames names;
    private readonly bool overwrite;
    private readonly List<AtomicFileWriter> sealedFiles = new();
    private readonly List<string> targets = new();
    private readonly List<BufferFile> buffers = new(); // open ones, to find the one a spec starts in

    /// <param name="names">The names of the set's files.</param>
    /// <param name="overwrite">-Force: replace the set of files at the path. Without it any file of that set (see
    /// <see cref="SpecFileNames.Existing"/>) is an error here, before anything is written.</param>
    public SpecFileSet(SpecFileNames names, bool overwrite)
    {
        this.names = names;
        this.overwrite = overwrite;
        if (!Directory.Exists(names.Folder))
            throw new SpecFileException(SpecFileErrorIds.FolderNotFound, $"The folder '{names.Folder}' does not exist. Create it first, or give a -Path in a folder that exists.");
        if (Directory.Exists(names.Plain))
            throw SpecFileErrors.NotARegularFile(names.Plain, FileKind.Folder);
        if (!overwrite && names.Existing().ToList() is { Count: > 0 } existing)
            throw new SpecFileException(SpecFileErrorIds.NotWritable, $"{Describe(existing)} already {(existing.Count == 1 ? "exists" : "exist")}. " +
                "Use -Force to replace the spec (and the numbered files of an earlier split), or choose another -Path.");
    }

    public Stream CreateBuffer()
    {
        buffers.RemoveAll(buffer => buffer.Closed);
        var buffer = AtomicFileWriter.OpenBufferBeside(names.Plain);
        buffers.Add(buffer);
        return buffer.Stream;
    }

    /// <summary>Writes the finished spec to its temporary file: the buffer of its first section becomes that file
    /// when it can (the rest is appended to it), so a spec of one data type needs its size on disk once; otherwise
    /// the buffers are copied into a new temporary file.</summary>
    public void Finish(ISpecWriter spec, int number, bool last)
    {
        using (spec) // its buffers go once the document is out
        {
            string target = names.For(number, last);
            var start = buffers.Find(buffer => buffer.Stream == spec.DocumentStart);
            var file = start is null ? null : AtomicFileWriter.TakeOver(target, overwrite, start);
            if (file is not null)
            {
                sealedFiles.Add(file);
                targets.Add(target);
                spec.CompleteInPlace();
            }
            else
            {
                file = new AtomicFileWriter(target, overwrite);
                sealedFiles.Add(file);
                targets.Add(target);
                spec.Complete(file.Stream);
            }
            file.Seal();
        }
    }

    /// <summary>Moves every file into place, in order, and returns them. The moves are renames within one folder after
    /// every file is whole on disk; should one still fail, the files this set had created are removed again (a file
    /// it had replaced under -Force stays replaced) and the error is rethrown.</summary>
    public IReadOnlyList<FileInfo> Commit()
    {
        if (!overwrite && targets.Where(File.Exists).ToList() is { Count: > 0 } appeared)
            throw new SpecFileException(SpecFileErrorIds.NotWritable, $"{Describe(appeared)} appeared while the spec was written. Use -Force to replace it.");
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
        AtomicFileWriter.RemoveStaleIn(names.Folder, names.IsOfSet); // what killed runs writing this set left
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
