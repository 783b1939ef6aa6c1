<#
.SYNOPSIS
    Writes the help of cmdlets as the standard MAML file (<helpItems schema="maml">) that both pwsh 7 and Windows
    PowerShell 5.1 read.
#>
using module ./CmdletModel.psm1
using module ./CommandHelp.psm1
Set-StrictMode -Version 3.0

class MamlWriter {
    static [string] $MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
    static [string] $CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    static [string] $DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
    static [string] $HelpItemsNamespace = 'http://msh'

    hidden [System.Xml.XmlWriter] $Writer

    MamlWriter([System.Xml.XmlWriter] $Writer) { $this.Writer = $Writer }

    static [void] WriteFile([string] $Path, [CommandHelp[]] $CommandHelp) {
        # One file, UTF-8 without a byte-order mark, the cmdlets in the order given.
        $settings = [System.Xml.XmlWriterSettings]::new()
        $settings.Indent = $true
        $settings.IndentChars = '  '
        $settings.NewLineChars = "`n"
        $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
        $xml = [System.Xml.XmlWriter]::Create($Path, $settings)
        try {
            $xml.WriteStartDocument()
            $xml.WriteStartElement('helpItems', [MamlWriter]::HelpItemsNamespace)
            $xml.WriteAttributeString('schema', 'maml')
            $maml = [MamlWriter]::new($xml)
            foreach ($help in $CommandHelp) { $maml.WriteCommand($help) }
            $xml.WriteEndElement()
            $xml.WriteEndDocument()
        }
        finally { $xml.Dispose() }
    }

    static [string] FriendlyTypeName([Type] $Type) {
        # The short names Get-Help shows: String, String[], Nullable[Int32], Dictionary[String,Object].
        if ($Type.IsArray) { return [MamlWriter]::FriendlyTypeName($Type.GetElementType()) + '[]' }
        if ($Type.IsGenericType) {
            $arguments = @(foreach ($argument in $Type.GetGenericArguments()) { [MamlWriter]::FriendlyTypeName($argument) }) -join ','
            return ($Type.Name -replace '`\d+$', '') + "[$arguments]"
        }
        return $Type.Name
    }

    hidden [void] WriteCommand([CommandHelp] $Help) {
        $cmdlet = $Help.Cmdlet
        $this.Writer.WriteStartElement('command', 'command', [MamlWriter]::CommandNamespace)
        $this.Writer.WriteAttributeString('xmlns', 'maml', $null, [MamlWriter]::MamlNamespace)
        $this.Writer.WriteAttributeString('xmlns', 'command', $null, [MamlWriter]::CommandNamespace)
        $this.Writer.WriteAttributeString('xmlns', 'dev', $null, [MamlWriter]::DevNamespace)

        $this.Writer.WriteStartElement('command', 'details', [MamlWriter]::CommandNamespace)
        $this.Writer.WriteElementString('command', 'name', [MamlWriter]::CommandNamespace, $cmdlet.Name)
        $this.WriteParagraphs('maml:description', @($Help.Synopsis))
        $this.WriteParagraphs('maml:copyright', @()) # empty, but the schema wants it in this place
        $this.Writer.WriteElementString('command', 'verb', [MamlWriter]::CommandNamespace, $cmdlet.Verb)
        $this.Writer.WriteElementString('command', 'noun', [MamlWriter]::CommandNamespace, $cmdlet.Noun)
        $this.Writer.WriteElementString('dev', 'version', [MamlWriter]::DevNamespace, '')
        $this.Writer.WriteEndElement()

        $this.WriteParagraphs('maml:description', $Help.Description)

        $this.Writer.WriteStartElement('command', 'syntax', [MamlWriter]::CommandNamespace)
        foreach ($item in $cmdlet.Syntax) {
            $this.Writer.WriteStartElement('command', 'syntaxItem', [MamlWriter]::CommandNamespace)
            $this.Writer.WriteElementString('maml', 'name', [MamlWriter]::MamlNamespace, $cmdlet.Name)
            foreach ($entry in $item.Parameters) {
                $this.WriteParameter($Help.FindParameter($entry.Parameter.Name), $entry.Required, $entry.Position, $entry.PipelineInput, $true)
            }
            $this.Writer.WriteEndElement()
        }
        $this.Writer.WriteEndElement()

        $this.Writer.WriteStartElement('command', 'parameters', [MamlWriter]::CommandNamespace)
        foreach ($parameterHelp in $Help.Parameters) {
            $parameter = $parameterHelp.Parameter
            $this.WriteParameter($parameterHelp, $parameter.Required, $parameter.Position, $parameter.PipelineInput, $false)
        }
        $this.Writer.WriteEndElement()

        $this.WriteTypeList('inputTypes', 'inputType', $Help.Inputs)
        $this.WriteTypeList('returnValues', 'returnValue', $Help.Outputs)
        $this.Writer.WriteElementString('command', 'terminatingErrors', [MamlWriter]::CommandNamespace, '')
        $this.Writer.WriteElementString('command', 'nonTerminatingErrors', [MamlWriter]::CommandNamespace, '')

        $this.Writer.WriteStartElement('command', 'examples', [MamlWriter]::CommandNamespace)
        $number = 0
        foreach ($example in $Help.Examples) {
            $number++
            $this.Writer.WriteStartElement('command', 'example', [MamlWriter]::CommandNamespace)
            $this.Writer.WriteElementString('maml', 'title', [MamlWriter]::MamlNamespace, "-------------------------- Example $number --------------------------")
            $this.Writer.WriteElementString('dev', 'code', [MamlWriter]::DevNamespace, $example.Code)
            $this.WriteParagraphs('dev:remarks', (@($example.Remarks) + '')) # the empty paragraph spaces the examples apart
            $this.Writer.WriteEndElement()
        }
        $this.Writer.WriteEndElement()

        $this.Writer.WriteStartElement('maml', 'relatedLinks', [MamlWriter]::MamlNamespace)
        foreach ($link in $Help.Links) {
            $this.Writer.WriteStartElement('maml', 'navigationLink', [MamlWriter]::MamlNamespace)
            $this.Writer.WriteElementString('maml', 'linkText', [MamlWriter]::MamlNamespace, $link.Text)
            $this.Writer.WriteElementString('maml', 'uri', [MamlWriter]::MamlNamespace, "$($link.Uri)")
            $this.Writer.WriteEndElement()
        }
        $this.Writer.WriteEndElement()

        $this.Writer.WriteEndElement()
    }

    hidden [void] WriteParameter([ParameterHelp] $Help, [bool] $Required, [string] $Position, [string] $PipelineInput, [bool] $InSyntax) {
        # In a syntax item the position, requirement and pipeline input are the set's; in the parameter list, the parameter's.
        $parameter = $Help.Parameter
        $this.Writer.WriteStartElement('command', 'parameter', [MamlWriter]::CommandNamespace)
        $this.Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
        $this.Writer.WriteAttributeString('variableLength', $parameter.Type.IsArray.ToString().ToLowerInvariant())
        $this.Writer.WriteAttributeString('globbing', $parameter.Globbing.ToString().ToLowerInvariant())
        $this.Writer.WriteAttributeString('pipelineInput', $PipelineInput)
        $this.Writer.WriteAttributeString('position', $Position)
        $this.Writer.WriteAttributeString('aliases', $(if ($parameter.Aliases) { $parameter.Aliases -join ', ' } else { 'none' }))
        $this.Writer.WriteElementString('maml', 'name', [MamlWriter]::MamlNamespace, $parameter.Name)
        $this.WriteParagraphs('maml:description', $Help.Description)
        if ($InSyntax -and $parameter.AcceptedValues) {
            $this.Writer.WriteStartElement('command', 'parameterValueGroup', [MamlWriter]::CommandNamespace)
            foreach ($value in $parameter.AcceptedValues) {
                $this.Writer.WriteStartElement('command', 'parameterValue', [MamlWriter]::CommandNamespace)
                $this.Writer.WriteAttributeString('required', 'false')
                $this.Writer.WriteAttributeString('variableLength', 'false')
                $this.Writer.WriteString($value)
                $this.Writer.WriteEndElement()
            }
            $this.Writer.WriteEndElement()
        }
        elseif (-not ($InSyntax -and $parameter.IsSwitch)) {
            # A switch takes no value in the syntax ([-Force]); its own entry shows [<SwitchParameter>].
            $this.Writer.WriteStartElement('command', 'parameterValue', [MamlWriter]::CommandNamespace)
            $this.Writer.WriteAttributeString('required', (-not $parameter.IsSwitch).ToString().ToLowerInvariant())
            $this.Writer.WriteAttributeString('variableLength', $parameter.Type.IsArray.ToString().ToLowerInvariant())
            $this.Writer.WriteString([MamlWriter]::FriendlyTypeName($parameter.Type))
            $this.Writer.WriteEndElement()
        }
        $this.WriteType($parameter.Type.FullName)
        $this.Writer.WriteElementString('dev', 'defaultValue', [MamlWriter]::DevNamespace, $parameter.DefaultValue)
        $this.Writer.WriteEndElement()
    }

    hidden [void] WriteTypeList([string] $ListName, [string] $ItemName, [TypeHelp[]] $Items) {
        # command:inputTypes and command:returnValues: a type name and a description per entry.
        $this.Writer.WriteStartElement('command', $ListName, [MamlWriter]::CommandNamespace)
        foreach ($item in $Items) {
            $this.Writer.WriteStartElement('command', $ItemName, [MamlWriter]::CommandNamespace)
            $this.WriteType($item.TypeName)
            $this.WriteParagraphs('maml:description', $item.Description)
            $this.Writer.WriteEndElement()
        }
        $this.Writer.WriteEndElement()
    }

    hidden [void] WriteType([string] $TypeName) {
        $this.Writer.WriteStartElement('dev', 'type', [MamlWriter]::DevNamespace)
        $this.Writer.WriteElementString('maml', 'name', [MamlWriter]::MamlNamespace, $TypeName)
        $this.Writer.WriteElementString('maml', 'uri', [MamlWriter]::MamlNamespace, '')
        $this.Writer.WriteEndElement()
    }

    hidden [void] WriteParagraphs([string] $Element, [string[]] $Paragraphs) {
        # An element of <maml:para>s; one empty paragraph when there is no text, as the schema wants one.
        $prefix, $name = $Element -split ':'
        $namespace = if ($prefix -eq 'maml') { [MamlWriter]::MamlNamespace } else { [MamlWriter]::DevNamespace }
        $this.Writer.WriteStartElement($prefix, $name, $namespace)
        foreach ($paragraph in @(if ($Paragraphs) { $Paragraphs } else { '' })) {
            $this.Writer.WriteElementString('maml', 'para', [MamlWriter]::MamlNamespace, $paragraph)
        }
        $this.Writer.WriteEndElement()
    }
}
