namespace EncordSpec.Validation;

/// <summary>A place in a spec's text: 1-based line and column (the column counts UTF-16 characters, as editors
/// do). <see cref="None"/> (0, 0) when a finding is about the whole file.</summary>
internal readonly record struct TextPosition(long Line, long Column)
{
    public static TextPosition None => default;
    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"line {Line}, column {Column}" : "";
}
