<#
.SYNOPSIS
    The reflection model of a compiled cmdlet: what Get-Command and the implementing class say about it and its
    parameters (sets, positions, pipeline input, aliases, wildcards, accepted values, defaults). No doc comments.
.DESCRIPTION
    [CmdletModel]::new((Get-Command Some-Cmdlet)) reads one cmdlet. Parameters that users do not see (the common
    ones, dynamic ones, those hidden with DontShow) are left out, as PowerShell's own syntax leaves them out.
#>
Set-StrictMode -Version 3.0

class CmdletParameter {
    # One parameter of a cmdlet, across the parameter sets it belongs to.
    [string] $Name
    [Type] $Type
    [bool] $IsSwitch
    [string[]] $Aliases
    [bool] $Globbing
    # ValidateSet values, or the names of an enum (also behind arrays and Nullable): {A | B} in the syntax.
    [string[]] $AcceptedValues
    # What the parameter is when the user leaves it out, as Get-Help shows it ('None' when nothing useful).
    [string] $DefaultValue
    # Required only when it is mandatory in every set it belongs to; each set's syntax shows it as that set has it.
    [bool] $Required
    [bool] $MandatoryInSomeSet
    # '0', '1', ... or 'named', from the first set that has the parameter.
    [string] $Position
    [bool] $ByValue
    [bool] $ByPropertyName
    # 'True (ByValue, ByPropertyName)', 'False', ...
    [string] $PipelineInput
    # The properties or fields of that name on the cmdlet class and its base classes, nearest first: where its
    # doc comment can be. None for the parameters PowerShell itself adds (-WhatIf, -First, ...).
    [System.Reflection.MemberInfo[]] $Declarations
}

class SyntaxParameter {
    # A parameter as one parameter set has it.
    [CmdletParameter] $Parameter
    [bool] $Required
    [string] $Position
    [string] $PipelineInput
}

class ParameterSetSyntax {
    [string] $Name
    # Positional parameters by position, then mandatory ones, then the rest as declared: PowerShell's order.
    [SyntaxParameter[]] $Parameters
}

class CmdletModel {
    [string] $Name
    [string] $Verb
    [string] $Noun
    [Type] $ImplementingType
    # The MAML file PowerShell looks for (<Assembly>.dll-Help.xml).
    [string] $HelpFile
    # One per parameter set, the default set first.
    [ParameterSetSyntax[]] $Syntax
    # Every parameter once, as the help lists them: positional ones, then those some set requires, then the rest.
    [CmdletParameter[]] $Parameters
    [System.Management.Automation.PSTypeName[]] $OutputTypes

    CmdletModel([System.Management.Automation.CmdletInfo] $Command) {
        $this.Name = $Command.Name
        $this.Verb = $Command.Verb
        $this.Noun = $Command.Noun
        $this.ImplementingType = $Command.ImplementingType
        $this.HelpFile = $Command.HelpFile
        $this.OutputTypes = @($Command.OutputType)

        $common = [System.Collections.Generic.HashSet[string]]::new([string[]][System.Management.Automation.Cmdlet]::CommonParameters, [StringComparer]::OrdinalIgnoreCase)
        $sets = @($Command.ParameterSets.Where({ $_.IsDefault })) + $Command.ParameterSets.Where({ -not $_.IsDefault })

        # Each parameter's CommandParameterInfo in every set it is in, first met in the order of the syntax.
        $visible = @(foreach ($set in $sets) { , [CmdletModel]::VisibleParameters($set, $common) })
        $inSets = [ordered]@{}
        foreach ($setParameters in $visible) {
            foreach ($info in $setParameters) {
                if (-not $inSets.Contains($info.Name)) { $inSets[$info.Name] = [System.Collections.Generic.List[object]]::new() }
                $inSets[$info.Name].Add($info)
            }
        }
        $defaults = [CmdletModel]::ReadDefaults($this.ImplementingType, [string[]]@($inSets.Keys))
        $byName = [ordered]@{}
        foreach ($name in $inSets.Keys) {
            $byName[$name] = [CmdletModel]::NewParameter($Command, $inSets[$name].ToArray(), $defaults)
        }

        $this.Syntax = @(for ($i = 0; $i -lt $sets.Count; $i++) {
                [ParameterSetSyntax]@{
                    Name       = $sets[$i].Name
                    Parameters = @(foreach ($info in $visible[$i]) {
                            [SyntaxParameter]@{
                                Parameter     = $byName[$info.Name]
                                Required      = $info.IsMandatory
                                Position      = [CmdletModel]::PositionText($info)
                                PipelineInput = [CmdletModel]::PipelineInputText($info.ValueFromPipeline, $info.ValueFromPipelineByPropertyName)
                            }
                        })
                }
            })

        $all = @($byName.Values)
        $this.Parameters = @($all.Where({ $_.Position -ne 'named' }) | Sort-Object { [int]$_.Position }) +
            $all.Where({ $_.Position -eq 'named' -and $_.MandatoryInSomeSet }) +
            $all.Where({ $_.Position -eq 'named' -and -not $_.MandatoryInSomeSet })
    }

    hidden static [CmdletParameter] NewParameter(
        [System.Management.Automation.CmdletInfo] $Command,
        # The parameter's CommandParameterInfo in each set it belongs to.
        [object[]] $InSets,
        [hashtable] $Defaults) {
        $first = $InSets[0]
        $metadata = $Command.Parameters[$first.Name]
        $parameter = [CmdletParameter]@{
            Name               = $first.Name
            Type               = $metadata.ParameterType
            IsSwitch           = $metadata.SwitchParameter
            Aliases            = @($metadata.Aliases)
            Globbing           = [bool]$metadata.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }, 'First')
            AcceptedValues     = [CmdletModel]::AcceptedValuesOf($metadata)
            Required           = -not $InSets.Where({ -not $_.IsMandatory }, 'First')
            MandatoryInSomeSet = [bool]$InSets.Where({ $_.IsMandatory }, 'First')
            Position           = [CmdletModel]::PositionText($first)
            ByValue            = [bool]$InSets.Where({ $_.ValueFromPipeline }, 'First')
            ByPropertyName     = [bool]$InSets.Where({ $_.ValueFromPipelineByPropertyName }, 'First')
            Declarations       = [CmdletModel]::FindDeclarations($Command.ImplementingType, $first.Name)
        }
        $parameter.PipelineInput = [CmdletModel]::PipelineInputText($parameter.ByValue, $parameter.ByPropertyName)
        # A parameter that must be given has no default to show, whatever its property starts as (an enum's first value).
        $parameter.DefaultValue = if ($parameter.Required) { 'None' } elseif ($Defaults.ContainsKey($parameter.Name)) { $Defaults[$parameter.Name] } elseif ($parameter.IsSwitch) { 'False' } else { 'None' }
        return $parameter
    }

    hidden static [object[]] VisibleParameters(
        [System.Management.Automation.CommandParameterSetInfo] $Set,
        [System.Collections.Generic.HashSet[string]] $Common) {
        # A set's parameters without the common, dynamic and hidden (DontShow) ones, in the syntax's order.
        $own = $Set.Parameters.Where({
                -not $Common.Contains($_.Name) -and -not $_.IsDynamic -and
                -not $_.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }, 'First')
            })
        return @(@($own.Where({ $_.Position -ge 0 }) | Sort-Object Position) + $own.Where({ $_.Position -lt 0 -and $_.IsMandatory }) +
            $own.Where({ $_.Position -lt 0 -and -not $_.IsMandatory }))
    }

    static [System.Reflection.MemberInfo[]] FindDeclarations([Type] $Type, [string] $Name) {
        # The class that declares a parameter's property holds its doc comment; an override may leave it to its base.
        $flags = [System.Reflection.BindingFlags]'Public, NonPublic, Instance, DeclaredOnly'
        $found = [System.Collections.Generic.List[System.Reflection.MemberInfo]]::new()
        for ($current = $Type; $current; $current = $current.BaseType) {
            $found.AddRange($current.GetMember($Name, [System.Reflection.MemberTypes]'Property, Field', $flags))
        }
        return $found.ToArray()
    }

    static [string[]] AcceptedValuesOf([System.Management.Automation.ParameterMetadata] $Metadata) {
        foreach ($attribute in $Metadata.Attributes) {
            if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { return [string[]]$attribute.ValidValues }
        }
        $type = $Metadata.ParameterType
        if ($type.IsArray) { $type = $type.GetElementType() }
        $type = [Nullable]::GetUnderlyingType($type) ?? $type
        if ($type.IsEnum) { return [string[]][Enum]::GetNames($type) }
        return [string[]]@()
    }

    static [hashtable] ReadDefaults([Type] $Type, [string[]] $Names) {
        # The values a fresh instance of the cmdlet holds: what a parameter is when the user leaves it out.
        $defaults = @{}
        try { $instance = [Activator]::CreateInstance($Type) }
        catch { return $defaults } # no public parameterless constructor: PowerShell could not make it either
        try {
            foreach ($name in $Names) {
                $member = $Type.GetMember($name, [System.Reflection.MemberTypes]'Property, Field', [System.Reflection.BindingFlags]'Public, Instance')
                if ($member.Count -ne 1) { continue } # added by PowerShell (-WhatIf), or hidden by a 'new' member
                try { $defaults[$name] = [CmdletModel]::FormatDefault($instance.$name) }
                catch { $null = $_ } # a getter that fails outside a pipeline tells nothing about a default
            }
        }
        finally { if ($instance -is [IDisposable]) { $instance.Dispose() } }
        return $defaults
    }

    static [string] FormatDefault([object] $Value) {
        if ($null -eq $Value) { return 'None' }
        if ($Value -is [System.Management.Automation.SwitchParameter]) { return "$($Value.IsPresent)" }
        if ($Value -is [string]) { return $(if ($Value) { $Value } else { 'None' }) }
        if ($Value -is [Array]) {
            if ($Value.Count -eq 0) { return 'None' }
            return (@(foreach ($item in $Value) { [CmdletModel]::FormatDefault($item) }) -join ', ')
        }
        if ($Value -is [bool] -or $Value -is [enum] -or $Value.GetType().IsPrimitive -or $Value -is [decimal] -or $Value -is [timespan]) {
            return [string]::Format([cultureinfo]::InvariantCulture, '{0}', $Value)
        }
        return 'None' # an object default (a client, a credential) means nothing to a reader
    }

    hidden static [string] PositionText([System.Management.Automation.CommandParameterInfo] $Info) {
        if ($Info.Position -ge 0) { return "$($Info.Position)" }
        return 'named'
    }

    hidden static [string] PipelineInputText([bool] $ByValue, [bool] $ByPropertyName) {
        $ways = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
        if ($ways) { return "True ($($ways -join ', '))" }
        return 'False'
    }
}
