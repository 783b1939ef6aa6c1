using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EncordSpec.Writing;

/// <summary>The names of the files a spec written to one path may take: the path itself ("spec.json") when one file
/// holds it, or numbered files beside it ("spec-0001.json", "spec-0002.json", ...) when it is split. Both together
/// are the set at that path: a later run at the same path replaces the whole set, so no file of an earlier, larger
/// run is left behind to be uploaded twice.</summary>
internal sealed class SpecFileNames
{
    private readonly string folder;
    private readonly string stem;
    private readonly string extension;
    private readonly bool alwaysNumbered;

    /// <param name="path">The full path the user gave.</param>
    /// <param name="alwaysNumbered">Numbered names even when one file holds everything: the user chose the limits,
    /// so the names follow from the options, not from the input's size, and a script finds spec-0001.json
    /// whether the input needed one file or fifty.</param>
    public SpecFileNames(string path, bool alwaysNumbered)
    {
        this.alwaysNumbered = alwaysNumbered;
        Plain = Path.GetFullPath(path);
        folder = Path.GetDirectoryName(Plain)!;
        stem = Path.GetFileNameWithoutExtension(Plain);
        extension = Path.GetExtension(Plain);
    }

    /// <summary>The path as given: the name of a spec that is not split.</summary>
    public string Plain { get; }

    /// <summary>The folder all files of the set are in.</summary>
    public string Folder => folder;

    /// <summary>The file of part <paramref name="number"/> (from 1) of a split spec: spec-0001.json, ... spec-9999.json,
    /// spec-10000.json.</summary>
    public string Numbered(int number) =>
        Path.Combine(folder, stem + "-" + number.ToString("D4", CultureInfo.InvariantCulture) + extension);

    /// <summary>The file of spec <paramref name="number"/>: the plain name when it is the only one (and the user set
    /// no limits), otherwise its numbered name.</summary>
    public string For(int number, bool last) =>
        number == 1 && last && !alwaysNumbered ? Plain : Numbered(number);

    /// <summary>The files of an earlier set that exist now: the plain file, and the numbered ones from 0001 up to
    /// the first number missing (a file named like spec-2024.json without a spec-0001.json is not one of them).</summary>
    public IEnumerable<string> Existing()
    {
        if (File.Exists(Plain))
            yield return Plain;
        for (int number = 1; File.Exists(Numbered(number)); number++)
            yield return Numbered(number);
    }

    /// <summary>Files of an earlier set at this path that the new one (<paramref name="written"/>) does not replace: an
    /// earlier run that wrote more files, or a plain spec.json beside a new numbered set. They would be uploaded with
    /// the new set.</summary>
    public IReadOnlyList<string> StaleBeside(IEnumerable<string> written) =>
        Existing().Except(written, StringComparer.Ordinal).ToList();
}
