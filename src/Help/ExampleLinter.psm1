<#
.SYNOPSIS
    Checks the code of a help example: it parses, calls the cmdlet it documents, and names only parameters that
    the module's cmdlets have (so renaming a parameter breaks the build, not the help).
#>
Set-StrictMode -Version 3.0

class ExampleLinter {
    # Cmdlet name -> the names and aliases of its parameters, common ones included. Cmdlets of other modules are
    # not checked: their parameters are not ours to know.
    hidden [System.Collections.Generic.Dictionary[string, string[]]] $ParameterNames =
        [System.Collections.Generic.Dictionary[string, string[]]]::new([StringComparer]::OrdinalIgnoreCase)

    ExampleLinter() { }

    ExampleLinter([System.Management.Automation.CmdletInfo[]] $Cmdlets) {
        foreach ($cmdlet in $Cmdlets) {
            $this.AddCommand($cmdlet.Name, @($cmdlet.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases }))
        }
    }

    [void] AddCommand([string] $Name, [string[]] $ParameterNames) {
        $this.ParameterNames[$Name] = $ParameterNames
    }

    [string[]] Check([string] $Code, [string] $CommandName) {
        # The problems, each a phrase that follows "example N": none when the code is fine.
        $tokens = $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        if ($errors) {
            $hint = if ($Code -match '^PS\b[^\r\n]*>') { ' (write the code alone: no PS> prompt, no output)' } else { '' }
            return [string[]]@($errors.ForEach({ "does not parse: line $($_.Extent.StartLineNumber), column $($_.Extent.StartColumnNumber): $($_.Message)$hint" }))
        }
        $calls = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true))
        $problems = [System.Collections.Generic.List[string]]::new()
        if (-not $calls.Where({ $_.GetCommandName() -eq $CommandName }, 'First')) {
            $problems.Add("does not call $CommandName")
        }
        foreach ($call in $calls) {
            $name = $call.GetCommandName()
            if (-not $name -or -not $this.ParameterNames.ContainsKey($name)) { continue }
            $known = $this.ParameterNames[$name]
            foreach ($parameterAst in $call.CommandElements.Where({ $_ -is [System.Management.Automation.Language.CommandParameterAst] })) {
                $used = $parameterAst.ParameterName
                if ($known -contains $used) { continue }
                # PowerShell takes any unambiguous prefix of a parameter name.
                $candidates = @($known.Where({ $_.StartsWith($used, [StringComparison]::OrdinalIgnoreCase) }))
                if ($candidates.Count -ne 1) {
                    $problems.Add("uses -$used, which $name does not have" + $(if ($candidates.Count -gt 1) { " (ambiguous: $($candidates -join ', '))" }))
                }
            }
        }
        return $problems.ToArray()
    }
}
