using System;
using EncordSpec.Format;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>What a kind of group may hold: images (image groups), images but TIFF (image sequences, createVideo: true:
/// the platform documents TIFF only for images and image groups) or DICOM files (DICOM series). A file of another kind
/// is skipped with a warning, as ConvertTo-EncordSpec skips the files no section takes (<see cref="SkippedFiles"/>);
/// a TIFF frame of a sequence is an error (NotInImageSequence), since the fix is the user's (-CreateVideo $false).</summary>
internal sealed class GroupMembers
{
    public static readonly GroupMembers Images = new("image", "image group", CheckImage);
    public static readonly GroupMembers SequenceFrames = new("image", "image group", CheckImage, CheckSequenceFrame);
    public static readonly GroupMembers DicomFiles = new("DICOM file", "DICOM series", CheckDicom);

    private readonly Func<ObjectUrlInput, DataType?> nonMemberType;
    private readonly Func<ObjectUrlInput, ItemProblem?>? problemOf;

    private GroupMembers(string noun, string groupNoun, Func<ObjectUrlInput, DataType?> nonMemberType, Func<ObjectUrlInput, ItemProblem?>? problemOf = null)
    {
        Noun = noun;
        GroupNoun = groupNoun;
        this.nonMemberType = nonMemberType;
        this.problemOf = problemOf;
    }

    /// <summary>"image" or "DICOM file", for messages.</summary>
    public string Noun { get; }

    /// <summary>"image group" or "DICOM series", for messages.</summary>
    public string GroupNoun { get; }

    /// <summary>The warning that skips the input, or null when it can be a member.</summary>
    public string? Check(ObjectUrlInput input) =>
        nonMemberType(input) is { } type ? SkippedFiles.NotMember(input.ObjectUrl, type, Noun, GroupNoun) : null;

    /// <summary>The error that leaves a member of the right kind out (a TIFF frame of a sequence), or null.</summary>
    public ItemProblem? Problem(ObjectUrlInput input) => problemOf?.Invoke(input);

    private static DataType? CheckImage(ObjectUrlInput input)
    {
        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        return type == DataType.Image ? null : type;
    }

    private static ItemProblem? CheckSequenceFrame(ObjectUrlInput input) =>
        FileTypeClassifier.FitsImageSequence(input.ObjectUrl)
            ? null
            : new ItemProblem("NotInImageSequence",
                $"'{input.ObjectUrl}' is a TIFF image, which an image sequence (-CreateVideo $true) cannot take, so it is left out. " +
                "Convert it, or make an image group with -CreateVideo $false.");

    private static DataType? CheckDicom(ObjectUrlInput input)
    {
        // DICOM files often have no extension; only a known non-DICOM extension rules a file out.
        var type = FileTypeClassifier.Classify(input.ObjectUrl, extensionlessIsDicom: true);
        return type == DataType.Dicom || input.DeclaredDataType == DataType.Dicom ? null : type;
    }
}
