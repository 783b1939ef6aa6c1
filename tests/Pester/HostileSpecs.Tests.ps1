# Specs made to hurt the reader: too many findings, huge values, a stream that never ends. Each gives its findings, or
# stops when asked, in bounded time and output.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    # A spec of $Count images, each with its title key given twice: $Count DuplicateKey findings.
    function New-DuplicateKeySpec([string] $Path, [int] $Count) {
        $items = foreach ($i in 1..$Count) { "{`"objectUrl`": `"https://b.s3.eu-west-2.amazonaws.com/$i.jpg`", `"title`": `"a`", `"title`": `"b`"}" }
        Set-Content -LiteralPath $Path -Value ("{`"images`": [" + ($items -join ",`n") + "]}")
    }
}

Describe 'Findings are capped per rule' {
    BeforeAll {
        $spec = Join-Path $TestDrive 'duplicates.json'
        New-DuplicateKeySpec $spec 1000
    }

    It 'shows the first 100 findings of a rule, then says how many more there were' {
        $result = Test-EncordSpec $spec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable notes -WarningAction SilentlyContinue
        $result | Should -BeFalse
        $problems | Should -HaveCount 100
        @($problems.FullyQualifiedErrorId | Sort-Object -Unique) | Should -Be 'DuplicateKey,EncordSpec.Cmdlets.TestEncordSpecCommand'
        $notes | Should -HaveCount 1
        "$notes" | Should -BeLike 'duplicates.json: 900 more DuplicateKey finding(s) not shown (1,000 in all;*-MaxFindings*'
    }

    It 'shows as many as -MaxFindings says, every one with -MaxFindings 0, and caps -Detailed alike' {
        $null = Test-EncordSpec $spec -MaxFindings 5 -ErrorVariable five -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $five | Should -HaveCount 5
        $null = Test-EncordSpec $spec -MaxFindings 0 -ErrorVariable all -ErrorAction SilentlyContinue -WarningVariable none
        $all | Should -HaveCount 1000
        $none | Should -BeNullOrEmpty
        $detailed = Test-EncordSpec $spec -Detailed -MaxFindings 7 -WarningVariable notes -WarningAction SilentlyContinue
        $detailed | Should -HaveCount 7
        "$notes" | Should -BeLike '*993 more DuplicateKey*'
    }

    It 'caps ConvertFrom-EncordSpec''s findings too, and still returns every item' {
        $items = ConvertFrom-EncordSpec $spec -MaxFindings 3 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $items | Should -HaveCount 1000
        $problems | Should -HaveCount 3
    }
}

Describe 'Findings quote values in short' {
    It 'quotes a 5 MB key and a 5 MB URL as marked excerpts, not whole' {
        $spec = Join-Path $TestDrive 'huge-values.json'
        $huge = 'x' * 5MB
        Set-Content -LiteralPath $spec -Value ('{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/a b' + $huge + '.jpg", "' + $huge + '": 1}]}')
        $null = Test-EncordSpec $spec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable notes -WarningAction SilentlyContinue
        $problems.FullyQualifiedErrorId | Should -Be 'ObjectUrlWhitespace,EncordSpec.Cmdlets.TestEncordSpecCommand'
        ($notes + $problems) | Should -HaveCount 2 # and UnknownItemKey, a warning
        foreach ($finding in @($problems) + @($notes)) {
            "$finding".Length | Should -BeLessThan 2000
            "$finding" | Should -BeLike '*characters left out*'
        }
    }
}
