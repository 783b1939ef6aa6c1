using System;
using System.Collections.Generic;
using System.Numerics;

namespace EncordSpec.Listing;

/// <summary>Keys under one prefix read as numbers, so that a parallel listing can pick a key between two others, or
/// as far past a key as the listing has come since it started. The digits are the characters seen in keys so far,
/// sorted (a bucket's keys use few: 'img-000123.jpg' has 12), plus 0 for "the key ends here", which sorts below
/// every character: so the numbers sort as the keys do, and the keys actually seen are spread out over them rather
/// than lost among the 65,536 characters a key could hold. Points are only ever guesses of where keys lie: the
/// listing checks each one against the store's order before it uses it, and any point splits a range correctly.</summary>
internal sealed class KeySpace
{
    /// <summary>Digits kept past the longer key, so a point can fall between two adjacent keys.</summary>
    private const int ExtraDigits = 3;

    private readonly string prefix;
    private readonly IComparer<string> order;
    private readonly SortedSet<char> seen = new();
    private char[] alphabet = Array.Empty<char>();

    public KeySpace(string prefix, IComparer<string> order)
    {
        this.prefix = prefix;
        this.order = order;
    }

    /// <summary>Adds the key's characters to the digits. Surrogates are left out, so a point never holds half a
    /// character; keys with them still map to nearby numbers.</summary>
    public void Learn(string key)
    {
        bool added = false;
        for (int i = prefix.Length; i < key.Length; i++)
            if (!char.IsSurrogate(key[i]))
                added |= seen.Add(key[i]);
        if (added)
            alphabet = new List<char>(seen).ToArray();
    }

    /// <summary>How far apart two keys are (<paramref name="high"/> null: the end of the prefix), comparable with
    /// other distances taken at the same <paramref name="length"/>.</summary>
    public BigInteger Distance(string low, string? high, int length) => Value(high, length) - Value(low, length);

    /// <summary>A length at which the given keys all have their digits.</summary>
    public int LengthFor(string? a, string? b) => Math.Max(a?.Length ?? 0, b?.Length ?? 0) - prefix.Length + ExtraDigits;

    /// <summary>A key strictly between <paramref name="low"/> and <paramref name="high"/> (null: the end of the
    /// prefix), <paramref name="share"/> of the way from low to high; null when the two are too close or the digits
    /// are not yet known.</summary>
    public string? Between(string low, string? high, double share)
    {
        if (alphabet.Length == 0)
            return null;
        int length = LengthFor(low, high);
        var from = Value(low, length);
        var gap = Value(high, length) - from;
        return Checked(Key(from + Scale(gap, share), length), low, high);
    }

    /// <summary>A key as far past <paramref name="position"/> as it lies past <paramref name="origin"/> (so that
    /// repeated steps double the reach: how a listing finds the end of a prefix it knows nothing about); null past
    /// the end of the prefix.</summary>
    public string? Beyond(string origin, string position, string? high)
    {
        if (alphabet.Length == 0)
            return null;
        int length = LengthFor(origin, position);
        var at = Value(position, length);
        var point = at + (at - Value(origin, length));
        // A store of another order may list a position our order puts before the origin: no reach to go by.
        if (point <= at || point >= Value(high, length))
            return null;
        return Checked(Key(point, length), position, high);
    }

    private string? Checked(string candidate, string low, string? high) =>
        order.Compare(candidate, low) > 0 && (high is null || order.Compare(candidate, high) < 0) ? candidate : null;

    private static BigInteger Scale(BigInteger value, double share)
    {
        const long Parts = 1 << 20;
        return value * (long)(share * Parts) / Parts;
    }

    /// <summary>The key's digits after the prefix, <paramref name="length"/> of them; null: the largest number.</summary>
    private BigInteger Value(string? key, int length)
    {
        int radix = alphabet.Length + 1;
        var value = BigInteger.Zero;
        for (int i = 0; i < length; i++)
        {
            int at = prefix.Length + i;
            int digit = key is null ? radix - 1 : at < key.Length ? Digit(key[at]) : 0;
            value = value * radix + digit;
        }
        return value;
    }

    /// <summary>1 + the place of the largest known character at or below <paramref name="c"/> (0 when none is).</summary>
    private int Digit(char c)
    {
        int index = Array.BinarySearch(alphabet, c);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The key whose digits are <paramref name="value"/>'s; a 0 digit ends it (rounding down).</summary>
    private string Key(BigInteger value, int length)
    {
        int radix = alphabet.Length + 1;
        var digits = new int[length];
        for (int i = length - 1; i >= 0; i--)
        {
            digits[i] = (int)(value % radix);
            value /= radix;
        }
        var key = new System.Text.StringBuilder(prefix, prefix.Length + length);
        foreach (int digit in digits)
        {
            if (digit == 0)
                break;
            key.Append(alphabet[digit - 1]);
        }
        return key.ToString();
    }
}
