using System;
using System.Collections.Generic;

namespace EncordSpec.Format;

/// <summary>The CSV form has no group boundaries: rows with the same "Image group title" are one group. So a second
/// image group with a title already written would merge into the first (or, with another Create video, make the
/// file invalid); the writer refuses it instead. JSON has no such limit (there it is the DuplicateTitle warning).</summary>
internal sealed class CsvGroupTitles
{
    private readonly HashSet<string> titles = new(StringComparer.Ordinal);

    /// <summary>The problem of an image group whose title an earlier group took, or null (and the title is taken).</summary>
    public ItemProblem? Check(EncordDataItem item) =>
        item is EncordImageGroup { Title: { } title } && !titles.Add(title)
            ? new ItemProblem(RuleIds.DuplicateTitle,
                $"An image group titled '{title}' was written already. The CSV form joins all rows of one title into one group, " +
                "so this one would merge into it. Give it another title, or write JSON (-Json), which keeps the groups apart.")
            : null;
}
