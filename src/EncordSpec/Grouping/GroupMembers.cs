using System;
using EncordSpec.Format;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>What a kind of group may hold: images (image groups), images but TIFF (image sequences, createVideo: true:
/// the platform documents TIFF only for images and image groups) or DICOM files (DICOM series).</summary>
internal sealed class GroupMembers
{
    public static readonly GroupMembers Images = new("image", CheckImage);
    public static readonly GroupMembers SequenceFrames = new("image", input => CheckImage(input) ?? CheckSequenceFrame(input));
    public static readonly GroupMembers DicomFiles = new("DICOM file", CheckDicom);

    private readonly Func<ObjectUrlInput, ItemProblem?> check;

    private GroupMembers(string noun, Func<ObjectUrlInput, ItemProblem?> check)
    {
        Noun = noun;
        this.check = check;
    }

    /// <summary>"image" or "DICOM file", for messages.</summary>
    public string Noun { get; }

    /// <summary>Why the input cannot be a member, or null when it can.</summary>
    public ItemProblem? Check(ObjectUrlInput input) => check(input);

    private static ItemProblem? CheckImage(ObjectUrlInput input)
    {
        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        return type == DataType.Image
            ? null
            : new ItemProblem("NotAnImage",
                $"'{input.ObjectUrl}' is not an image ({type}, by its extension), so it is left out of the group.");
    }

    private static ItemProblem? CheckSequenceFrame(ObjectUrlInput input) =>
        FileTypeClassifier.FitsImageSequence(input.ObjectUrl)
            ? null
            : new ItemProblem("NotInImageSequence",
                $"'{input.ObjectUrl}' is a TIFF image, which an image sequence (-CreateVideo $true) cannot take, so it is left out. " +
                "Convert it, or make an image group with -CreateVideo $false.");

    private static ItemProblem? CheckDicom(ObjectUrlInput input)
    {
        // DICOM files often have no extension; only a known non-DICOM extension rules a file out.
        var type = FileTypeClassifier.Classify(input.ObjectUrl, extensionlessIsDicom: true);
        if (type == DataType.Dicom || input.DeclaredDataType == DataType.Dicom)
            return null;
        return new ItemProblem("NotDicom",
            $"'{input.ObjectUrl}' is not a DICOM file ({type}, by its extension), so it is left out of the series.");
    }
}
