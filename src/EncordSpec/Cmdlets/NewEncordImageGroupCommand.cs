using System.Collections.Specialized;
using System.Management.Automation;

namespace EncordSpec.Cmdlets;

[Cmdlet(VerbsCommon.New, "EncordImageGroup", DefaultParameterSetName = TitleSet)]
[OutputType(typeof(EncordImageGroup))]
public sealed class NewEncordImageGroupCommand : NewEncordGroupCommandBase
{
    [Parameter]
    public bool CreateVideo { get; set; } = true;

    protected override string MemberNoun => "image";

    protected override ItemProblem? CheckMemberType(ObjectUrlInput input)
    {
        var type = input.DeclaredDataType ?? FileTypeClassifier.Classify(input.ObjectUrl);
        return type == DataType.Image
            ? null
            : new ItemProblem("NotAnImage",
                $"'{input.ObjectUrl}' is not an image ({type}, by its extension), so it is left out of the group.");
    }

    protected override EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata) =>
        new EncordImageGroup { Title = title, ObjectUrls = objectUrls, CreateVideo = CreateVideo, ClientMetadata = clientMetadata };
}
