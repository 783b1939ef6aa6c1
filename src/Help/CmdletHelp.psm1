<#
.SYNOPSIS
    Builds MAML help for compiled cmdlets from their Get-Command metadata and their XML doc comments.
.DESCRIPTION
    The help convention (see the project brief):
      class    <summary>  the synopsis (one sentence)
               <remarks>  the description, one <para> per paragraph
               <example>  <code>PowerShell</code><para>what it does</para>; at least two; the code alone
                          (no prompt, no output), calling the cmdlet with parameters the module's cmdlets have
               <returns>  (optional) what it outputs; else the output types' own <summary>
               <seealso cref="OtherCmdletClass"/> (optional) a related link
      property <summary>  the parameter's description (on the class that declares it, base classes included)
    Get-CmdletHelp gathers the help of one cmdlet and the problems that keep it from being complete;
    Write-MamlHelpFile writes the standard MAML that both pwsh 7 and Windows PowerShell 5.1 read.
#>
Set-StrictMode -Version 3.0

$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$HelpItemsNamespace = 'http://msh'

# Parameters that PowerShell itself adds to a cmdlet (SupportsShouldProcess, SupportsPaging): no doc comment can
# describe them, so they get PowerShell's usual wording.
$BuiltInParameterHelp = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the specified number of objects. Enter the number of objects to get.'
    Skip              = 'Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.'
    IncludeTotalCount = 'Reports the total number of objects in the data set (an integer) followed by the selected objects. If the cmdlet cannot determine the total count, it reports "Unknown total count".'
    UseTransaction    = 'Includes the command in the active transaction.'
}

$MinimumExamples = 2

#region XML doc comments

function Read-XmlDocFile {
    <#
    .SYNOPSIS
        Reads compiler-generated XML documentation files into one lookup: member id (T:Ns.Type, P:Ns.Type.Name) -> <member>.
    #>
    param([Parameter(Mandatory)] [string[]] $Path)
    $members = [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]]::new([StringComparer]::Ordinal)
    foreach ($file in $Path) {
        $document = [System.Xml.XmlDocument]::new()
        $document.PreserveWhitespace = $true # code blocks keep their lines and indentation
        $document.Load((Resolve-Path -LiteralPath $file).ProviderPath)
        foreach ($member in $document.SelectNodes('/doc/members/member')) {
            $members[$member.GetAttribute('name')] = $member
        }
    }
    $members
}

function Select-DocNode([System.Xml.XmlNode] $Element, [string] $XPath, [switch] $All) {
    # The child elements of a doc member (nothing when the member has no doc).
    if (-not $Element) { return }
    if ($All) { $Element.SelectNodes($XPath) } else { $Element.SelectSingleNode($XPath) }
}

function Get-DocMember($Context, [string] $Id) {
    if ($Context.Members.ContainsKey($Id)) { $Context.Members[$Id] }
}

function Get-DocTypeName([Type] $Type) {
    # Doc ids write nested types with '.', where reflection uses '+', and a generic base class by its definition
    # (Ns.Base`1), where reflection names the constructed type.
    if ($Type.IsGenericType -and -not $Type.IsGenericTypeDefinition) { $Type = $Type.GetGenericTypeDefinition() }
    $Type.FullName.Replace('+', '.')
}

function New-DocContext {
    <#
    .SYNOPSIS
        What rendering doc text needs: the doc lookup, and which types are cmdlets (a <see cref> to a cmdlet class
        reads as its name, one to a cmdlet property as -Parameter).
    #>
    param(
        [Parameter(Mandatory)] [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]] $Members,
        [System.Management.Automation.CmdletInfo[]] $Cmdlets = @()
    )
    $cmdletNames = @{}
    $parameterOwners = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
    foreach ($cmdlet in $Cmdlets) {
        $cmdletNames[(Get-DocTypeName $cmdlet.ImplementingType)] = $cmdlet.Name
        for ($type = $cmdlet.ImplementingType; $type -and $type -ne [System.Management.Automation.PSCmdlet] -and $type -ne [System.Management.Automation.Cmdlet]; $type = $type.BaseType) {
            $null = $parameterOwners.Add(((Get-DocTypeName $type) -replace '`\d+', '')) # as Resolve-DocReference names it
        }
    }
    [pscustomobject]@{ Members = $Members; CmdletNames = $cmdletNames; ParameterOwners = $parameterOwners }
}

function Resolve-DocReference {
    <#
    .SYNOPSIS
        Plain text for a cref: "T:Ns.NewFooCommand" -> New-Foo, "P:Ns.NewFooCommand.Path" -> -Path,
        other types -> their full name, other members -> Type.Member.
    #>
    param([Parameter(Mandatory)] [string] $Cref, [Parameter(Mandatory)] $Context)
    $kind, $name = if ($Cref -match '^([A-Z!]):(.*)$') { $Matches[1], $Matches[2] } else { '', $Cref }
    $name = ($name -replace '\(.*\)$', '') -replace '``?\d+', ''
    if ($kind -eq 'T' -or $kind -eq '') {
        if ($Context.CmdletNames.ContainsKey($name)) { return $Context.CmdletNames[$name] }
        if ($kind -eq 'T') { return $name }
    }
    $dot = $name.LastIndexOf('.')
    if ($dot -lt 0) { return $name }
    $owner = $name.Substring(0, $dot)
    $member = $name.Substring($dot + 1)
    if ($kind -eq 'P' -and $Context.ParameterOwners.Contains($owner)) { return "-$member" }
    if ($kind -eq 'M' -and $member -eq '#ctor') { return $owner.Substring($owner.LastIndexOf('.') + 1) }
    $ownerName = $owner.Substring($owner.LastIndexOf('.') + 1)
    "$ownerName.$member"
}

function Get-MemberIndent([System.Xml.XmlNode] $Node) {
    # How deep the doc file indents the content of the <member> that holds this node (-1 when unknown).
    for ($member = $Node; $member -and $member.LocalName -ne 'member'; $member = $member.ParentNode) { }
    if ($member -and $member.FirstChild -is [System.Xml.XmlWhitespace]) {
        $space = $member.FirstChild.Value
        return $space.Length - $space.LastIndexOf("`n") - 1
    }
    -1
}

function Format-CodeBlock {
    <#
    .SYNOPSIS
        The lines of a <code> element without the doc file's indentation: common leading whitespace removed,
        blank lines around it dropped. A first line that follows <code> directly is not indented in the file, so
        the other lines lose only the indentation of the doc file's <member> content (-MemberIndent), when known.
    #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text, [int] $MemberIndent = -1)
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Text -split '\r?\n') { $lines.Add($line.TrimEnd()) }
    $inlineFirst = $lines[0].Length -gt 0
    $indent = [int]::MaxValue
    for ($i = [int]$inlineFirst; $i -lt $lines.Count; $i++) {
        if ($lines[$i].Length) { $indent = [Math]::Min($indent, $lines[$i].Length - $lines[$i].TrimStart().Length) }
    }
    if ($inlineFirst -and $MemberIndent -ge 0) { $indent = [Math]::Min($indent, $MemberIndent) }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        $lines[$i] = if ($i -eq 0 -and $inlineFirst) { $line.TrimStart() } elseif ($line.Length -ge $indent) { $line.Substring($indent) } else { '' }
    }
    while ($lines.Count -and $lines[0].Length -eq 0) { $lines.RemoveAt(0) }
    while ($lines.Count -and $lines[$lines.Count - 1].Length -eq 0) { $lines.RemoveAt($lines.Count - 1) }
    $lines -join "`n"
}

function Complete-Paragraph($State) {
    $text = ($State.Text.ToString() -replace '\s+', ' ').Trim()
    if ($text) { $State.Blocks.Add($text) }
    $null = $State.Text.Clear()
}

function Add-DocNodeText {
    # Walks doc markup: <para>, <code>, <list> and <br/> end paragraphs; <see>, <c>, <paramref> and the like
    # become plain text inside them.
    param([System.Xml.XmlNode] $Node, $State)
    foreach ($child in $Node.ChildNodes) {
        if ($child -is [System.Xml.XmlCharacterData]) {
            if ($child -isnot [System.Xml.XmlComment]) { $null = $State.Text.Append($child.Value) }
            continue
        }
        if ($child -isnot [System.Xml.XmlElement]) { continue }
        switch ($child.LocalName) {
            'para' { Complete-Paragraph $State; Add-DocNodeText $child $State; Complete-Paragraph $State }
            'br' { Complete-Paragraph $State }
            'code' {
                Complete-Paragraph $State
                $code = Format-CodeBlock $child.InnerText (Get-MemberIndent $child)
                if ($code) { $State.Blocks.Add($code) } # Get-Help trims a paragraph's first line, so no extra indent
            }
            'list' {
                Complete-Paragraph $State
                $number = 0
                foreach ($item in $child.SelectNodes('item')) {
                    $number++
                    $marker = if ($child.GetAttribute('type') -eq 'number') { "$number. " } else { '- ' }
                    $term = $item.SelectSingleNode('term')
                    $description = $item.SelectSingleNode('description')
                    $null = $State.Text.Append($marker)
                    if ($term) { Add-DocNodeText $term $State; if ($description) { $null = $State.Text.Append(': ') } }
                    if ($description) { Add-DocNodeText $description $State }
                    if (-not $term -and -not $description) { Add-DocNodeText $item $State }
                    Complete-Paragraph $State
                }
            }
            { $_ -in 'see', 'seealso' } {
                $cref = $child.GetAttribute('cref')
                $href = $child.GetAttribute('href')
                $langword = $child.GetAttribute('langword')
                if ($child.InnerText.Trim()) {
                    Add-DocNodeText $child $State
                    if ($href) { $null = $State.Text.Append(" ($href)") }
                }
                elseif ($langword) {
                    $word = switch ($langword) { 'null' { '$null' } 'true' { '$true' } 'false' { '$false' } default { $langword } }
                    $null = $State.Text.Append($word)
                }
                elseif ($cref) { $null = $State.Text.Append((Resolve-DocReference $cref $State.Context)) }
                elseif ($href) { $null = $State.Text.Append($href) }
            }
            'paramref' { $null = $State.Text.Append($child.GetAttribute('name')) }
            'typeparamref' { $null = $State.Text.Append($child.GetAttribute('name')) }
            default { Add-DocNodeText $child $State } # <c>, <b>, <i>, unknown markup: their text
        }
    }
}

function ConvertFrom-DocElement {
    <#
    .SYNOPSIS
        The paragraphs of a doc element as plain text: whitespace collapsed, markup rendered, code blocks kept.
    #>
    param([System.Xml.XmlNode] $Element, [Parameter(Mandatory)] $Context)
    if (-not $Element) { return , [string[]]@() }
    $state = [pscustomobject]@{
        Blocks  = [System.Collections.Generic.List[string]]::new()
        Text    = [System.Text.StringBuilder]::new()
        Context = $Context
    }
    Add-DocNodeText $Element $state
    Complete-Paragraph $state
    , $state.Blocks.ToArray()
}

function Find-MemberDoc {
    <#
    .SYNOPSIS
        The <member> doc of a cmdlet's parameter property or field, looked up on the class that declares it and,
        failing that, on base classes (an override documented on its base). Returns Declared = $false for
        parameters that no class declares (those PowerShell adds, such as -WhatIf).
    #>
    param([Parameter(Mandatory)] [Type] $Type, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] $Context)
    $flags = [System.Reflection.BindingFlags]'Public, NonPublic, Instance, DeclaredOnly'
    $declaredOn = $null
    for ($current = $Type; $current; $current = $current.BaseType) {
        foreach ($member in $current.GetMember($Name, [System.Reflection.MemberTypes]'Property, Field', $flags)) {
            if (-not $declaredOn) { $declaredOn = $current }
            $prefix = if ($member.MemberType -eq 'Field') { 'F:' } else { 'P:' }
            $id = $prefix + (Get-DocTypeName $current) + '.' + $Name
            if ($Context.Members.ContainsKey($id) -and $Context.Members[$id].SelectSingleNode('summary')) {
                return [pscustomobject]@{ Declared = $true; DeclaringType = $declaredOn; Member = $Context.Members[$id] }
            }
        }
    }
    [pscustomobject]@{ Declared = [bool]$declaredOn; DeclaringType = $declaredOn; Member = $null }
}

#endregion

#region Cmdlet metadata

function Get-FriendlyTypeName([Type] $Type) {
    # The short names Get-Help shows: String, String[], Nullable[Int32], Dictionary[String,Object].
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $arguments = @(foreach ($argument in $Type.GetGenericArguments()) { Get-FriendlyTypeName $argument }) -join ','
        return ($Type.Name -replace '`\d+$', '') + "[$arguments]"
    }
    $Type.Name
}

function Get-AcceptedValues {
    # ValidateSet values, or the names of an enum (also behind arrays and Nullable), for {A | B} in the syntax.
    param([System.Management.Automation.ParameterMetadata] $Metadata)
    foreach ($attribute in $Metadata.Attributes) {
        if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { return , [string[]]$attribute.ValidValues }
    }
    $type = $Metadata.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    if ($type.IsEnum) { return , [string[]][Enum]::GetNames($type) }
    , [string[]]@()
}

function Format-DefaultValue($Value) {
    if ($null -eq $Value) { return 'None' }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return "$($Value.IsPresent)" }
    if ($Value -is [string]) { return $(if ($Value) { $Value } else { 'None' }) }
    if ($Value -is [Array]) {
        if ($Value.Count -eq 0) { return 'None' }
        return (@(foreach ($item in $Value) { Format-DefaultValue $item }) -join ', ')
    }
    if ($Value -is [bool] -or $Value -is [enum] -or $Value.GetType().IsPrimitive -or $Value -is [decimal] -or $Value -is [timespan]) {
        return [string]::Format([cultureinfo]::InvariantCulture, '{0}', $Value)
    }
    'None' # an object default (a client, a credential) means nothing to a reader
}

function Get-ParameterDefaults {
    # The values a fresh instance of the cmdlet holds: what a parameter is when the user leaves it out.
    param([Parameter(Mandatory)] [Type] $Type, [Parameter(Mandatory)] [string[]] $Name)
    $defaults = @{}
    try { $instance = [Activator]::CreateInstance($Type) }
    catch { return $defaults } # no public parameterless constructor: PowerShell could not make it either
    try {
        foreach ($parameterName in $Name) {
            $member = $Type.GetMember($parameterName, [System.Reflection.MemberTypes]'Property, Field', [System.Reflection.BindingFlags]'Public, Instance')
            if ($member.Count -ne 1) { continue } # added by PowerShell (-WhatIf), or hidden by a 'new' member
            try { $defaults[$parameterName] = Format-DefaultValue $instance.$parameterName }
            catch { } # a getter that fails outside a pipeline tells nothing about a default
        }
    }
    finally { if ($instance -is [IDisposable]) { $instance.Dispose() } }
    $defaults
}

function Get-PipelineInputText([bool] $ByValue, [bool] $ByPropertyName) {
    $ways = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Get-SyntaxParameters {
    # A parameter set's parameters without the common and hidden (DontShow) ones, in the order PowerShell's syntax uses:
    # positional parameters by position, then mandatory ones, then the rest as declared.
    param([System.Management.Automation.CommandParameterSetInfo] $Set, [System.Collections.Generic.HashSet[string]] $Common)
    $own = $Set.Parameters.Where({
            -not $Common.Contains($_.Name) -and -not $_.IsDynamic -and
            -not $_.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }, 'First')
        })
    @($own.Where({ $_.Position -ge 0 }) | Sort-Object Position) + $own.Where({ $_.Position -lt 0 -and $_.IsMandatory }) +
        $own.Where({ $_.Position -lt 0 -and -not $_.IsMandatory })
}

function Test-ExampleCode {
    <#
    .SYNOPSIS
        Problems with one example's code: syntax errors, not calling the cmdlet it documents, or naming a
        parameter that a cmdlet of the module does not have (so renamed parameters break the build, not the help).
    #>
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [string] $CommandName, [hashtable] $ModuleCommands = @{})
    $tokens = $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
    if ($errors) {
        $hint = if ($Code -match '^PS\b[^\r\n]*>') { ' (write the code alone: no PS> prompt, no output)' } else { '' }
        return @($errors.ForEach({ "does not parse: line $($_.Extent.StartLineNumber), column $($_.Extent.StartColumnNumber): $($_.Message)$hint" }))
    }
    $calls = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true))
    $problems = [System.Collections.Generic.List[string]]::new()
    if (-not $calls.Where({ $_.GetCommandName() -eq $CommandName }, 'First')) {
        $problems.Add("does not call $CommandName")
    }
    foreach ($call in $calls) {
        $name = $call.GetCommandName()
        if (-not $name -or -not $ModuleCommands.ContainsKey($name)) { continue }
        $known = $ModuleCommands[$name]
        foreach ($parameterAst in $call.CommandElements.Where({ $_ -is [System.Management.Automation.Language.CommandParameterAst] })) {
            $used = $parameterAst.ParameterName
            if ($known -contains $used) { continue }
            $candidates = @($known.Where({ $_.StartsWith($used, [StringComparison]::OrdinalIgnoreCase) }))
            if ($candidates.Count -ne 1) {
                $problems.Add("uses -$used, which $name does not have" + $(if ($candidates.Count -gt 1) { " (ambiguous: $($candidates -join ', '))" }))
            }
        }
    }
    $problems
}

function Get-PositionText([System.Management.Automation.CommandParameterInfo] $Info) {
    if ($Info.Position -ge 0) { "$($Info.Position)" } else { 'named' }
}

function Get-ParameterHelp {
    <#
    .SYNOPSIS
        One parameter's help: its description from the doc comment of the property that declares it, type,
        aliases, wildcards, accepted values, default, and how it binds across the parameter sets it is in.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command,
        # The parameter's CommandParameterInfo in each set it belongs to.
        [Parameter(Mandatory)] [object[]] $InSets,
        [Parameter(Mandatory)] [hashtable] $Defaults,
        [Parameter(Mandatory)] $Context
    )
    $name = $InSets[0].Name
    $metadata = $Command.Parameters[$name]
    $type = $Command.ImplementingType
    $doc = Find-MemberDoc $type $name $Context
    $paragraphs = ConvertFrom-DocElement (Select-DocNode $doc.Member 'summary') $Context
    if (-not $paragraphs -and -not $doc.Declared -and $BuiltInParameterHelp.ContainsKey($name)) {
        $paragraphs = @($BuiltInParameterHelp[$name])
    }
    $where = if ($doc.DeclaringType) { "property $($doc.DeclaringType.FullName).$name" } else { "the parameter (not declared on $($type.FullName) or its base classes)" }
    $accepted = Get-AcceptedValues $metadata
    $byValue = [bool]$InSets.Where({ $_.ValueFromPipeline }, 'First')
    $byPropertyName = [bool]$InSets.Where({ $_.ValueFromPipelineByPropertyName }, 'First')
    [pscustomobject]@{
        Name           = $name
        Description    = @(if ($paragraphs) { $paragraphs; if ($accepted) { "Accepted values: $($accepted -join ', ')" } })
        Problem        = "parameter -$name has no description: add /// <summary> to $where"
        Type           = $metadata.ParameterType
        IsSwitch       = $metadata.SwitchParameter
        Aliases        = @($metadata.Aliases)
        Globbing       = [bool]$metadata.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }, 'First')
        AcceptedValues = $accepted
        DefaultValue   = if ($Defaults.ContainsKey($name)) { $Defaults[$name] } elseif ($metadata.SwitchParameter) { 'False' } else { 'None' }
        # Required only when it is in every set it belongs to; the syntax shows each set as it is.
        Required       = -not $InSets.Where({ -not $_.IsMandatory }, 'First')
        MandatoryInSomeSet = [bool]$InSets.Where({ $_.IsMandatory }, 'First')
        Position       = Get-PositionText $InSets[0]
        ByValue        = $byValue
        ByPropertyName = $byPropertyName
        PipelineInput  = Get-PipelineInputText $byValue $byPropertyName
    }
}

function Get-CmdletHelp {
    <#
    .SYNOPSIS
        Everything the MAML needs for one cmdlet, plus Problems: what is missing for complete help.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command,
        [Parameter(Mandatory)] $Context,
        # Parameter names and aliases of every cmdlet in the module, to check the examples.
        [hashtable] $ModuleCommands = @{}
    )
    $type = $Command.ImplementingType
    $typeId = 'T:' + (Get-DocTypeName $type)
    $problems = [System.Collections.Generic.List[string]]::new()
    $typeDoc = Get-DocMember $Context $typeId

    $synopsis = (ConvertFrom-DocElement (Select-DocNode $typeDoc 'summary') $Context) -join ' '
    if (-not $synopsis) { $problems.Add("no synopsis: add /// <summary> to class $($type.FullName)") }
    $description = ConvertFrom-DocElement (Select-DocNode $typeDoc 'remarks') $Context
    if (-not $description) { $description = @(if ($synopsis) { $synopsis }) }

    $common = [System.Collections.Generic.HashSet[string]]::new([string[]][System.Management.Automation.Cmdlet]::CommonParameters, [StringComparer]::OrdinalIgnoreCase)
    $sets = @($Command.ParameterSets.Where({ $_.IsDefault })) + $Command.ParameterSets.Where({ -not $_.IsDefault })

    # Each parameter set's syntax, and every parameter once, in the order of the syntax.
    $parameters = [ordered]@{}
    $syntax = foreach ($set in $sets) {
        $entries = foreach ($info in Get-SyntaxParameters $set $common) {
            if (-not $parameters.Contains($info.Name)) {
                $parameters[$info.Name] = [System.Collections.Generic.List[object]]::new()
            }
            $parameters[$info.Name].Add($info)
            [pscustomobject]@{
                Name          = $info.Name
                Help          = $null # the parameter's help, filled in below
                Required      = $info.IsMandatory
                Position      = Get-PositionText $info
                PipelineInput = Get-PipelineInputText $info.ValueFromPipeline $info.ValueFromPipelineByPropertyName
            }
        }
        [pscustomobject]@{ Name = $set.Name; Parameters = @($entries) }
    }
    $defaults = Get-ParameterDefaults $type @($parameters.Keys)
    foreach ($name in @($parameters.Keys)) {
        $help = Get-ParameterHelp -Command $Command -InSets $parameters[$name] -Defaults $defaults -Context $Context
        if (-not $help.Description) { $problems.Add($help.Problem) }
        $parameters[$name] = $help
    }
    foreach ($item in $syntax) {
        foreach ($entry in $item.Parameters) { $entry.Help = $parameters[$entry.Name] }
    }

    $inputs = [System.Collections.Generic.List[object]]::new()
    $byValue = [ordered]@{}
    foreach ($parameter in $parameters.Values.Where({ $_.ByValue })) {
        $typeName = $parameter.Type.FullName
        if (-not $byValue.Contains($typeName)) { $byValue[$typeName] = [System.Collections.Generic.List[string]]::new() }
        $byValue[$typeName].Add("-$($parameter.Name): $(@($parameter.Description)[0])")
    }
    foreach ($typeName in $byValue.Keys) { $inputs.Add([pscustomobject]@{ TypeName = $typeName; Description = $byValue[$typeName] }) }
    $byName = @($parameters.Values.Where({ $_.ByPropertyName }).ForEach({ (@($_.Name) + $_.Aliases) -join ' or ' }))
    if ($byName) {
        $inputs.Add([pscustomobject]@{
                TypeName    = 'System.Management.Automation.PSObject'
                Description = @("Objects with properties named $($byName -join ', ') bind them to the parameters of those names.")
            })
    }

    # What the cmdlet outputs: the class's <returns> describes it, else the output type's own <summary>.
    $returns = ConvertFrom-DocElement (Select-DocNode $typeDoc 'returns') $Context
    $outputTypes = @($Command.OutputType)
    if (-not $outputTypes -and $returns) { $outputTypes = @([System.Management.Automation.PSTypeName]::new([object])) }
    $outputs = foreach ($output in $outputTypes) {
        $outputDescription = $returns
        if (-not $outputDescription -and $output.Type) {
            $outputDescription = ConvertFrom-DocElement (Select-DocNode (Get-DocMember $Context ('T:' + (Get-DocTypeName $output.Type))) 'summary') $Context
        }
        [pscustomobject]@{ TypeName = $(if ($output.Type) { $output.Type.FullName } else { $output.Name }); Description = $outputDescription }
    }

    $examples = [System.Collections.Generic.List[object]]::new()
    foreach ($example in @(Select-DocNode $typeDoc 'example' -All)) {
        $number = $examples.Count + 1
        $code = (@(foreach ($codeElement in $example.SelectNodes('code')) { Format-CodeBlock $codeElement.InnerText (Get-MemberIndent $codeElement) }) -join "`n`n").Trim()
        $remarks = [System.Xml.XmlElement]$example.CloneNode($true)
        foreach ($codeElement in @($remarks.SelectNodes('code'))) { $null = $remarks.RemoveChild($codeElement) }
        $examples.Add([pscustomobject]@{ Number = $number; Code = $code; Remarks = ConvertFrom-DocElement $remarks $Context })
        if (-not $code) { $problems.Add("example $number has no <code>") }
        else { foreach ($problem in Test-ExampleCode $code $Command.Name $ModuleCommands) { $problems.Add("example $number $problem") } }
        if (-not $examples[-1].Remarks) { $problems.Add("example $number does not say what it does: add a <para> after its <code>") }
    }
    if ($examples.Count -lt $MinimumExamples) {
        $problems.Add("$($examples.Count) example(s), at least $MinimumExamples needed: add /// <example><code>...</code><para>...</para></example> to class $($type.FullName)")
    }

    $links = foreach ($seeAlso in @(Select-DocNode $typeDoc 'seealso' -All)) {
        $text = (ConvertFrom-DocElement $seeAlso $Context) -join ' '
        $cref = $seeAlso.GetAttribute('cref')
        $href = $seeAlso.GetAttribute('href')
        [pscustomobject]@{
            Text = if ($text -and -not $href) { $text } elseif ($cref) { Resolve-DocReference $cref $Context } elseif ($text) { $text } else { $href }
            Uri  = $href
        }
    }

    # The parameter list reads like the syntax: positional parameters, then those some set requires, then the rest.
    $ordered = @($parameters.Values.Where({ $_.Position -ne 'named' }) | Sort-Object { [int]$_.Position }) +
        $parameters.Values.Where({ $_.Position -eq 'named' -and $_.MandatoryInSomeSet }) +
        $parameters.Values.Where({ $_.Position -eq 'named' -and -not $_.MandatoryInSomeSet })

    [pscustomobject]@{
        Name        = $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        Synopsis    = $synopsis
        Description = $description
        Syntax      = @($syntax)
        Parameters  = $ordered
        Inputs      = $inputs.ToArray()
        Outputs     = @($outputs)
        Examples    = $examples.ToArray()
        Links       = @($links)
        Problems    = $problems.ToArray()
    }
}

#endregion

#region MAML

function Write-MamlParagraphs([System.Xml.XmlWriter] $Writer, [string] $Element, [string[]] $Paragraphs) {
    $prefix, $name = $Element -split ':'
    $Writer.WriteStartElement($prefix, $name, $(if ($prefix -eq 'maml') { $MamlNamespace } else { $DevNamespace }))
    foreach ($paragraph in @(if ($Paragraphs) { $Paragraphs } else { '' })) {
        $Writer.WriteElementString('maml', 'para', $MamlNamespace, $paragraph)
    }
    $Writer.WriteEndElement()
}

function Write-MamlType([System.Xml.XmlWriter] $Writer, [string] $TypeName) {
    $Writer.WriteStartElement('dev', 'type', $DevNamespace)
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $TypeName)
    $Writer.WriteElementString('maml', 'uri', $MamlNamespace, '')
    $Writer.WriteEndElement()
}

function Write-MamlTypeList([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, [object[]] $Items) {
    # command:inputTypes and command:returnValues: a type name and a description per entry.
    $Writer.WriteStartElement('command', $ListName, $CommandNamespace)
    foreach ($item in $Items) {
        $Writer.WriteStartElement('command', $ItemName, $CommandNamespace)
        Write-MamlType $Writer $item.TypeName
        Write-MamlParagraphs $Writer 'maml:description' $item.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Help, [bool] $Required, [string] $Position, [string] $PipelineInput, [switch] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $CommandNamespace)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ([bool]$Help.Type.IsArray).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Help.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Help.Aliases) { $Help.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Help.Name)
    Write-MamlParagraphs $Writer 'maml:description' $Help.Description
    $typeName = Get-FriendlyTypeName $Help.Type
    if ($InSyntax -and $Help.AcceptedValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $CommandNamespace)
        foreach ($value in $Help.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    elseif (-not ($InSyntax -and $Help.IsSwitch)) {
        # A switch takes no value in the syntax ([-Force]); its own entry shows [<SwitchParameter>].
        $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
        $Writer.WriteAttributeString('required', (-not $Help.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', ([bool]$Help.Type.IsArray).ToString().ToLowerInvariant())
        $Writer.WriteString($typeName)
        $Writer.WriteEndElement()
    }
    Write-MamlType $Writer $Help.Type.FullName
    $Writer.WriteElementString('dev', 'defaultValue', $DevNamespace, $Help.DefaultValue)
    $Writer.WriteEndElement()
}

function Write-MamlCommand([System.Xml.XmlWriter] $Writer, $Help) {
    $Writer.WriteStartElement('command', 'command', $CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $MamlNamespace)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $DevNamespace)

    $Writer.WriteStartElement('command', 'details', $CommandNamespace)
    $Writer.WriteElementString('command', 'name', $CommandNamespace, $Help.Name)
    Write-MamlParagraphs $Writer 'maml:description' @($Help.Synopsis)
    Write-MamlParagraphs $Writer 'maml:copyright' @() # empty, but the schema wants it in this place
    $Writer.WriteElementString('command', 'verb', $CommandNamespace, $Help.Verb)
    $Writer.WriteElementString('command', 'noun', $CommandNamespace, $Help.Noun)
    $Writer.WriteElementString('dev', 'version', $DevNamespace, '')
    $Writer.WriteEndElement()

    Write-MamlParagraphs $Writer 'maml:description' $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $CommandNamespace)
    foreach ($item in $Help.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Help.Name)
        foreach ($entry in $item.Parameters) {
            Write-MamlParameter $Writer $entry.Help $entry.Required $entry.Position $entry.PipelineInput -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $CommandNamespace)
    foreach ($parameter in $Help.Parameters) {
        Write-MamlParameter $Writer $parameter $parameter.Required $parameter.Position $parameter.PipelineInput
    }
    $Writer.WriteEndElement()

    Write-MamlTypeList $Writer 'inputTypes' 'inputType' $Help.Inputs
    Write-MamlTypeList $Writer 'returnValues' 'returnValue' $Help.Outputs
    $Writer.WriteElementString('command', 'terminatingErrors', $CommandNamespace, '')
    $Writer.WriteElementString('command', 'nonTerminatingErrors', $CommandNamespace, '')

    $Writer.WriteStartElement('command', 'examples', $CommandNamespace)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $CommandNamespace)
        $Writer.WriteElementString('maml', 'title', $MamlNamespace, "-------------------------- Example $($example.Number) --------------------------")
        $Writer.WriteElementString('dev', 'code', $DevNamespace, $example.Code)
        Write-MamlParagraphs $Writer 'dev:remarks' (@($example.Remarks) + '') # the empty paragraph spaces the examples apart
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'relatedLinks', $MamlNamespace)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $MamlNamespace, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $MamlNamespace, "$($link.Uri)")
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlHelpFile {
    <#
    .SYNOPSIS
        Writes the help of the given cmdlets as one MAML file (<helpItems schema="maml">), UTF-8, in the given order.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [object[]] $CommandHelp)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $HelpItemsNamespace)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $CommandHelp) { Write-MamlCommand $writer $help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

#endregion

function Export-ModuleHelp {
    <#
    .SYNOPSIS
        Generates the MAML help of every cmdlet a loaded module exports into <ModuleBase>/<Culture>/, one file per
        help file name (<Assembly>.dll-Help.xml). Returns the problems found; writes the files only when there are none.
    #>
    param(
        [Parameter(Mandatory)] [psmoduleinfo] $Module,
        [Parameter(Mandatory)] [string[]] $DocXml,
        [string] $Culture = 'en-US',
        [string[]] $RelatedTopics = @()
    )
    $cmdlets = @($Module.ExportedCmdlets.Values | Sort-Object Name)
    $context = New-DocContext -Members (Read-XmlDocFile $DocXml) -Cmdlets $cmdlets
    $moduleCommands = @{}
    foreach ($cmdlet in $cmdlets) {
        $moduleCommands[$cmdlet.Name] = @($cmdlet.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
    }
    $helps = foreach ($cmdlet in $cmdlets) {
        $help = Get-CmdletHelp -Command $cmdlet -Context $context -ModuleCommands $moduleCommands
        $help.Links = @($help.Links) + @($RelatedTopics | ForEach-Object { [pscustomobject]@{ Text = $_; Uri = '' } })
        [pscustomobject]@{ HelpFile = $cmdlet.HelpFile; Help = $help }
    }
    $problems = @($helps | ForEach-Object { $name = $_.Help.Name; $_.Help.Problems | ForEach-Object { "${name}: $_" } })
    if ($problems) { return $problems }

    $folder = Join-Path $Module.ModuleBase $Culture
    $null = New-Item $folder -ItemType Directory -Force
    foreach ($file in $helps | Group-Object HelpFile) {
        Write-MamlHelpFile -Path (Join-Path $folder $file.Name) -CommandHelp $file.Group.Help
    }
}

Export-ModuleMember -Function Read-XmlDocFile, New-DocContext, Get-CmdletHelp, Write-MamlHelpFile, Export-ModuleHelp
