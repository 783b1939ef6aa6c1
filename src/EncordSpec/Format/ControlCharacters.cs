using System;
using System.Collections;
using System.Collections.Specialized;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace EncordSpec.Format;

/// <summary>The <see cref="RuleIds.ControlCharacter"/> rule: PostgreSQL's jsonb (where the platform keeps metadata)
/// refuses U+0000 in any string, and no storage service has a control character in an object key. Reader, validator
/// and writer all ask here, so the rule and its messages have one home.</summary>
internal static class ControlCharacters
{
    /// <summary>U+0000-U+001F and U+007F.</summary>
    public static bool IsControl(char c) => c < ' ' || c == '\u007F';

    /// <summary>Index of the first control character, or -1. Every object URL is scanned, so whole vectors without
    /// one are skipped, as <see cref="SpecItemRules.IndexOfWhitespace(ReadOnlySpan{char})"/> does.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static int IndexOfControl(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            var space = new Vector<ushort>(' ');
            var delete = new Vector<ushort>(0x7F);
            for (int width = Vector<ushort>.Count; i + width <= chars.Length; i += width)
            {
                var block = MemoryMarshal.Read<Vector<ushort>>(MemoryMarshal.AsBytes(chars.Slice(i, width)));
                if (Vector.LessThanAny(block, space) || Vector.EqualsAny(block, delete))
                    break;
            }
        }
        for (; i < text.Length; i++)
            if (IsControl(text[i]))
                return i;
        return -1;
    }

    /// <summary>The problem of an object URL holding a control character at <paramref name="index"/>.</summary>
    /// <param name="shown">The URL, or its beginning, for the message.</param>
    /// <param name="control">The control character.</param>
    /// <param name="index">Where it is in the whole URL.</param>
    /// <param name="key">Names the URL.</param>
    public static ItemProblem InUrl(string shown, char control, int index, string key) =>
        new(RuleIds.ControlCharacter,
            $"The {key} '{ObjectUrlChecker.Shown(Escaped(Urls.SignedUrlDetector.QueryHidden(shown)))}' contains the control character U+{(int)control:X4} at position {index + 1}; " +
            "no object key has one and the platform cannot fetch it. Remove it (a broken export or a copy from a terminal often leaves one).");

    /// <summary>The message for a NUL in a JSON string; <paramref name="what"/> names it ("the key 'a'", "this value").</summary>
    public static string NulMessage(string what) =>
        $@"{what} contains \u0000 (NUL), which PostgreSQL's jsonb, where the platform stores it, refuses: the whole upload would fail. Remove it.";

    /// <summary>The problem of a text value that holds U+0000, or null; <paramref name="what"/> names it in the message.</summary>
    public static ItemProblem? CheckNul(string? text, string what) =>
        text is not null && text.IndexOf('\0') >= 0 ? new ItemProblem(RuleIds.ControlCharacter, NulMessage(what)) : null;

    /// <summary>The path (under <paramref name="path"/>) of the first key or string holding U+0000 in a metadata tree
    /// (<see cref="Metadata.JsonValueNormalizer"/>'s form), or null when there is none.</summary>
    public static string? FindNul(object? value, string path)
    {
        switch (value)
        {
            case string text:
                return text.IndexOf('\0') >= 0 ? path : null;
            case OrderedDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    string key = (string)entry.Key;
                    string keyPath = path + "." + Escaped(key);
                    if (key.IndexOf('\0') >= 0)
                        return keyPath;
                    if (FindNul(entry.Value, keyPath) is { } found)
                        return found;
                }
                return null;
            case object?[] array:
                for (int i = 0; i < array.Length; i++)
                    if (FindNul(array[i], path + "[" + i + "]") is { } found)
                        return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>The text with each control character written as a \u escape, so a message shows where it is
    /// (and prints no bell or NUL to the user's terminal).</summary>
    public static string Escaped(string text)
    {
        if (IndexOfControl(text.AsSpan()) < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (IsControl(c)) escaped.Append("\\u").Append(((int)c).ToString("x4"));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
