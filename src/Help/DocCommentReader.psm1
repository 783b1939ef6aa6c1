<#
.SYNOPSIS
    Reads the compiler's XML documentation file into the plain text that help shows.
.DESCRIPTION
    The help convention the cmdlets' doc comments follow:
      class    <summary>  the synopsis (one sentence)
               <remarks>  the description, one <para> per paragraph
               <example>  <code>PowerShell</code><para>what it does</para>; at least two; the code alone
                          (no prompt, no output), calling the cmdlet with parameters the module's cmdlets have
               <returns>  (optional) what it outputs; else the output types' own <summary>
               <seealso cref="OtherCmdletClass"/> (optional) a related link
      property <summary>  the parameter's description (on the class that declares it, base classes included)
    The C# compiler writes the doc comments of every partial declaration of a class into its one <member>.
    Markup becomes plain text: <see cref> to a cmdlet class reads as its name, one to a cmdlet's property as
    -Parameter; <para>, <code>, <list> and <br/> make paragraphs; code keeps its lines without the file's indentation.
#>
using module ./CommandHelp.psm1
Set-StrictMode -Version 3.0

class TypeDoc {
    # A class's doc comment, as paragraphs of plain text; empty arrays for what it lacks.
    [string[]] $Summary
    [string[]] $Remarks
    [string[]] $Returns
    [ExampleHelp[]] $Examples
    [LinkHelp[]] $SeeAlso
    # Of summary, remarks and returns, those written more than once (on two partial declarations, which the
    # compiler merges): only the first would show.
    [string[]] $Repeated
}

class DocCommentReader {
    # Member id (T:Ns.Type, P:Ns.Type.Name) -> <member>.
    hidden [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]] $Members
    # Doc name of a cmdlet class (Ns.Type) -> the cmdlet's name.
    hidden [hashtable] $CmdletNames = @{}
    # Doc names of the cmdlet classes and their base classes, without generic arity: a property of one is a parameter.
    hidden [System.Collections.Generic.HashSet[string]] $ParameterOwners = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)

    DocCommentReader(
        [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]] $Members,
        [System.Management.Automation.CmdletInfo[]] $Cmdlets) {
        $this.Members = $Members
        foreach ($cmdlet in $Cmdlets) {
            $this.CmdletNames[[DocCommentReader]::DocTypeName($cmdlet.ImplementingType)] = $cmdlet.Name
            for ($type = $cmdlet.ImplementingType; $type -and $type -ne [System.Management.Automation.PSCmdlet] -and $type -ne [System.Management.Automation.Cmdlet]; $type = $type.BaseType) {
                $null = $this.ParameterOwners.Add(([DocCommentReader]::DocTypeName($type) -replace '`\d+', '')) # as ResolveCref names it
            }
        }
    }

    static [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]] ReadMembers([string[]] $Path) {
        # Compiler-generated XML documentation files, in one lookup; a later file's member replaces an earlier one's.
        $found = [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]]::new([StringComparer]::Ordinal)
        foreach ($file in $Path) {
            $document = [System.Xml.XmlDocument]::new()
            $document.PreserveWhitespace = $true # code blocks keep their lines and indentation
            $document.Load((Resolve-Path -LiteralPath $file).ProviderPath)
            foreach ($member in $document.SelectNodes('/doc/members/member')) {
                $found[$member.GetAttribute('name')] = $member
            }
        }
        return $found
    }

    static [string] DocTypeName([Type] $Type) {
        # Doc ids write nested types with '.', where reflection uses '+', and a generic base class by its definition
        # (Ns.Base`1), where reflection names the constructed type.
        if ($Type.IsGenericType -and -not $Type.IsGenericTypeDefinition) { $Type = $Type.GetGenericTypeDefinition() }
        return $Type.FullName.Replace('+', '.')
    }

    [TypeDoc] ReadType([Type] $Type) {
        $member = $this.Member('T:' + [DocCommentReader]::DocTypeName($Type))
        return [TypeDoc]@{
            Summary  = $this.Render($this.Child($member, 'summary'))
            Remarks  = $this.Render($this.Child($member, 'remarks'))
            Returns  = $this.Render($this.Child($member, 'returns'))
            Examples = @(foreach ($example in $this.Children($member, 'example')) { $this.ReadExample($example) })
            SeeAlso  = @(foreach ($seeAlso in $this.Children($member, 'seealso')) { $this.ReadSeeAlso($seeAlso) })
            Repeated = @(foreach ($name in 'summary', 'remarks', 'returns') { if ($this.Children($member, $name).Count -gt 1) { $name } })
        }
    }

    [string[]] ReadSummary([System.Reflection.MemberInfo[]] $Declarations) {
        # A parameter's description: the <summary> of the nearest declaration that has one.
        foreach ($declaration in $Declarations) {
            $prefix = if ($declaration.MemberType -eq 'Field') { 'F:' } else { 'P:' }
            $summary = $this.Child($this.Member($prefix + [DocCommentReader]::DocTypeName($declaration.DeclaringType) + '.' + $declaration.Name), 'summary')
            if ($summary) { return $this.Render($summary) }
        }
        return [string[]]@()
    }

    [string] ResolveCref([string] $Cref) {
        # "T:Ns.NewFooCommand" -> New-Foo, "P:Ns.NewFooCommand.Path" -> -Path, other types -> their full name,
        # constructors -> the type's name, other members -> Type.Member.
        $kind, $name = if ($Cref -match '^([A-Z!]):(.*)$') { $Matches[1], $Matches[2] } else { '', $Cref }
        $name = ($name -replace '\(.*\)$', '') -replace '``?\d+', ''
        if ($kind -eq 'T' -or $kind -eq '') {
            if ($this.CmdletNames.ContainsKey($name)) { return $this.CmdletNames[$name] }
            if ($kind -eq 'T') { return $name }
        }
        $dot = $name.LastIndexOf('.')
        if ($dot -lt 0) { return $name }
        $owner = $name.Substring(0, $dot)
        $memberName = $name.Substring($dot + 1)
        if ($kind -eq 'P' -and $this.ParameterOwners.Contains($owner)) { return "-$memberName" }
        if ($kind -eq 'M' -and $memberName -eq '#ctor') { return $owner.Substring($owner.LastIndexOf('.') + 1) }
        return $owner.Substring($owner.LastIndexOf('.') + 1) + ".$memberName"
    }

    [string[]] Render([System.Xml.XmlNode] $Element) {
        # The paragraphs of a doc element as plain text: whitespace collapsed, markup rendered, code blocks kept.
        if (-not $Element) { return [string[]]@() }
        $paragraphs = [DocParagraphs]::new($this)
        $paragraphs.AddChildren($Element)
        $paragraphs.Complete()
        return $paragraphs.Blocks.ToArray()
    }

    static [string] FormatCode([string] $Text, [int] $MemberIndent) {
        # The lines of a <code> element without the doc file's indentation: common leading whitespace removed,
        # blank lines around it dropped. A first line that follows <code> directly is not indented in the file, so
        # the other lines lose only the indentation of the doc file's <member> content ($MemberIndent), when known (>= 0).
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
        return $lines -join "`n"
    }

    static [int] MemberIndent([System.Xml.XmlNode] $Node) {
        # How deep the doc file indents the content of the <member> that holds this node (-1 when unknown).
        $member = $Node
        while ($member -and $member.LocalName -ne 'member') { $member = $member.ParentNode }
        if ($member -and $member.FirstChild -is [System.Xml.XmlWhitespace]) {
            $space = $member.FirstChild.Value
            return $space.Length - $space.LastIndexOf("`n") - 1
        }
        return -1
    }

    hidden [System.Xml.XmlElement] Member([string] $Id) {
        if ($this.Members.ContainsKey($Id)) { return $this.Members[$Id] }
        return $null
    }

    hidden [System.Xml.XmlElement] Child([System.Xml.XmlElement] $Element, [string] $Name) {
        # The first child element of that name (nothing when the member has no doc).
        if (-not $Element) { return $null }
        return $Element.SelectSingleNode($Name)
    }

    hidden [System.Xml.XmlElement[]] Children([System.Xml.XmlElement] $Element, [string] $Name) {
        if (-not $Element) { return [System.Xml.XmlElement[]]@() }
        return [System.Xml.XmlElement[]]@($Element.SelectNodes($Name))
    }

    hidden [ExampleHelp] ReadExample([System.Xml.XmlElement] $Example) {
        # The code of its <code> elements, and the rest as the remarks.
        $code = @(foreach ($codeElement in $Example.SelectNodes('code')) {
                [DocCommentReader]::FormatCode($codeElement.InnerText, [DocCommentReader]::MemberIndent($codeElement))
            }) -join "`n`n"
        $remarks = [System.Xml.XmlElement]$Example.CloneNode($true)
        foreach ($codeElement in @($remarks.SelectNodes('code'))) { $null = $remarks.RemoveChild($codeElement) }
        return [ExampleHelp]@{ Code = $code.Trim(); Remarks = $this.Render($remarks) }
    }

    hidden [LinkHelp] ReadSeeAlso([System.Xml.XmlElement] $SeeAlso) {
        # <seealso cref="X"/> reads as X's name; with text, the text; with href, the text and the address.
        $text = $this.Render($SeeAlso) -join ' '
        $cref = $SeeAlso.GetAttribute('cref')
        $href = $SeeAlso.GetAttribute('href')
        $linkText = if ($text -and -not $href) { $text } elseif ($cref) { $this.ResolveCref($cref) } elseif ($text) { $text } else { $href }
        return [LinkHelp]@{ Text = $linkText; Uri = $href }
    }
}

class DocParagraphs {
    # Walks doc markup into paragraphs: <para>, <code>, <list> and <br/> end paragraphs; <see>, <c>, <paramref>
    # and the like become plain text inside them.
    [System.Collections.Generic.List[string]] $Blocks = [System.Collections.Generic.List[string]]::new()
    hidden [System.Text.StringBuilder] $Text = [System.Text.StringBuilder]::new()
    hidden [DocCommentReader] $Reader

    DocParagraphs([DocCommentReader] $Reader) { $this.Reader = $Reader }

    [void] Complete() {
        $paragraph = ($this.Text.ToString() -replace '\s+', ' ').Trim()
        if ($paragraph) { $this.Blocks.Add($paragraph) }
        $null = $this.Text.Clear()
    }

    [void] AddChildren([System.Xml.XmlNode] $Node) {
        foreach ($child in $Node.ChildNodes) {
            if ($child -is [System.Xml.XmlCharacterData]) {
                if ($child -isnot [System.Xml.XmlComment]) { $null = $this.Text.Append($child.Value) }
                continue
            }
            if ($child -is [System.Xml.XmlElement]) { $this.AddElement($child) }
        }
    }

    hidden [void] AddElement([System.Xml.XmlElement] $Element) {
        switch ($Element.LocalName) {
            'para' { $this.Complete(); $this.AddChildren($Element); $this.Complete() }
            'br' { $this.Complete() }
            'code' {
                $this.Complete()
                $code = [DocCommentReader]::FormatCode($Element.InnerText, [DocCommentReader]::MemberIndent($Element))
                if ($code) { $this.Blocks.Add($code) } # Get-Help trims a paragraph's first line, so no extra indent
            }
            'list' { $this.AddList($Element) }
            { $_ -in 'see', 'seealso' } { $this.AddReference($Element) }
            { $_ -in 'paramref', 'typeparamref' } { $null = $this.Text.Append($Element.GetAttribute('name')) }
            default { $this.AddChildren($Element) } # <c>, <b>, <i>, unknown markup: their text
        }
    }

    hidden [void] AddList([System.Xml.XmlElement] $List) {
        $this.Complete()
        $number = 0
        foreach ($item in $List.SelectNodes('item')) {
            $number++
            $marker = if ($List.GetAttribute('type') -eq 'number') { "$number. " } else { '- ' }
            $term = $item.SelectSingleNode('term')
            $description = $item.SelectSingleNode('description')
            $null = $this.Text.Append($marker)
            if ($term) { $this.AddChildren($term); if ($description) { $null = $this.Text.Append(': ') } }
            if ($description) { $this.AddChildren($description) }
            if (-not $term -and -not $description) { $this.AddChildren($item) }
            $this.Complete()
        }
    }

    hidden [void] AddReference([System.Xml.XmlElement] $Reference) {
        $cref = $Reference.GetAttribute('cref')
        $href = $Reference.GetAttribute('href')
        $langword = $Reference.GetAttribute('langword')
        if ($Reference.InnerText.Trim()) {
            $this.AddChildren($Reference)
            if ($href) { $null = $this.Text.Append(" ($href)") }
        }
        elseif ($langword) {
            $word = switch ($langword) { 'null' { '$null' } 'true' { '$true' } 'false' { '$false' } default { $langword } }
            $null = $this.Text.Append($word)
        }
        elseif ($cref) { $null = $this.Text.Append($this.Reader.ResolveCref($cref)) }
        elseif ($href) { $null = $this.Text.Append($href) }
    }
}
