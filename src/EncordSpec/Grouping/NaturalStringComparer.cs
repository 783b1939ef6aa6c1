using System;
using System.Collections.Generic;

namespace EncordSpec.Grouping;

/// <summary>Orders strings so that runs of digits compare as numbers: "frame2" before "frame10",
/// "1+(32).jpg" before "1+(100).jpg". Everything else compares ordinally, and equal-looking strings
/// ("01" and "1") fall back to ordinal order, so the order is total and deterministic.</summary>
internal sealed class NaturalStringComparer : IComparer<string>
{
    public static readonly NaturalStringComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;

        // Paths in one group share most of their text ("bucket/folder/frame-"): skip what is equal in one tight loop,
        // backing up to the start of a digit run so that a number is still compared whole.
        int common = 0, shorter = Math.Min(x.Length, y.Length);
        while (common < shorter && x[common] == y[common]) common++;
        while (common > 0 && IsDigit(x[common - 1])) common--;

        int i = common, j = common;
        while (i < x.Length && j < y.Length)
        {
            if (IsDigit(x[i]) && IsDigit(y[j]))
            {
                int result = CompareNumberRuns(x, ref i, y, ref j);
                if (result != 0) return result;
            }
            else
            {
                if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                i++;
                j++;
            }
        }
        if (i < x.Length) return 1;
        if (j < y.Length) return -1;
        return string.CompareOrdinal(x, y);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Compares the digit runs starting at i and j by value (any length, no overflow) and advances both.</summary>
    private static int CompareNumberRuns(string x, ref int i, string y, ref int j)
    {
        int xStart = i, yStart = j;
        while (i < x.Length && IsDigit(x[i])) i++;
        while (j < y.Length && IsDigit(y[j])) j++;

        int xSignificant = xStart, ySignificant = yStart;
        while (xSignificant < i - 1 && x[xSignificant] == '0') xSignificant++;
        while (ySignificant < j - 1 && y[ySignificant] == '0') ySignificant++;

        int xLength = i - xSignificant, yLength = j - ySignificant;
        if (xLength != yLength) return xLength.CompareTo(yLength);
        return string.CompareOrdinal(x, xSignificant, y, ySignificant, xLength);
    }
}
