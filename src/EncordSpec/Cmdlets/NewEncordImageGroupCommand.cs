using System.Collections.Specialized;
using System.Management.Automation;
using EncordSpec.Grouping;

namespace EncordSpec.Cmdlets;

/// <summary>Groups images from the pipeline into Encord image groups, one per title, folder or key.</summary>
[Cmdlet(VerbsCommon.New, "EncordImageGroup", DefaultParameterSetName = TitleSet)]
[OutputType(typeof(EncordImageGroup))]
public sealed partial class NewEncordImageGroupCommand : NewEncordGroupCommandBase
{
    /// <summary>The groups' createVideo value. $true (the default, as on the format page) has the platform build a
    /// video from the images, which needs write access to the bucket; $false keeps the original images, which may
    /// differ in size, and needs only read access. It is always written to the spec, because the platform's SDK
    /// and its format page disagree on the default.</summary>
    [Parameter]
    public bool CreateVideo { get; set; } = true;

    private protected override GroupMembers Members => CreateVideo ? GroupMembers.SequenceFrames : GroupMembers.Images;

    private protected override EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata) =>
        new EncordImageGroup { Title = title, ObjectUrls = objectUrls, CreateVideo = CreateVideo, ClientMetadata = clientMetadata };
}
