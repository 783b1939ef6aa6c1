using System;
using System.IO;

namespace EncordSpec.Writing;

/// <summary>Turns what the file system throws while a spec is written into a <see cref="SpecFileException"/> with a
/// stable ErrorId and a message that names the spec file, so no raw exception type reaches the user.</summary>
internal static class SpecFileErrors
{
    private const int NoSpaceLeft = 28; // ENOSPC (Linux, macOS)
    private const int QuotaExceeded = 122; // EDQUOT (Linux)
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static T Guard<T>(string specPath, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not SpecFileException)
        {
            throw Translate(specPath, e);
        }
    }

    public static void Guard(string specPath, Action action) => Guard(specPath, () => { action(); return true; });

    public static SpecFileException Translate(string specPath, Exception e) => e switch
    {
        SpecFileException known => known,
        DirectoryNotFoundException => new SpecFileException(SpecFileErrorIds.FolderNotFound,
            $"Cannot write the spec '{specPath}': its folder does not exist.", e),
        UnauthorizedAccessException => new SpecFileException(SpecFileErrorIds.NotWritable,
            $"Cannot write the spec '{specPath}': access is denied. Check the folder's permissions, or choose another -Path.", e),
        IOException when IsDiskFull(e) => new SpecFileException(SpecFileErrorIds.DiskFull,
            $"Cannot write the spec '{specPath}': the disk (or your quota) is full. Free some space, or choose another -Path; " +
            "a spec needs its own size free while it is written (a JSON spec of several data types also the size of the sections after its first), and the file that was there is left as it was.", e),
        _ => new SpecFileException(SpecFileErrorIds.NotWritable, $"Cannot write the spec '{specPath}': {e.Message}", e),
    };

    public static SpecFileException NotARegularFile(string path, FileKind kind) =>
        new(SpecFileErrorIds.NotARegularFile, kind == FileKind.Folder
            ? $"'{path}' is a folder. Give the path of the spec file to write, such as '{Path.Combine(path, "spec.json")}'."
            : $"'{path}' is {Describe(kind)}, not a regular file: a spec is only ever written to a regular file, and what " +
              "is there is left as it was. Choose another -Path.");

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        _ => "not a file",
    };

    private static bool IsDiskFull(Exception e) =>
        e.HResult is NoSpaceLeft or QuotaExceeded or WindowsDiskFull or WindowsHandleDiskFull;
}
