using System;
using System.IO;

namespace EncordSpec.Writing;

/// <summary>A spec file's stream whose failures (a full disk, a read-only file system) are
/// <see cref="SpecFileException"/>s naming the spec, and which runs <c>onDispose</c> once when it is closed.</summary>
internal sealed class GuardedStream : Stream
{
    private readonly Stream inner;
    private readonly string specPath;
    private readonly bool ownsInner;
    private Action? onDispose;

    public GuardedStream(Stream inner, string specPath, bool ownsInner = false, Action? onDispose = null)
    {
        this.inner = inner;
        this.specPath = specPath;
        this.ownsInner = ownsInner;
        this.onDispose = onDispose;
    }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => SpecFileErrors.Guard(specPath, () => inner.Position = value);
    }

    public override void Flush() => SpecFileErrors.Guard(specPath, inner.Flush);
    public override int Read(byte[] buffer, int offset, int count) => SpecFileErrors.Guard(specPath, () => inner.Read(buffer, offset, count));
    public override long Seek(long offset, SeekOrigin origin) => SpecFileErrors.Guard(specPath, () => inner.Seek(offset, origin));
    public override void SetLength(long value) => SpecFileErrors.Guard(specPath, () => inner.SetLength(value));
    public override void Write(byte[] buffer, int offset, int count) => SpecFileErrors.Guard(specPath, () => inner.Write(buffer, offset, count));

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
            try { inner.Dispose(); } catch (IOException) { } // a full disk fails the last flush; the file goes anyway
        if (disposing)
        {
            onDispose?.Invoke();
            onDispose = null;
        }
        base.Dispose(disposing);
    }
}
