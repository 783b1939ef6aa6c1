namespace EncordSpec.Writing;

/// <summary>The ErrorIds of a spec file that cannot be written: what a runbook can test for, whatever the message.</summary>
internal static class SpecFileErrorIds
{
    /// <summary>The file exists and -Force was not given, or it cannot be created, replaced or written (permissions,
    /// a read-only file system, a full disk).</summary>
    public const string NotWritable = "SpecFileNotWritable";

    /// <summary>The folder to write into does not exist.</summary>
    public const string FolderNotFound = "SpecFolderNotFound";

    /// <summary>The path is a folder, a device, a FIFO or a socket: only a regular file is ever replaced.</summary>
    public const string NotARegularFile = "SpecPathNotRegularFile";

    /// <summary>The disk (or the user's quota) ran out while writing.</summary>
    public const string DiskFull = "SpecFileDiskFull";
}
