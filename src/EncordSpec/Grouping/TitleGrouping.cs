using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>-Title: every input goes into the one group of that title.</summary>
internal sealed class TitleGrouping : GroupingStrategy
{
    private readonly string title;

    public TitleGrouping(string title) => this.title = title;

    public override bool TryGetKey(ObjectUrlInput input, out string key, out InputProblem? problem)
    {
        key = "";
        problem = null;
        return true;
    }

    public override string TitleFor(ObjectUrlInput input, string key, UniqueTitles titles) => titles.Reserve(title);
}
