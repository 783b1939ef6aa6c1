namespace EncordSpec.Format;

/// <summary>A problem with one item, found before it is written.</summary>
/// <param name="RuleId">The rule broken (<see cref="RuleIds"/>), the error's ErrorId.</param>
/// <param name="Message">What is wrong and what to do, for the user.</param>
internal sealed record ItemProblem(string RuleId, string Message);
