using System.Management.Automation;
using EncordSpec.Format;

namespace EncordSpec.Input;

/// <summary>Why one pipeline input is left out: the stable ErrorId, a message that names the input, the target the
/// error record points at, and its category. The cmdlet writes it as a non-terminating error and goes on.</summary>
internal sealed record InputProblem(string ErrorId, string Message, object? Target, ErrorCategory Category = ErrorCategory.InvalidData)
{
    public static InputProblem Of(ItemProblem problem, object? target) => new(problem.RuleId, problem.Message, target);
}
