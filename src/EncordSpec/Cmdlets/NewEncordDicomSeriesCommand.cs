using System.Collections.Specialized;
using System.Management.Automation;
using EncordSpec.Input;
using EncordSpec.Format;

namespace EncordSpec.Cmdlets;

/// <summary>Groups DICOM files from the pipeline into Encord DICOM series, one per title, folder or key.</summary>
[Cmdlet(VerbsCommon.New, "EncordDicomSeries", DefaultParameterSetName = TitleSet)]
[OutputType(typeof(EncordDicomSeries))]
public sealed partial class NewEncordDicomSeriesCommand : NewEncordGroupCommandBase
{
    private protected override string MemberNoun => "DICOM file";

    private protected override ItemProblem? CheckMemberType(ObjectUrlInput input)
    {
        // DICOM files often have no extension; only a known non-DICOM extension rules a file out.
        var type = FileTypeClassifier.Classify(input.ObjectUrl, extensionlessIsDicom: true);
        if (type == DataType.Dicom || input.DeclaredDataType == DataType.Dicom)
            return null;
        return new ItemProblem("NotDicom",
            $"'{input.ObjectUrl}' is not a DICOM file ({type}, by its extension), so it is left out of the series.");
    }

    private protected override EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata) =>
        new EncordDicomSeries { Title = title, ObjectUrls = objectUrls, ClientMetadata = clientMetadata };
}
