using System.Collections.Generic;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Where a CSV spec's columns are: field indexes, -1 for a column the header does not name.</summary>
internal sealed record CsvColumns(int Url, int Title, int CreateVideo, int Count);

/// <summary>A problem with a CSV spec's header line, and where in the line it is.</summary>
internal sealed record CsvHeaderProblem(string RuleId, TextPosition Position, string Message);

/// <summary>Reads a CSV spec's header line: finds the three columns the format names (exactly, in any order) and
/// says what is wrong with the rest. A pure function of the header names, so each case is tested on its own.</summary>
internal static class CsvHeader
{
    /// <param name="headers">The header line's fields (at least one).</param>
    /// <param name="problems">Repeated columns in column order, then missing ones, then unknown ones.</param>
    public static CsvColumns Read(IReadOnlyList<string> headers, out IReadOnlyList<CsvHeaderProblem> problems)
    {
        var found = new List<CsvHeaderProblem>();
        int url = -1, title = -1, createVideo = -1;
        var unknown = new List<int>();
        for (int i = 0; i < headers.Count; i++)
        {
            string header = headers[i];
            ref int column = ref url;
            if (header == SpecKeys.CsvObjectUrl) column = ref url;
            else if (header == SpecKeys.CsvImageGroupTitle) column = ref title;
            else if (header == SpecKeys.CsvCreateVideo) column = ref createVideo;
            else
            {
                unknown.Add(i);
                continue;
            }
            if (column >= 0)
                found.Add(new CsvHeaderProblem(RuleIds.CsvHeaderDuplicate, PositionOf(headers, i),
                    $"The header '{header}' appears twice (columns {column + 1} and {i + 1}). Remove one of the columns."));
            else
                column = i;
        }

        if (url < 0 && title < 0 && createVideo < 0 && headers.Count == 1 && OtherSeparatorIn(headers[0]) is { } separator)
        {
            // One finding for the cause, not one per column it hides.
            found.Add(new CsvHeaderProblem(RuleIds.CsvHeaderMissing, new TextPosition(1, 1),
                $"The header line '{headers[0]}' is separated by '{separator}', but the platform expects commas, so it finds none of the columns " +
                $"{string.Join(", ", SpecKeys.CsvHeaders)}. Save the file with comma separators (ConvertFrom-EncordSpec -Delimiter '{(separator == "tab" ? "`t" : separator)}' reads it as it is)."));
            problems = found;
            return new CsvColumns(url, title, createVideo, headers.Count);
        }

        var explained = new HashSet<int>();
        AddMissing(SpecKeys.CsvObjectUrl, url, headers, unknown, explained, found);
        AddMissing(SpecKeys.CsvImageGroupTitle, title, headers, unknown, explained, found);
        AddMissing(SpecKeys.CsvCreateVideo, createVideo, headers, unknown, explained, found);
        foreach (int i in unknown)
            if (!explained.Contains(i))
                found.Add(new CsvHeaderProblem(RuleIds.CsvUnknownColumn, PositionOf(headers, i),
                    $"The column '{headers[i]}' is not one the platform reads; it is ignored. The columns are {string.Join(", ", SpecKeys.CsvHeaders)}."));
        problems = found;
        return new CsvColumns(url, title, createVideo, headers.Count);
    }

    /// <summary>A missing column, explained by the unknown column that was probably meant (once per unknown column)
    /// or by a separator other than the comma.</summary>
    private static void AddMissing(string name, int column, IReadOnlyList<string> headers, List<int> unknown, HashSet<int> explained,
        List<CsvHeaderProblem> problems)
    {
        if (column >= 0) return;
        string detail = $"The header line must name the columns exactly {string.Join(",", SpecKeys.CsvHeaders)}; every column must be there, even when it is blank in every row.";
        foreach (int i in unknown)
        {
            if (explained.Contains(i) || KeySuggestion.Nearest(headers[i], new[] { name }) is null) continue;
            explained.Add(i);
            detail = $"Column {i + 1} is headed '{headers[i]}'; the name must be exactly '{name}'.";
            break;
        }
        problems.Add(new CsvHeaderProblem(RuleIds.CsvHeaderMissing, new TextPosition(1, 1), $"The CSV has no '{name}' column. {detail}"));
    }

    /// <summary>";" or "tab" when a one-field header line is really separated by one of them (Excel's semicolons).</summary>
    private static string? OtherSeparatorIn(string header) =>
        header.IndexOf(';') >= 0 ? ";" : header.IndexOf('\t') >= 0 ? "tab" : null;

    /// <summary>Where header <paramref name="index"/> starts on the first line (headers are unquoted names).</summary>
    private static TextPosition PositionOf(IReadOnlyList<string> headers, int index)
    {
        int column = 1;
        for (int i = 0; i < index; i++) column += headers[i].Length + 1;
        return new TextPosition(1, column);
    }
}
