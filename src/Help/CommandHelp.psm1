<#
.SYNOPSIS
    The help of one cmdlet as the MAML writer takes it: the cmdlet's model with its texts, all of them plain
    text, one string per paragraph. The help compiler makes it; the doc-comment reader makes its examples and links.
#>
using module ./CmdletModel.psm1
Set-StrictMode -Version 3.0

class ParameterHelp {
    [CmdletParameter] $Parameter
    [string[]] $Description
}

class TypeHelp {
    # An input or output type with what it means for this cmdlet.
    [string] $TypeName
    [string[]] $Description
}

class ExampleHelp {
    # The code alone (no prompt, no output); empty when the doc comment has none.
    [string] $Code
    [string[]] $Remarks
}

class LinkHelp {
    [string] $Text
    # Empty for a link to another cmdlet or an about topic, which Get-Help finds by name.
    [string] $Uri
}

class CommandHelp {
    [CmdletModel] $Cmdlet
    [string] $Synopsis
    [string[]] $Description
    # In the order of $Cmdlet.Parameters.
    [ParameterHelp[]] $Parameters
    [TypeHelp[]] $Inputs
    [TypeHelp[]] $Outputs
    [ExampleHelp[]] $Examples
    [LinkHelp[]] $Links
    # What keeps the help from being complete, for whoever writes the doc comments; empty when it is complete.
    [string[]] $Problems

    [ParameterHelp] FindParameter([string] $Name) {
        foreach ($help in $this.Parameters) {
            if ($help.Parameter.Name -eq $Name) { return $help }
        }
        return $null
    }
}
