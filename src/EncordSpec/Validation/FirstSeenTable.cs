using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EncordSpec.Validation;

/// <summary>Remembers 64-bit hashes (of URLs or titles) with the line each was first seen on, with no strings: 16 to
/// 32 bytes per hash (10 million URLs: 160-320 MB), and never more while it grows. The hashes live in pages of 4,096
/// slots (48 KB, open addressing with linear probing; hash and line side by side, so a lookup touches one cache
/// line), found through a directory by the hash's top bits (extendible hashing). A page three quarters full splits
/// in two by the next bit: the table grows one page at a time, nothing is copied into a bigger array and nothing is
/// left for the garbage collector. A single array doubled when full needed the old and the new array at once and left
/// the old one behind: a 10-million-URL spec peaked at 490 MB.</summary>
internal sealed class FirstSeenTable
{
    private const int PageSlots = 4096; // 48 KB: below the large object heap's 85 KB
    private const int FirstPageSlots = 16;
    private readonly Entry[] scratch = new Entry[PageSlots];
    private Page[] directory;
    private int depth; // the directory has 2^depth places, chosen by the hash's top `depth` bits

    // Packed to 12 bytes (x64 reads the unaligned hash at no cost): 16 bytes would cost a third more per URL.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Key;
        public int Line;
    }

    private sealed class Page
    {
        public Entry[] Entries;
        public int Count;
        public int Depth; // the top bits all its hashes share

        public Page(int slots, int depth)
        {
            Entries = new Entry[slots];
            Depth = depth;
        }
    }

    /// <param name="expectedCount">How many hashes to make room for at first (up to one page); the table grows past
    /// it as needed.</param>
    public FirstSeenTable(int expectedCount = 1024)
    {
        int slots = FirstPageSlots;
        while (slots < PageSlots && slots * 3 / 4 < expectedCount) slots <<= 1;
        directory = new[] { new Page(slots, 0) };
    }

    public long Count { get; private set; }

    /// <summary>The bytes the table's arrays take now.</summary>
    public long Bytes
    {
        get
        {
            long bytes = (long)directory.Length * IntPtr.Size;
            for (int i = 0; i < directory.Length; i++)
                if (i == 0 || directory[i] != directory[i - 1]) // a page's places are side by side
                    bytes += (long)directory[i].Entries.Length * Marshal.SizeOf<Entry>();
            return bytes;
        }
    }

    /// <summary>Adds the hash with its line. Returns true when it was new; otherwise false and the line it was
    /// first seen on. <paramref name="hash"/> must not be 0 (<see cref="StringHash64"/> never returns 0).</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool TryAdd(ulong hash, long line, out long firstLine)
    {
        var page = directory[PlaceOf(hash)];
        var entries = page.Entries;
        int mask = entries.Length - 1;
        int slot = (int)hash & mask;
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
        Count++;
        if (++page.Count * 4 > entries.Length * 3)
            Grow(page, hash);
        return true;
    }

    /// <summary>Forgets every hash and gives back all but one small page, so one huge group's table does not stay
    /// behind for the rest of the spec.</summary>
    public void Clear()
    {
        if (Count == 0) return;
        if (depth == 0 && directory[0].Entries.Length == FirstPageSlots)
            Array.Clear(directory[0].Entries, 0, FirstPageSlots);
        else
            directory = new[] { new Page(FirstPageSlots, 0) };
        directory[0].Count = 0;
        depth = 0;
        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PlaceOf(ulong hash) => depth == 0 ? 0 : (int)(hash >> (64 - depth));

    private void Grow(Page page, ulong someHash)
    {
        if (page.Entries.Length < PageSlots)
        {
            // A small table (titles, a group's URLs) starts with one small page that doubles up to a full one.
            int count = Gather(page);
            page.Entries = new Entry[page.Entries.Length * 2];
            Place(scratch, count, page, null, 0);
            return;
        }
        if (page.Depth == depth)
            DoubleDirectory();
        // The page's places in the directory are side by side; the upper half of them goes to the new page.
        int span = 1 << (depth - page.Depth);
        int first = PlaceOf(someHash) & ~(span - 1);
        page.Depth++;
        var sibling = new Page(PageSlots, page.Depth);
        for (int i = first + span / 2; i < first + span; i++)
            directory[i] = sibling;
        Place(scratch, Gather(page), page, sibling, 1UL << (64 - page.Depth));
    }

    /// <summary>Moves the page's entries into <see cref="scratch"/> and empties the page; returns how many.</summary>
    private int Gather(Page page)
    {
        int count = 0;
        foreach (var entry in page.Entries)
            if (entry.Key != 0)
                scratch[count++] = entry;
        Array.Clear(page.Entries, 0, page.Entries.Length);
        page.Count = 0;
        return count;
    }

    /// <summary>Puts entries back: those with <paramref name="siblingBit"/> set into the sibling, the rest into page.</summary>
    private static void Place(Entry[] from, int count, Page page, Page? sibling, ulong siblingBit)
    {
        for (int i = 0; i < count; i++)
        {
            var target = sibling is not null && (from[i].Key & siblingBit) != 0 ? sibling : page;
            var entries = target.Entries;
            int mask = entries.Length - 1;
            int slot = (int)from[i].Key & mask;
            while (entries[slot].Key != 0) slot = (slot + 1) & mask;
            entries[slot] = from[i];
            target.Count++;
        }
    }

    private void DoubleDirectory()
    {
        var doubled = new Page[directory.Length * 2];
        for (int i = 0; i < doubled.Length; i++)
            doubled[i] = directory[i >> 1];
        directory = doubled;
        depth++;
    }
}
