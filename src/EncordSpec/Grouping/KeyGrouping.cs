using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>-GroupBy with a property name or a scriptblock, as Group-Object takes them: the property's value, or the
/// script's output joined into one text, is the key, and each distinct key makes a group titled by it.</summary>
internal sealed class KeyGrouping : GroupingStrategy
{
    private readonly string titlePrefix;
    private readonly Func<object, IReadOnlyList<object?>> keyOf;
    private readonly string? propertyName;

    /// <param name="titlePrefix">Goes before each key to make the title.</param>
    /// <param name="keyOf">Runs the user's scriptblock with the pipeline object as $_ and returns its output;
    /// throws RuntimeException when the script fails.</param>
    public KeyGrouping(string titlePrefix, Func<object, IReadOnlyList<object?>> keyOf)
    {
        this.titlePrefix = titlePrefix;
        this.keyOf = keyOf;
    }

    /// <summary>-GroupBy with a property name: each input's value of that property.</summary>
    public static KeyGrouping ByProperty(string titlePrefix, string propertyName) =>
        new(titlePrefix, input => new[] { InputProperties.Get(input, propertyName) }, propertyName);

    private KeyGrouping(string titlePrefix, Func<object, IReadOnlyList<object?>> keyOf, string propertyName)
        : this(titlePrefix, keyOf) => this.propertyName = propertyName;

    public override bool TryGetKey(ObjectUrlInput input, out string key, out InputProblem? problem)
    {
        IReadOnlyList<object?> output;
        try
        {
            output = keyOf(input.Source);
        }
        catch (RuntimeException e)
        {
            key = "";
            problem = new InputProblem("GroupByScriptFailed", $"-GroupBy failed for '{input.ObjectUrl}': {e.Message}",
                input.ObjectUrl, ErrorCategory.InvalidResult);
            return false;
        }

        var text = new StringBuilder();
        foreach (object? value in output)
            text.Append(InputProperties.Unwrap(value)?.ToString());
        key = text.ToString();
        if (key.Length == 0)
        {
            problem = new InputProblem("GroupByKeyEmpty", propertyName is null
                    ? $"-GroupBy returned no key for '{input.ObjectUrl}', so it belongs to no group."
                    : $"'{input.ObjectUrl}' has no value for -GroupBy's property '{propertyName}' (the input has no such property, or it is empty), so it belongs to no group.",
                input.ObjectUrl, ErrorCategory.InvalidResult);
            return false;
        }
        problem = null;
        return true;
    }

    public override string TitleFor(ObjectUrlInput input, string key, UniqueTitles titles) => titles.Reserve(titlePrefix + key);
}
