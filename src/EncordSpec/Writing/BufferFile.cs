using System.IO;

namespace EncordSpec.Writing;

/// <summary>A hidden read/write file beside a spec's path holding part of an unfinished spec (a JSON section). Closing
/// it deletes it, unless an <see cref="AtomicFileWriter"/> took it over as the spec's temporary file (the first
/// section already is the start of the document, so a spec of one data type is written once, not buffered and then
/// copied: it needs its size free once, not twice).</summary>
internal sealed class BufferFile
{
    public BufferFile(string path, FileStream file, GuardedStream stream)
    {
        Path = path;
        File = file;
        Stream = stream;
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>The open file.</summary>
    public FileStream File { get; }

    /// <summary>The stream writers use; disposing it closes the file and, unless taken over, deletes it.</summary>
    public GuardedStream Stream { get; }

    /// <summary>Set when an <see cref="AtomicFileWriter"/> took the file over: it then closes, moves or deletes it.</summary>
    public bool TakenOver { get; set; }

    /// <summary>Set once the stream is disposed.</summary>
    public bool Closed { get; set; }
}
