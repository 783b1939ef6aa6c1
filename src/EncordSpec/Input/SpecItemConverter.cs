using EncordSpec.Format;
using EncordSpec.Metadata;
using EncordSpec.Urls;

namespace EncordSpec.Input;

/// <summary>Turns what comes down ConvertTo-EncordSpec's pipeline into spec items: Encord items as they are, object
/// URLs and objects with an ObjectUrl property into an image, video or audio item by their type (Title and
/// ClientMetadata properties included). Lone DICOM files and inputs without a URL are problems; files of an
/// unsupported type are skipped, and counted.</summary>
internal sealed class SpecItemConverter
{
    /// <summary>Inputs skipped because their file type is not one the platform takes.</summary>
    public long SkippedUnsupported { get; private set; }

    public ItemOutcome Convert(object? inputObject)
    {
        if (InputProperties.Unwrap(inputObject) is EncordDataItem typed)
            return ItemOutcome.Accepted(typed);

        var input = ObjectUrlInput.From(inputObject);
        if (input is null)
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(inputObject)}; pass Encord items, object URLs, or objects with an ObjectUrl property.",
                inputObject));

        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        if (type == DataType.Dicom)
            return ItemOutcome.Rejected(new InputProblem("LoneDicomFile",
                $"'{SignedUrlDetector.QueryHidden(input.ObjectUrl)}' is a DICOM file; DICOM files go into a series. Pipe them through New-EncordDicomSeries first.",
                input.ObjectUrl));
        if (type == DataType.Unsupported)
        {
            SkippedUnsupported++;
            return ItemOutcome.Skip($"Skipped '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}': its file type is not an image, video or audio format the platform supports.");
        }

        try
        {
            return ItemOutcome.Accepted(SingleItemFactory.Create(input, type)!);
        }
        catch (ClientMetadataException e)
        {
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ClientMetadataNotObject, $"'{SignedUrlDetector.QueryHidden(input.ObjectUrl)}': {e.Message}", input.ObjectUrl));
        }
    }
}
