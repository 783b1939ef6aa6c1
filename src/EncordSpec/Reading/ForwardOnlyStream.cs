using System;
using System.IO;

namespace EncordSpec.Reading;

/// <summary>A stream that is only read, from start to end: a spec read from a pipe or behind a sniffed prefix, and
/// inventory report files (counted, checked, or straight from an S3 response). Subclasses give
/// <see cref="Stream.Read(byte[], int, int)"/>.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
