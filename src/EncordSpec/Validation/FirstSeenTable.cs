using System.Runtime.CompilerServices;
using System;

namespace EncordSpec;

/// <summary>Remembers 64-bit hashes (of URLs or titles) with the line each was first seen on: 12 bytes per entry in
/// two flat arrays (open addressing, linear probing), so a million URLs take about 24 MB and no strings.</summary>
public sealed class FirstSeenTable
{
    private ulong[] keys;
    private int[] lines;
    private int mask;

    public FirstSeenTable(int initialCapacity = 1024)
    {
        int capacity = 16;
        while (capacity < initialCapacity * 2) capacity <<= 1;
        keys = new ulong[capacity];
        lines = new int[capacity];
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
            ulong key = keys[slot];
            if (key == 0)
                break;
            if (key == hash)
            {
                firstLine = lines[slot];
                return false;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = hash;
        lines[slot] = (int)Math.Min(line, int.MaxValue);
        firstLine = 0;
        if (++Count * 4 > keys.Length * 3)
            Grow();
        return true;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldLines = lines;
        keys = new ulong[oldKeys.Length * 2];
        lines = new int[oldKeys.Length * 2];
        mask = keys.Length - 1;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            ulong key = oldKeys[i];
            if (key == 0) continue;
            int slot = (int)(key & (ulong)mask);
            while (keys[slot] != 0) slot = (slot + 1) & mask;
            keys[slot] = key;
            lines[slot] = oldLines[i];
        }
    }
}
