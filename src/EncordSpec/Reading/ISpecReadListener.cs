namespace EncordSpec.Reading;

/// <summary>Receives what a spec reader finds, as it finds it: items in file order and findings in between.</summary>
internal interface ISpecReadListener
{
    /// <summary>One item, built as the spec describes it. Only when <see cref="SpecReadOptions.ReadItems"/> is set;
    /// items that break rules still come, unless they could not be read at all (see about_EncordSpec_Rules).</summary>
    void OnItem(EncordDataItem item);

    void OnFinding(SpecFinding finding);
}
