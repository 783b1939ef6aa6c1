using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace EncordSpec.Writing;

/// <summary>Writes a file through a temporary file in the same folder and moves it into place on
/// <see cref="Commit"/>, so an interrupted run never leaves a truncated file at the target path.
/// Disposing without committing deletes the temporary file. Only a regular file is ever replaced: a folder, device,
/// FIFO or socket at the path is refused (<see cref="SpecFileErrorIds.NotARegularFile"/>), a symbolic link is written
/// through to its target, and a replaced file keeps its permissions (and its owner, where the process may give it).
/// Every failure is a <see cref="SpecFileException"/> with a stable ErrorId.</summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly string targetPath;
    private readonly string tempPath;
    private readonly bool overwrite;
    private readonly FileStatus? replaced;
    private readonly string requestedPath;
    private FileStream? stream;
    private GuardedStream? guarded;
    private bool committed;
    private bool disposed;

    /// <param name="targetPath">The file to write; a symbolic link is followed to the file it points at.</param>
    /// <param name="overwrite">-Force: replace a regular file at the path.</param>
    public AtomicFileWriter(string targetPath, bool overwrite) : this(targetPath, overwrite, null)
    {
    }

    /// <summary>Takes over <paramref name="buffer"/>, which already holds the start of the content, as the temporary
    /// file, so what follows is written after it rather than everything copied into a new file. Null (and the buffer
    /// stays a buffer) when the buffer is not in the target's folder (a link to another folder), where a rename into
    /// place could cross file systems.</summary>
    public static AtomicFileWriter? TakeOver(string targetPath, bool overwrite, BufferFile buffer)
    {
        string resolved = SpecFileErrors.Guard(targetPath, () => PosixFile.FollowLinks(Path.GetFullPath(targetPath)));
        if (Path.GetDirectoryName(resolved) != Path.GetDirectoryName(Path.GetFullPath(buffer.Path)))
            return null;
        return new AtomicFileWriter(targetPath, overwrite, buffer);
    }

    private AtomicFileWriter(string targetPath, bool overwrite, BufferFile? buffer)
    {
        this.overwrite = overwrite;
        requestedPath = Path.GetFullPath(targetPath);
        this.targetPath = SpecFileErrors.Guard(requestedPath, () => PosixFile.FollowLinks(requestedPath));
        string folder = Path.GetDirectoryName(this.targetPath)!;
        if (!Directory.Exists(folder))
            throw new SpecFileException(SpecFileErrorIds.FolderNotFound, $"The folder '{folder}' does not exist. Create it first, or give a -Path in a folder that exists.");
        replaced = SpecFileErrors.Guard(this.targetPath, () => PosixFile.Status(this.targetPath));
        if (replaced is not null && replaced.Kind != FileKind.Regular)
            throw SpecFileErrors.NotARegularFile(this.targetPath, replaced.Kind);
        if (replaced is not null && !overwrite)
            throw new SpecFileException(SpecFileErrorIds.NotWritable, $"The file '{this.targetPath}' already exists. Use -Force to overwrite it.");
        if (buffer is not null)
        {
            // Renamed (open: Unix allows it, and Windows with FileShare.Delete) to the temporary name of this target,
            // which later runs recognise; from here this writer moves or deletes it.
            tempPath = TempPathBeside(this.targetPath, "tmp");
            string bufferPath = buffer.Path;
            string renamed = tempPath;
            SpecFileErrors.Guard(this.targetPath, () => File.Move(bufferPath, renamed));
            buffer.TakenOver = true;
            LiveTemporaries.Add(tempPath);
            LiveTemporaries.Remove(buffer.Path);
            stream = buffer.File;
            guarded = new GuardedStream(stream, this.targetPath);
            return;
        }
        tempPath = TempPathBeside(this.targetPath, "tmp");
        stream = SpecFileErrors.Guard(this.targetPath, () =>
            new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        guarded = new GuardedStream(stream, this.targetPath);
        LiveTemporaries.Add(tempPath);
    }

    /// <summary>The stream to write the content to, until <see cref="Seal"/>. A write that fails (a full disk, a
    /// read-only file system) throws <see cref="SpecFileException"/>.</summary>
    public Stream Stream => stream is null ? throw new ObjectDisposedException(nameof(AtomicFileWriter)) : guarded!;

    /// <summary>A fresh hidden name in the target's folder, so a rename into place stays on one file system. The name
    /// holds at most the first 150 bytes of the target's name (a legal name of 255 bytes stays legal with the rest
    /// added), the writing process's id (so a later run knows when it is stale) and a random part.</summary>
    public static string TempPathBeside(string targetPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(targetPath)!,
            TempPrefix(Path.GetFileName(targetPath)) + CurrentProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 12) + "." + suffix);

    /// <summary>Flushes the content to disk and closes the temporary file, which waits for <see cref="Commit"/> (or
    /// is deleted by <see cref="Dispose"/>). A set of files committed together seals each one when it is written, so
    /// only one is open at a time.</summary>
    public void Seal()
    {
        if (stream is null) return;
        var written = stream;
        stream = null;
        guarded = null;
        SpecFileErrors.Guard(targetPath, () =>
        {
            using (written)
                written.Flush(flushToDisk: true);
        });
    }

    /// <summary>Flushes the content to disk and moves it to the target path, with the permissions and owner of the
    /// file it replaces. Hidden files that killed runs left beside the target are removed then.</summary>
    public FileInfo Commit()
    {
        if (disposed) throw new ObjectDisposedException(nameof(AtomicFileWriter));
        Seal();
        SpecFileErrors.Guard(targetPath, () =>
        {
            var now = PosixFile.Status(targetPath);
            if (now is not null && now.Kind != FileKind.Regular)
                throw SpecFileErrors.NotARegularFile(targetPath, now.Kind);
            if (now is not null)
            {
                if (!overwrite)
                    throw new SpecFileException(SpecFileErrorIds.NotWritable, $"The file '{targetPath}' appeared while the spec was written. Use -Force to overwrite it.");
                PosixFile.CopyModeAndOwner(tempPath, now);
                File.Replace(tempPath, targetPath, destinationBackupFileName: null);
            }
            else
            {
                File.Move(tempPath, targetPath);
            }
        });
        committed = true;
        LiveTemporaries.Remove(tempPath);
        RemoveStaleBeside(targetPath);
        if (requestedPath != targetPath)
            RemoveStaleBeside(requestedPath); // buffers named after the link
        return new FileInfo(targetPath);
    }

    /// <summary>A read/write buffer beside <paramref name="targetPath"/> (a JSON section waiting for the end), deleted
    /// when it is closed (unless <see cref="TakeOver"/> made it the temporary file of a spec), when the process ends, or
    /// by the next write to the target after a kill. Its failures are <see cref="SpecFileException"/>s.</summary>
    public static BufferFile OpenBufferBeside(string targetPath)
    {
        string path = TempPathBeside(targetPath, "section");
        // Not DeleteOnClose: the first section may become the spec's file; closing deletes it otherwise (below).
        var file = SpecFileErrors.Guard(targetPath, () =>
            new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16));
        LiveTemporaries.Add(path);
        BufferFile? buffer = null;
        var stream = new GuardedStream(file, targetPath, ownsInner: true, onDispose: () =>
        {
            buffer!.Closed = true;
            if (buffer.TakenOver) return;
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            LiveTemporaries.Remove(path);
        });
        buffer = new BufferFile(path, file, stream);
        return buffer;
    }

    /// <summary>Removes the hidden temporary and section files that runs writing <paramref name="targetPath"/> left
    /// when they were killed: recognised by their name, and written by a process that is gone. A file that cannot
    /// be removed is left; it is never an error.</summary>
    public static void RemoveStaleBeside(string targetPath)
    {
        string name = NameInTemp(Path.GetFileName(targetPath));
        RemoveStaleIn(Path.GetDirectoryName(targetPath)!, candidate => candidate == name);
    }

    /// <summary>As <see cref="RemoveStaleBeside"/>, for every target in <paramref name="folder"/> whose name (as a
    /// temporary name holds it: cut to 150 bytes) <paramref name="isTarget"/> accepts, such as the files of a set.</summary>
    public static void RemoveStaleIn(string folder, Func<string, bool> isTarget)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(folder, ".*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string candidate in candidates)
        {
            if (ParseTempName(Path.GetFileName(candidate)) is not { } parsed || !isTarget(parsed.Target) || IsRunning(parsed.Pid))
                continue;
            try { File.Delete(candidate); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try { stream?.Dispose(); } catch (IOException) { } // a full disk fails the last flush too; the file goes anyway
        stream = null;
        if (committed) return;
        try { File.Delete(tempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        LiveTemporaries.Remove(tempPath);
    }

    private const int MaxTargetBytesInTempName = 150;
    private static readonly int CurrentProcessId = Process.GetCurrentProcess().Id;

    /// <summary>".name." with the name cut as <see cref="NameInTemp"/> says.</summary>
    private static string TempPrefix(string fileName) => "." + NameInTemp(fileName) + ".";

    /// <summary>A target's name as its temporary names hold it: cut to whole characters of at most 150 UTF-8 bytes.</summary>
    public static string NameInTemp(string fileName)
    {
        int length = fileName.Length;
        while (Encoding.UTF8.GetByteCount(fileName.Substring(0, length)) > MaxTargetBytesInTempName)
            length -= char.IsLowSurrogate(fileName[length - 1]) && length > 1 ? 2 : 1;
        return fileName.Substring(0, length);
    }

    /// <summary>The target's name and the writer's process id in a name made by <see cref="TempPathBeside"/>
    /// (".name.PID-RANDOM12.tmp" or ".section"), or null when the name is not one.</summary>
    private static (string Target, int Pid)? ParseTempName(string fileName)
    {
        int suffix = fileName.LastIndexOf('.');
        if (fileName.Length == 0 || fileName[0] != '.' || suffix <= 0 || fileName.Substring(suffix + 1) is not ("tmp" or "section"))
            return null;
        int writer = fileName.LastIndexOf('.', suffix - 1);
        if (writer <= 1)
            return null;
        string[] idAndRandom = fileName.Substring(writer + 1, suffix - writer - 1).Split('-');
        if (idAndRandom.Length != 2 || idAndRandom[1].Length != 12 || !int.TryParse(idAndRandom[0], out int pid))
            return null;
        return (fileName.Substring(1, writer - 1), pid);
    }


    private static bool IsRunning(int pid)
    {
        if (pid == CurrentProcessId)
            return true; // another writer in this process, or one that this process will clean up itself
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Temporary files of this process not yet committed or deleted: removed when the process ends normally
    /// or on SIGTERM, where no finally block runs.</summary>
    private static class LiveTemporaries
    {
        private static readonly HashSet<string> Paths = new();
        private static readonly object? SigtermRegistration;

        static LiveTemporaries()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
            SigtermRegistration = OnSigterm(nameof(DeleteAllOnSignal));
        }

        private static void DeleteAll()
        {
            lock (Paths)
                foreach (string path in Paths)
                    try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        /// <summary>Called with the PosixSignalContext; the signal then ends the process as it would have.</summary>
        private static void DeleteAllOnSignal(object context) => DeleteAll();

        /// <summary>pwsh ends on SIGTERM without raising ProcessExit (measured), so the signal itself is hooked where
        /// the runtime offers it (.NET 6 and later: PosixSignalRegistration, which netstandard2.0 cannot name, hence
        /// reflection). Returns the registration, which must stay referenced; null where there is none.</summary>
        private static object? OnSigterm(string handlerName)
        {
            var registration = Type.GetType("System.Runtime.InteropServices.PosixSignalRegistration, System.Runtime.InteropServices", throwOnError: false);
            var signal = Type.GetType("System.Runtime.InteropServices.PosixSignal, System.Runtime.InteropServices", throwOnError: false);
            var context = Type.GetType("System.Runtime.InteropServices.PosixSignalContext, System.Runtime.InteropServices", throwOnError: false);
            var create = registration?.GetMethod("Create");
            if (create is null || signal is null || context is null)
                return null;
            try
            {
                var handler = Delegate.CreateDelegate(typeof(Action<>).MakeGenericType(context),
                    typeof(LiveTemporaries).GetMethod(handlerName, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!);
                return create.Invoke(null, new object[] { Enum.Parse(signal, "SIGTERM"), handler });
            }
            catch (Exception e) when (e is System.Reflection.TargetInvocationException or ArgumentException or PlatformNotSupportedException)
            {
                return null; // no signals here (Windows PowerShell 5.1): the files go with the next successful write
            }
        }

        public static void Add(string path)
        {
            lock (Paths) Paths.Add(path);
        }

        public static void Remove(string path)
        {
            lock (Paths) Paths.Remove(path);
        }
    }
}
