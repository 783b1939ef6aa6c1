namespace EncordSpec.Input;

/// <summary>Lines of a URL list that are not inputs at all: blank lines and '#' comments (Get-Content urls.txt passes
/// them along like any other line). They are passed over without a word.</summary>
internal static class IgnoredInput
{
    public static bool IsBlankOrComment(object? input)
    {
        if (InputProperties.Unwrap(input) is not string text)
            return false;
        foreach (char c in text)
            if (!char.IsWhiteSpace(c))
                return c == '#';
        return true;
    }
}
