package rules

// Range is a half-open byte range [Start, End) in Page.Text, the page's
// content decoded to UTF-8. The engine turns it into lines and columns.
type Range struct {
	Start, End int
}

// Len is the length of the range in bytes.
func (r Range) Len() int { return r.End - r.Start }

// Page is one parsed Markdown file. The parser fills it once; rules only read it.
type Page struct {
	// Path is the file path as the user named it (slash-separated, relative
	// to the working directory when possible).
	Path string
	// Text is the whole file decoded to UTF-8 (BOM removed, UTF-16 converted).
	Text string
	// Encoding names how the file was stored: "utf-8", "utf-8-bom", "utf-16le", "utf-16be".
	Encoding string

	// Locale is the page's target locale (e.g. "fr-FR"), LocaleOrigin says
	// where it came from: "front matter", "path", "config" or "" (unknown).
	Locale       string
	LocaleOrigin string
	// FolderLocale is the locale of the locale tree the page is in ("" when
	// none): fr-FR for fr-FR/hr/a.md, where hr is a topic folder.
	FolderLocale string
	// SourceLocale is the locale the page was translated from (config, default en-US).
	SourceLocale string

	// FrontMatter is nil when the page has none.
	FrontMatter *FrontMatter

	// Segments are the bilingual side-by-side segments in document order.
	Segments []*Segment
	// Headings are the page's ATX and setext headings in document order.
	Headings []Heading
	// Blocks are the leaf blocks of the body in document order: headings,
	// paragraphs, table rows, HTML and code blocks.
	Blocks []Block
	// Links are every link, image and autolink of the body (including those
	// inside segments), in document order.
	Links []Link
	// Anchors are the name and id attributes of the body's HTML tags.
	Anchors []string
	// Comments are the body's HTML comments (not those in code), where
	// l10nlint-disable directives live.
	Comments []Range
	// FileProblems are problems with the file itself: unreadable, binary,
	// undecodable or invalid UTF-8 content.
	FileProblems []Problem
	// Problems are structural defects of the side-by-side markup found while
	// parsing (unclosed spans, missing source, id mismatch...).
	Problems []Problem
}

// Bilingual reports whether the page holds side-by-side segments.
func (p *Page) Bilingual() bool { return len(p.Segments) > 0 }

// FrontMatter is the YAML block between the leading '---' lines.
type FrontMatter struct {
	// Range covers the YAML body (without the --- fences).
	Range Range
	// Entries are the top-level keys in document order.
	Entries []FrontMatterEntry
	// Err is set when the YAML does not parse; Entries is then empty.
	Err *FrontMatterError
	// Unclosed is set when the opening --- has no closing fence.
	Unclosed bool
}

// Get returns the entry for key, or nil.
func (f *FrontMatter) Get(key string) *FrontMatterEntry {
	if f == nil {
		return nil
	}
	for i := range f.Entries {
		if f.Entries[i].Key == key {
			return &f.Entries[i]
		}
	}
	return nil
}

// FrontMatterEntry is one top-level key of the front matter.
type FrontMatterEntry struct {
	Key string
	// Value is the scalar value; for a sequence, its scalar items one per
	// line; for a mapping, empty. Scalar is false for both.
	Value    string
	Scalar   bool
	KeyRange Range
	// ValueRange covers the value text (for a block sequence, the whole sequence).
	ValueRange Range
}

// FrontMatterError is a YAML syntax error with its position.
type FrontMatterError struct {
	Message string
	Range   Range
}

// Segment is one translation unit of a side-by-side page:
//
//	<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>
type Segment struct {
	// ID is the data-ttu-id; SourceID the data-stu-id (they should be equal).
	ID, SourceID string
	Target       Text
	// Source is the zero Text when the segment has no source part.
	Source    Text
	HasSource bool
	// Block is the Markdown block the segment sits in: "heading",
	// "paragraph", "list-item", "table", "blockquote" or "html".
	Block string
	// Range covers the whole segment markup, from the opening target span to
	// the last closing span.
	Range Range
}

// Problem is a structural defect found by the parser.
type Problem struct {
	Range   Range
	Message string
}

// Heading is a Markdown heading.
type Heading struct {
	Level int
	// Range covers the heading's inline content.
	Range Range
}

// Block is a leaf block of the Markdown body.
type Block struct {
	// Kind is "heading", "paragraph", "list-item", "table", "blockquote",
	// "html" or "code".
	Kind  string
	Range Range
	// Level is a heading's level, or a list item's nesting depth (1 for a
	// top-level item); Info is a fenced code block's info string.
	Level int
	Info  string
	// ItemStart marks the first block of a list item: the item itself, as
	// opposed to its further paragraphs.
	ItemStart bool
}
