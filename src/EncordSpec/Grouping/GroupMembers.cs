using System;
using EncordSpec.Format;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>What a kind of group may hold: images (image groups) or DICOM files (DICOM series). A file of another kind
/// is skipped with a warning, as ConvertTo-EncordSpec skips the files no section takes (<see cref="SkippedFiles"/>).</summary>
internal sealed class GroupMembers
{
    public static readonly GroupMembers Images = new("image", "image group", CheckImage);
    public static readonly GroupMembers DicomFiles = new("DICOM file", "DICOM series", CheckDicom);

    private readonly Func<ObjectUrlInput, DataType?> nonMemberType;

    private GroupMembers(string noun, string groupNoun, Func<ObjectUrlInput, DataType?> nonMemberType)
    {
        Noun = noun;
        GroupNoun = groupNoun;
        this.nonMemberType = nonMemberType;
    }

    /// <summary>"image" or "DICOM file", for messages.</summary>
    public string Noun { get; }

    /// <summary>"image group" or "DICOM series", for messages.</summary>
    public string GroupNoun { get; }

    /// <summary>The warning that skips the input, or null when it can be a member.</summary>
    public string? Check(ObjectUrlInput input) =>
        nonMemberType(input) is { } type ? SkippedFiles.NotMember(input.ObjectUrl, type, Noun, GroupNoun) : null;

    private static DataType? CheckImage(ObjectUrlInput input)
    {
        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        return type == DataType.Image ? null : type;
    }

    private static DataType? CheckDicom(ObjectUrlInput input)
    {
        // DICOM files often have no extension; only a known non-DICOM extension rules a file out.
        var type = FileTypeClassifier.Classify(input.ObjectUrl, extensionlessIsDicom: true);
        return type == DataType.Dicom || input.DeclaredDataType == DataType.Dicom ? null : type;
    }
}
