using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace EncordSpec.Writing;

/// <summary>What .NET Standard cannot tell about a path on Linux and macOS: whether it is a regular file, a device, a
/// FIFO or a socket, its mode and owner, and where a symbolic link points. Linux reads the kind, mode and owner with
/// statx (its record has one layout on every architecture); elsewhere only folders and links are told apart.</summary>
internal static class PosixFile
{
    private const int AtCurrentFolder = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int NoSuchFile = 2; // ENOENT
    private const int NotAFolder = 20; // ENOTDIR

    private static readonly bool IsLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
    private static readonly bool IsUnix = IsLinux || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>The path's own status (a link is not followed unless <paramref name="followLinks"/>), or null when
    /// nothing is there.</summary>
    public static FileStatus? Status(string path, bool followLinks = false)
    {
        if (!IsLinux)
            return followLinks ? null : ManagedStatus(path);
        var record = new byte[256];
        if (statx(AtCurrentFolder, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, record) != 0)
        {
            int errno = Marshal.GetLastWin32Error();
            if (errno is NoSuchFile or NotAFolder)
                return null;
            throw new IOException($"Cannot read the status of '{path}' (errno {errno}).");
        }
        uint mode = BitConverter.ToUInt16(record, 28);
        return new FileStatus(KindOf(mode), mode & 0xFFF, BitConverter.ToUInt32(record, 20), BitConverter.ToUInt32(record, 24));
    }

    private static FileStatus? ManagedStatus(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
            return new FileStatus((info.Attributes & FileAttributes.ReparsePoint) != 0 ? FileKind.SymbolicLink : FileKind.Folder, null, null, null);
        if (!info.Exists)
            return IsUnix && ReadLink(path) is not null ? new FileStatus(FileKind.SymbolicLink, null, null, null) : null;
        return new FileStatus((info.Attributes & FileAttributes.ReparsePoint) != 0 ? FileKind.SymbolicLink : FileKind.Regular, null, null, null);
    }

    private static FileKind KindOf(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Folder,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    /// <summary>Where the link at <paramref name="path"/> points (as written in the link), or null when it is no link.</summary>
    public static string? ReadLink(string path)
    {
        if (!IsUnix)
            return null;
        var buffer = new byte[4096];
        long length = (long)readlink(path, buffer, (IntPtr)buffer.Length);
        return length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>Follows symbolic links from <paramref name="path"/> (a full path) to the path they end at, which
    /// need not exist yet. Throws IOException on a loop.</summary>
    public static string FollowLinks(string path)
    {
        for (int hops = 0; hops < 40; hops++)
        {
            if (Status(path)?.Kind != FileKind.SymbolicLink || ReadLink(path) is not { } target)
                return path;
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
        }
        throw new IOException($"Too many levels of symbolic links at '{path}'.");
    }

    /// <summary>Gives <paramref name="path"/> the permission bits and owner of <paramref name="like"/>; an owner the
    /// process may not give (it is not root) is left as it is.</summary>
    public static void CopyModeAndOwner(string path, FileStatus like)
    {
        if (!IsUnix)
            return;
        if (like.Owner is { } owner && like.Group is { } group)
            _ = chown(path, owner, group); // EPERM for an ordinary user: the owner stays theirs
        if (like.Mode is { } mode && chmod(path, mode) != 0)
            throw new IOException($"Cannot give '{path}' the permissions of the file it replaces (errno {Marshal.GetLastWin32Error()}).");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int folder, string path, int flags, uint mask, byte[] record);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr readlink(string path, byte[] buffer, IntPtr size);

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown(string path, uint owner, uint group);
}
