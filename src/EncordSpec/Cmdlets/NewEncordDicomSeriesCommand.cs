using System.Collections.Specialized;
using System.Management.Automation;
using EncordSpec.Grouping;

namespace EncordSpec.Cmdlets;

/// <summary>Groups DICOM files from the pipeline into Encord DICOM series, one per title, folder or key.</summary>
[Cmdlet(VerbsCommon.New, "EncordDicomSeries", DefaultParameterSetName = TitleSet)]
[OutputType(typeof(EncordDicomSeries))]
public sealed partial class NewEncordDicomSeriesCommand : NewEncordGroupCommandBase
{
    private protected override GroupMembers Members => GroupMembers.DicomFiles;

    private protected override EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata) =>
        new EncordDicomSeries { Title = title, ObjectUrls = objectUrls, ClientMetadata = clientMetadata };
}
