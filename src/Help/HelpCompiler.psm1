<#
.SYNOPSIS
    Compiles the help of a cmdlet from its model and its doc comments, and finds what keeps the help from being
    complete: a synopsis, a description for every parameter, at least two examples, each saying what it does, with
    code that the example linter accepts, and no summary, remarks or returns written twice.
#>
using module ./CmdletModel.psm1
using module ./CommandHelp.psm1
using module ./DocCommentReader.psm1
using module ./ExampleLinter.psm1
Set-StrictMode -Version 3.0

class HelpCompiler {
    # Parameters that PowerShell itself adds to a cmdlet (SupportsShouldProcess, SupportsPaging): no doc comment can
    # describe them, so they get PowerShell's usual wording.
    static [hashtable] $BuiltInParameterHelp = @{
        WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
        Confirm           = 'Prompts you for confirmation before running the cmdlet.'
        First             = 'Gets only the specified number of objects. Enter the number of objects to get.'
        Skip              = 'Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.'
        IncludeTotalCount = 'Reports the total number of objects in the data set (an integer) followed by the selected objects. If the cmdlet cannot determine the total count, it reports "Unknown total count".'
        UseTransaction    = 'Includes the command in the active transaction.'
    }
    static [int] $MinimumExamples = 2

    hidden [DocCommentReader] $Docs
    hidden [ExampleLinter] $Linter
    # Linked from every cmdlet's help after its own see-also links (the module's about topics).
    [string[]] $RelatedTopics = @()

    HelpCompiler([DocCommentReader] $Docs, [ExampleLinter] $Linter) {
        $this.Docs = $Docs
        $this.Linter = $Linter
    }

    [CommandHelp] Compile([CmdletModel] $Cmdlet) {
        $type = $Cmdlet.ImplementingType
        $doc = $this.Docs.ReadType($type)
        $problems = [System.Collections.Generic.List[string]]::new()
        $help = [CommandHelp]@{ Cmdlet = $Cmdlet }

        foreach ($name in $doc.Repeated) {
            $problems.Add("more than one <$name>: keep one among the declarations of partial class $($type.FullName)")
        }
        $help.Synopsis = $doc.Summary -join ' '
        if (-not $help.Synopsis) { $problems.Add("no synopsis: add /// <summary> to class $($type.FullName)") }
        $help.Description = if ($doc.Remarks) { $doc.Remarks } else { @(if ($help.Synopsis) { $help.Synopsis }) }

        $help.Parameters = @(foreach ($parameter in $Cmdlet.Parameters) {
                $parameterHelp = $this.CompileParameter($parameter)
                if (-not $parameterHelp.Description) {
                    $where = if ($parameter.Declarations) { "property $($parameter.Declarations[0].DeclaringType.FullName).$($parameter.Name)" }
                    else { "the parameter (not declared on $($type.FullName) or its base classes)" }
                    $problems.Add("parameter -$($parameter.Name) has no description: add /// <summary> to $where")
                }
                $parameterHelp
            })
        $help.Inputs = [HelpCompiler]::DescribeInputs($help.Parameters)
        $help.Outputs = $this.DescribeOutputs($Cmdlet, $doc.Returns)

        $help.Examples = $doc.Examples
        $number = 0
        foreach ($example in $doc.Examples) {
            $number++
            if (-not $example.Code) { $problems.Add("example $number has no <code>") }
            else { foreach ($problem in $this.Linter.Check($example.Code, $Cmdlet.Name)) { $problems.Add("example $number $problem") } }
            if (-not $example.Remarks) { $problems.Add("example $number does not say what it does: add a <para> after its <code>") }
        }
        if ($doc.Examples.Count -lt [HelpCompiler]::MinimumExamples) {
            $problems.Add("$($doc.Examples.Count) example(s), at least $([HelpCompiler]::MinimumExamples) needed: add /// <example><code>...</code><para>...</para></example> to class $($type.FullName)")
        }

        $help.Links = @($doc.SeeAlso) + @(foreach ($topic in $this.RelatedTopics) { [LinkHelp]@{ Text = $topic; Uri = '' } })
        $help.Problems = $problems.ToArray()
        return $help
    }

    hidden [ParameterHelp] CompileParameter([CmdletParameter] $Parameter) {
        $paragraphs = $this.Docs.ReadSummary($Parameter.Declarations)
        if (-not $paragraphs -and -not $Parameter.Declarations -and [HelpCompiler]::BuiltInParameterHelp.ContainsKey($Parameter.Name)) {
            $paragraphs = @([HelpCompiler]::BuiltInParameterHelp[$Parameter.Name])
        }
        $description = @(if ($paragraphs) {
                $paragraphs
                if ($Parameter.AcceptedValues) { "Accepted values: $($Parameter.AcceptedValues -join ', ')" }
            })
        return [ParameterHelp]@{ Parameter = $Parameter; Description = $description }
    }

    hidden static [TypeHelp[]] DescribeInputs([ParameterHelp[]] $Parameters) {
        # One entry per type the pipeline binds by value, naming its parameters; one for binding by property name.
        $inputs = [System.Collections.Generic.List[TypeHelp]]::new()
        $byValue = [ordered]@{}
        foreach ($help in $Parameters.Where({ $_.Parameter.ByValue })) {
            $typeName = $help.Parameter.Type.FullName
            if (-not $byValue.Contains($typeName)) { $byValue[$typeName] = [System.Collections.Generic.List[string]]::new() }
            $byValue[$typeName].Add("-$($help.Parameter.Name): $(@($help.Description)[0])")
        }
        foreach ($typeName in $byValue.Keys) { $inputs.Add([TypeHelp]@{ TypeName = $typeName; Description = $byValue[$typeName] }) }
        $byName = @($Parameters.Where({ $_.Parameter.ByPropertyName }).ForEach({ (@($_.Parameter.Name) + $_.Parameter.Aliases) -join ' or ' }))
        if ($byName) {
            $inputs.Add([TypeHelp]@{
                    TypeName    = 'System.Management.Automation.PSObject'
                    Description = @("Objects with properties named $($byName -join ', ') bind them to the parameters of those names.")
                })
        }
        return $inputs.ToArray()
    }

    hidden [TypeHelp[]] DescribeOutputs([CmdletModel] $Cmdlet, [string[]] $Returns) {
        # The class's <returns> describes what it outputs, else each output type's own <summary>.
        $outputTypes = @($Cmdlet.OutputTypes)
        if (-not $outputTypes -and $Returns) { $outputTypes = @([System.Management.Automation.PSTypeName]::new([object])) }
        return @(foreach ($output in $outputTypes) {
                $description = $Returns
                if (-not $description -and $output.Type) { $description = $this.Docs.ReadType($output.Type).Summary }
                [TypeHelp]@{ TypeName = $(if ($output.Type) { $output.Type.FullName } else { $output.Name }); Description = $description }
            })
    }
}
