namespace EncordSpec.Storage.Media;

/// <summary>Big-endian integers in byte arrays (ISO media boxes, PNG chunks).</summary>
internal static class BigEndian
{
    public static ushort UInt16(byte[] bytes, int offset) => (ushort)(bytes[offset] << 8 | bytes[offset + 1]);

    public static uint UInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3]);

    public static ulong UInt64(byte[] bytes, int offset) => (ulong)UInt32(bytes, offset) << 32 | UInt32(bytes, offset + 4);
}
