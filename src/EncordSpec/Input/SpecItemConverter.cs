using System;
using System.Collections.Generic;
using EncordSpec.Format;
using EncordSpec.Metadata;
using EncordSpec.Urls;

namespace EncordSpec.Input;

/// <summary>Turns what comes down ConvertTo-EncordSpec's pipeline into spec items: Encord items as they are, object
/// URLs and objects with an ObjectUrl property into an image, video, audio, text, PDF or NIfTI item by their type
/// (Title and ClientMetadata properties included). The type follows the platform's documented file types
/// (<see cref="FileTypeClassifier"/>) unless the user states it (a DataType property, Get-CloudObject -DataType, or
/// a single -DataType here for files whose extension does not tell). Lone DICOM files and inputs without a URL are
/// problems; files of an undocumented type are skipped with a warning each; text files nobody asked for (labels and
/// sidecars beside media, mostly) are skipped and counted, for one warning at the end. Rows of an Encord CSV
/// (Import-Csv) that carry an image group title form their groups; blank lines and '#' comments of URL lists are
/// passed over; a URL with whitespace is a problem, named as such.</summary>
internal sealed class SpecItemConverter
{
    private readonly HashSet<DataType>? dataTypes;
    private readonly DataType? onlyDataType;
    private readonly Func<object, string?>? urlOf;
    private readonly PropertySelector? urlProperty;
    private readonly CsvGroupRows groupRows = new();

    /// <param name="dataTypes">ConvertTo-EncordSpec -DataType: the types to write (null: all but text). One type also
    /// states the type of files whose extension is undocumented (and makes .mp4 audio under Audio).</param>
    /// <param name="urlProperty">-UrlProperty: where objects keep their URL; null for ObjectUrl or Url.</param>
    /// <param name="urlOf">Reads the URL as <paramref name="urlProperty"/> says (see <see cref="ObjectUrlInput.Selector"/>).</param>
    public SpecItemConverter(IReadOnlyCollection<DataType>? dataTypes = null, PropertySelector? urlProperty = null, Func<object, string?>? urlOf = null)
    {
        this.urlProperty = urlProperty;
        this.urlOf = urlOf;
        if (dataTypes is null || dataTypes.Count == 0)
            return;
        this.dataTypes = new HashSet<DataType>(dataTypes);
        if (this.dataTypes.Count == 1)
            foreach (var only in this.dataTypes)
                onlyDataType = only;
    }

    /// <summary>Inputs skipped because their file type is not one the platform documents (or, in a group row, not an image).</summary>
    public long SkippedUnsupported => skippedUnsupported + groupRows.Skipped;

    private long skippedUnsupported;

    /// <summary>Text files skipped because nobody asked for text.</summary>
    public long SkippedText { get; private set; }

    /// <summary>Inputs of a documented type that -DataType does not name.</summary>
    public long SkippedOtherTypes { get; private set; }

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

        if (!ObjectUrlInput.TryFrom(inputObject, urlOf, urlProperty, out var input, out var failed))
            return ItemOutcome.Rejected(failed!);
        if (input is null)
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(inputObject, urlProperty)}; pass Encord items, object URLs, or objects with an ObjectUrl property" +
                (urlProperty is null ? " (or name the URL's property with -UrlProperty)." : "."),
                inputObject));
        // Whitespace first: 'photo.jpg ' is a URL with a trailing space, not a file of an unknown type.
        if (SpecItemRules.CheckUrl(input.ObjectUrl, "object URL") is { } invalid)
            return ItemOutcome.Rejected(InputProblem.Of(invalid, input.ObjectUrl));

        if (CsvGroupRows.IsGroupRow(input, out string title, out string createVideo))
            return groupRows.Add(input, title, createVideo, out finishedGroup);
        finishedGroup = groupRows.Finish();

        var byName = input.Source is CloudObject listed ? listed.DataType : FileTypeClassifier.Classify(input.ObjectUrl);
        var (type, stated) = Decide(input, byName);
        if (dataTypes is not null && !dataTypes.Contains(type))
        {
            SkippedOtherTypes++;
            return ItemOutcome.Skip(null);
        }
        if (type == DataType.Dicom)
            return ItemOutcome.Rejected(new InputProblem("LoneDicomFile",
                $"'{SignedUrlDetector.QueryHidden(input.ObjectUrl)}' is a DICOM file; DICOM files go into a series. Pipe them through New-EncordDicomSeries first.",
                input.ObjectUrl));
        if (type == DataType.Unsupported)
        {
            skippedUnsupported++;
            return ItemOutcome.Skip($"{RuleIds.UnsupportedFileType}: skipped '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}': {DescribeUndocumented(input.ObjectUrl)} " +
                "If it is one of the platform's types, say which with a DataType property or -DataType.");
        }
        if (type == DataType.Text && !stated && dataTypes is null)
        {
            SkippedText++;
            return ItemOutcome.Skip(null);
        }

        string? warning = stated && byName != type && !IsAudioContainer(input.ObjectUrl, type)
            ? $"{RuleIds.UnsupportedFileType}: '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}' is written as {type} as you stated, though the platform does not document " +
              $"{DescribeExtension(input.ObjectUrl)} for {type}."
            : null;
        try
        {
            return ItemOutcome.Accepted(SingleItemFactory.Create(input, type)!, warning);
        }
        catch (ClientMetadataException e)
        {
            return ItemOutcome.Rejected(new InputProblem(RuleIds.ClientMetadataNotObject, $"'{SignedUrlDetector.QueryHidden(input.ObjectUrl)}': {e.Message}", input.ObjectUrl));
        }
    }

    /// <summary>The image group of CSV rows still being read when the input ends; null when there is none.</summary>
    public EncordImageGroup? Finish() => groupRows.Finish();

    /// <summary>The type to write and whether the user stated it: the input's own DataType (or a listing filtered by
    /// -DataType) first; then a single -DataType for a file whose extension does not decide (undocumented, or .mp4
    /// as audio); else the type by name.</summary>
    private (DataType Type, bool Stated) Decide(ObjectUrlInput input, DataType byName)
    {
        if (input.StatesDataType && input.DeclaredDataType is { } declared && declared != DataType.Unsupported)
            return (declared, true);
        if (onlyDataType is { } only && (byName == DataType.Unsupported || IsAudioContainer(input.ObjectUrl, only)))
            return (only, true);
        return (byName, false);
    }

    /// <summary>.mp4 is a documented audio container, so calling one audio needs no warning.</summary>
    private static bool IsAudioContainer(string url, DataType type) =>
        type == DataType.Audio && ObjectUrlPath.GetExtension(url).Equals("mp4", System.StringComparison.OrdinalIgnoreCase);

    private static string DescribeUndocumented(string url) =>
        ObjectUrlPath.GetExtension(url).Length == 0
            ? "it has no file extension, so its type is unknown."
            : $"the platform does not document {DescribeExtension(url)} files.";

    private static string DescribeExtension(string url) =>
        ObjectUrlPath.GetExtension(url) is { Length: > 0 } extension ? $"'.{extension}'" : "files without an extension";
}
