using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EncordSpec.Validation;

/// <summary>A fast 64-bit hash of a string's UTF-16 code units, for remembering a million URLs as 8-byte keys
/// instead of strings. With 64 bits, a false "duplicate" among a million distinct URLs has a chance of about
/// one in 36 million.</summary>
internal static class StringHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    /// <summary>Never returns 0, which hash tables may use to mark an empty slot.</summary>
    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>The hash of text (its UTF-16 code units); never 0.</summary>
    public static ulong Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));

    [MethodImpl(HotPath.Optimized)]
    private static ulong Of(ReadOnlySpan<byte> bytes)
    {
        ulong hash = Prime3 ^ ((ulong)bytes.Length * Prime1);
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            hash = Round(hash, MemoryMarshal.Read<ulong>(bytes.Slice(i)));
        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (int shift = 0; i < bytes.Length; i++, shift += 8)
                tail |= (ulong)bytes[i] << shift;
            hash = Round(hash, tail);
        }
        hash = Mix(hash);
        return hash == 0 ? 1 : hash;
    }

    private static ulong Round(ulong hash, ulong block)
    {
        hash ^= block * Prime2;
        hash = (hash << 31) | (hash >> 33);
        return hash * Prime1;
    }

    /// <summary>The final avalanche of MurmurHash3 (fmix64), so every input bit affects every output bit.</summary>
    private static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
