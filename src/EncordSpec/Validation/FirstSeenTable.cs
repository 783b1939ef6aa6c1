using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Validation;

/// <summary>Remembers 64-bit hashes (of URLs or titles) with the line each was first seen on, in one flat array
/// (open addressing, linear probing; hash and line side by side, so a lookup touches one cache line): a million
/// URLs take 24 MB and no strings.</summary>
internal sealed class FirstSeenTable
{
    private Entry[] entries;
    private int mask;

    // Packed to 12 bytes: a million URLs in 24 MB rather than 32; x64 reads the unaligned hash at no cost.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Key;
        public int Line;
    }

    public FirstSeenTable(int initialCapacity = 1024)
    {
        int capacity = 16;
        while (capacity < initialCapacity * 2) capacity <<= 1;
        entries = new Entry[capacity];
        mask = capacity - 1;
    }

    public int Count { get; private set; }

    /// <summary>Adds the hash with its line. Returns true when it was new; otherwise false and the line it was
    /// first seen on. <paramref name="hash"/> must not be 0 (<see cref="StringHash64"/> never returns 0).</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool TryAdd(ulong hash, long line, out long firstLine)
    {
        int slot = (int)(hash & (ulong)mask);
        while (true)
        {
            ulong key = entries[slot].Key;
            if (key == 0)
                break;
            if (key == hash)
            {
                firstLine = entries[slot].Line;
                return false;
            }
            slot = (slot + 1) & mask;
        }
        entries[slot].Key = hash;
        entries[slot].Line = (int)Math.Min(line, int.MaxValue);
        firstLine = 0;
        if (++Count * 4 > entries.Length * 3)
            Grow();
        return true;
    }

    private void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        mask = entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Key == 0) continue;
            int slot = (int)(entry.Key & (ulong)mask);
            while (entries[slot].Key != 0) slot = (slot + 1) & mask;
            entries[slot] = entry;
        }
    }
}
