package rules

// FileFormat reports files that cannot be read as text.
var FileFormat = Register(&Rule{
	ID:       "file-format",
	Aliases:  []string{"encoding"},
	Tags:     []string{"file"},
	Severity: Error,
	Short:    "The file can be read and decoded as UTF-8 (or UTF-16 with a byte order mark) text",
	Doc: `Reports files l10nlint could not check as text: unreadable files (permissions, dangling or
looping symbolic links), binary content (NUL bytes), UTF-16 with an odd number of bytes, and
invalid UTF-8 byte sequences (a file saved in a legacy code page such as Windows-1252), at the
first invalid byte, and files larger than the configuration's max-file-size (default 16 MiB),
which are not read: a check holds about ten times a page's size in memory. UTF-8 with or without
a byte order mark and UTF-16 LE/BE with a byte order mark are read without complaint.

The other rules still run on what could be decoded.`,
	Run: func(p *Pass) {
		for _, pr := range p.Page.FileProblems {
			p.Reportf(pr.Range, "%s", pr.Message)
		}
	},
})
