namespace EncordSpec.Writing;

/// <summary>What is at a path, as far as writing a spec there goes.</summary>
internal enum FileKind { Regular, Folder, SymbolicLink, CharacterDevice, BlockDevice, Fifo, Socket, Other }
