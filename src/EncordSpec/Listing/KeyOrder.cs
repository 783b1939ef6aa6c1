using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>The order in which a store lists keys. S3 (and OBS, and S3-compatible stores) list in UTF-8 byte order,
/// which is Unicode code point order; Azure Blob and GCS list in UTF-16 code unit order (ordinal). The two differ
/// only where a key holds a character outside the Basic Multilingual Plane (an emoji) and one from U+E000-U+FFFF.</summary>
internal static class KeyOrder
{
    /// <summary>UTF-16 code unit order: Azure Blob, GCS.</summary>
    public static IComparer<string> Utf16 { get; } = StringComparer.Ordinal;

    /// <summary>UTF-8 byte order (code point order): S3 and S3-compatible stores.</summary>
    public static IComparer<string> Utf8 { get; } = new CodePointComparer();

    /// <summary>The order the provider's listings come in.</summary>
    public static IComparer<string> For(CloudProvider provider) => provider is CloudProvider.S3 or CloudProvider.OTC ? Utf8 : Utf16;

    /// <summary>A key after every key in <paramref name="folder"/> but those that go on with the order's highest
    /// character (U+FFFF in UTF-16 order, U+10FFFF in UTF-8 order), which no real key does; a listing that starts
    /// after it must still drop such keys as the folder's.</summary>
    public static string Ceiling(string folder, IComparer<string> order) =>
        folder + (order.Compare("\uFFFF", "\U0010FFFF") > 0 ? "\uFFFF" : "\U0010FFFF");

    /// <summary>True when UTF-8 and UTF-16 order place the key alike against any other such key: it holds no
    /// character outside the Basic Multilingual Plane and none from U+E000-U+FFFF.</summary>
    public static bool SortsAlike(string key)
    {
        foreach (char c in key)
            if (c >= '\uD800')
                return false;
        return true;
    }

    private sealed class CodePointComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            int length = Math.Min(x.Length, y.Length);
            for (int i = 0; i < length; i++)
            {
                char a = x[i], b = y[i];
                if (a != b)
                    return Rank(a) - Rank(b);
            }
            return x.Length - y.Length;
        }

        /// <summary>Surrogates (which encode code points above U+FFFF) move above U+E000-U+FFFF; nothing else moves,
        /// so comparing ranks compares code points, which is how UTF-8 bytes compare.</summary>
        private static int Rank(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;
    }
}
