using System.Collections.Generic;
using EncordSpec.Media;

namespace EncordSpec.Storage.Media;

/// <summary>One box (atom) of an ISO base media file (MP4, MOV, M4A) inside a byte array: its type and where its
/// content lies.</summary>
internal readonly struct IsoBox
{
    public IsoBox(string type, int contentStart, int end)
    {
        Type = type;
        ContentStart = contentStart;
        End = end;
    }

    public string Type { get; }
    public int ContentStart { get; }
    public int End { get; }

    /// <summary>The boxes one after another in <paramref name="bytes"/> from <paramref name="start"/> to
    /// <paramref name="end"/> (a container's content). A size that runs past the container is damage.</summary>
    public static IEnumerable<IsoBox> Children(byte[] bytes, int start, int end)
    {
        int offset = start;
        while (offset + 8 <= end)
        {
            long size = BigEndian.UInt32(bytes, offset);
            string type = FourCC(bytes, offset + 4);
            int header = 8;
            if (size == 1)
            {
                if (offset + 16 > end)
                    throw new MediaProbeException($"the '{type}' box's 64-bit size is cut off");
                size = (long)BigEndian.UInt64(bytes, offset + 8);
                header = 16;
            }
            else if (size == 0)
            {
                size = end - offset;
            }
            if (size < header || offset + size > end)
                throw new MediaProbeException($"the '{type}' box at {offset:N0} claims {size:N0} bytes, more than its container holds");
            yield return new IsoBox(type, offset + header, (int)(offset + size));
            offset += (int)size;
        }
    }

    /// <summary>The first child of type <paramref name="type"/> in this box, or null.</summary>
    public IsoBox? Child(byte[] bytes, string type)
    {
        foreach (var child in Children(bytes, ContentStart, End))
            if (child.Type == type)
                return child;
        return null;
    }

    public static string FourCC(byte[] bytes, int offset) =>
        new(new[] { (char)bytes[offset], (char)bytes[offset + 1], (char)bytes[offset + 2], (char)bytes[offset + 3] });
}
