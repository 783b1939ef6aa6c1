using System.IO;

namespace EncordSpec.Writing;

/// <summary>A hidden read/write file beside a spec's path holding part of an unfinished spec (a JSON section, a CSV's
/// rows): where it is, the open file, and the stream writers use. Disposing the stream closes the file and deletes
/// it, unless an <see cref="AtomicFileWriter"/> took it over as the spec's temporary file (the first section already
/// is the start of the document, so a spec of one data type is written once, not buffered and then copied: it needs
/// its size free once, not twice).</summary>
internal sealed record BufferFile(string Path, FileStream File, GuardedStream Stream)
{
    /// <summary>Set when an <see cref="AtomicFileWriter"/> took the file over: it then closes, moves or deletes it.</summary>
    public bool TakenOver { get; set; }

    /// <summary>Set once the stream is disposed.</summary>
    public bool Closed { get; set; }
}
