namespace EncordSpec;

/// <summary>What one spec holds and whether it passes, from Test-EncordSpec -Summary: one per file, so a check of
/// many files says which failed, and a look before upload shows what the platform will get.</summary>
public sealed class SpecSummary
{
    /// <summary>Full path of the spec file, or null for -Spec text.</summary>
    public string? Path { get; internal set; }
    public SpecFormat Format { get; internal set; }
    /// <summary>No error (with -WarningsAsErrors, no warning either): the platform takes it as far as the rules tell.</summary>
    public bool Passed { get; internal set; }
    public int Errors { get; internal set; }
    public int Warnings { get; internal set; }
    /// <summary>Items of each section that could be read (an item with an error is not counted).</summary>
    public long Images { get; internal set; }
    public long Videos { get; internal set; }
    public long Audio { get; internal set; }
    public long ImageGroups { get; internal set; }
    public long DicomSeries { get; internal set; }
    /// <summary>Object URLs in all: one per single item, one per file of a group.</summary>
    public long ObjectUrls { get; internal set; }
    /// <summary>The fewest and most object URLs in one image group or DICOM series; 0 without groups.</summary>
    public int SmallestGroup { get; internal set; }
    public int LargestGroup { get; internal set; }
    /// <summary>The file's size in bytes (of the UTF-8 text for -Spec).</summary>
    public long Size { get; internal set; }
    public bool SkipDuplicateUrls { get; internal set; }
    public bool UpsertMetadata { get; internal set; }

    public override string ToString() =>
        $"{(Path is null ? "-Spec" : System.IO.Path.GetFileName(Path))}: {(Passed ? "passed" : "failed")}, {Images} images, {Videos} videos, " +
        $"{ImageGroups} image groups, {DicomSeries} DICOM series, {Audio} audio, {ObjectUrls} object URLs, {Errors} errors, {Warnings} warnings";
}
