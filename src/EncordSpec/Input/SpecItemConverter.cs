using System;
using EncordSpec.Format;
using EncordSpec.Metadata;

namespace EncordSpec.Input;

/// <summary>Turns what comes down ConvertTo-EncordSpec's pipeline into spec items: Encord items as they are, object
/// URLs and objects with an ObjectUrl property into an image, video or audio item by their type (Title and
/// ClientMetadata properties included), and rows of an Encord CSV (Import-Csv) that carry an image group title into
/// their groups. Blank lines and '#' comments of URL lists are passed over. Lone DICOM files, inputs without a URL and
/// URLs with whitespace are problems; files of an unsupported type are skipped, and counted.</summary>
internal sealed class SpecItemConverter
{
    private readonly Func<object, string?>? urlOf;
    private readonly PropertySelector? urlProperty;
    private readonly CsvGroupRows groupRows = new();

    public SpecItemConverter() { }

    /// <param name="urlProperty">-UrlProperty: where objects keep their URL; null for ObjectUrl or Url.</param>
    /// <param name="urlOf">Reads the URL as <paramref name="urlProperty"/> says (see <see cref="ObjectUrlInput.Selector"/>).</param>
    public SpecItemConverter(PropertySelector? urlProperty, Func<object, string?>? urlOf)
    {
        this.urlProperty = urlProperty;
        this.urlOf = urlOf;
    }

    /// <summary>Inputs skipped because their file type is not one the platform takes (or, in a group row, not an image).</summary>
    public long SkippedUnsupported => skipped + groupRows.Skipped;

    private long skipped;

    /// <summary>Converts one input. <paramref name="finishedGroup"/> is an image group of CSV rows that this input
    /// ended: write it before the outcome's item.</summary>
    public ItemOutcome Convert(object? inputObject, out EncordImageGroup? finishedGroup)
    {
        finishedGroup = null;
        if (InputProperties.Unwrap(inputObject) is EncordDataItem typed)
        {
            finishedGroup = groupRows.Finish();
            return ItemOutcome.Accepted(typed);
        }
        if (IgnoredInput.IsBlankOrComment(inputObject))
            return ItemOutcome.None;

        ObjectUrlInput? input;
        try
        {
            input = ObjectUrlInput.From(inputObject, urlOf);
        }
        catch (System.Management.Automation.RuntimeException e)
        {
            return ItemOutcome.Rejected(new InputProblem("UrlPropertyFailed", $"-UrlProperty failed for {ObjectUrlInput.Describe(inputObject, urlProperty)}: {e.Message}", inputObject));
        }
        if (input is null)
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(inputObject, urlProperty)}; pass Encord items, object URLs, or objects with an ObjectUrl property" +
                (urlProperty is null ? " (or name the URL's property with -UrlProperty)." : "."),
                inputObject));
        // Whitespace first: 'photo.jpg ' is a URL with a trailing space, not a file of an unknown type.
        if (SpecItemRules.CheckUrl(input.ObjectUrl, "object URL") is { } invalid)
            return ItemOutcome.Rejected(InputProblem.Of(invalid, input.ObjectUrl));

        if (CsvGroupRows.IsGroupRow(input, out string title, out string createVideo))
        {
            return groupRows.Add(input, title, createVideo, out finishedGroup);
        }
        finishedGroup = groupRows.Finish();

        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        if (type == DataType.Dicom)
            return ItemOutcome.Rejected(new InputProblem("LoneDicomFile",
                $"'{input.ObjectUrl}' is a DICOM file; DICOM files go into a series. Pipe them through New-EncordDicomSeries first.",
                input.ObjectUrl));
        if (type == DataType.Unsupported)
        {
            skipped++;
            return ItemOutcome.Warn(SkippedFiles.Unsupported(input.ObjectUrl));
        }

        try
        {
            return ItemOutcome.Accepted(SingleItemFactory.Create(input, type)!);
        }
        catch (ClientMetadataException e)
        {
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ClientMetadataNotObject, $"'{input.ObjectUrl}': {e.Message}", input.ObjectUrl));
        }
    }

    /// <summary>The image group of CSV rows still being read when the input ends; null when there is none.</summary>
    public EncordImageGroup? Finish() => groupRows.Finish();
}
