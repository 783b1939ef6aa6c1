namespace EncordSpec.Writing;

/// <summary>A path's kind and, where known (Linux), its permission bits, owner and group.</summary>
internal sealed record FileStatus(FileKind Kind, uint? Mode, uint? Owner, uint? Group);
