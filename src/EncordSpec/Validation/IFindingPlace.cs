namespace EncordSpec;

/// <summary>Names the place of a finding about the current item or row, or one of its keys ("images[3]",
/// "images[3].objectUrl", "row 4, ObjectUrl"); asked only when there is a finding, so checking costs no strings.</summary>
internal interface IFindingPlace
{
    /// <summary>The location of <paramref name="key"/>, or of the item or row itself when it is null.</summary>
    string LocationOf(string? key);
}
