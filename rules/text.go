package rules

// Text is one side (target or source) of a segment: raw Markdown inline
// text plus the facts rules need, each with its exact range in the page.
type Text struct {
	// Range is the raw text between the span tags.
	Range Range
	// Raw is Page.Text[Range.Start:Range.End].
	Raw string
	// Plain is the prose with markup removed: link destinations, HTML tags,
	// emphasis markers and escapes dropped, entities decoded, code spans kept
	// as their content, whitespace runs folded to one space.
	Plain string

	Links    []Link
	Code     []Code
	Tags     []Tag
	Emphasis []Delim
	Escapes  []Escape
	// Placeholders are format placeholders such as {0}, %s, %1$d, {{name}}.
	Placeholders []Placeholder
}

// LinkKind tells inline links, images and autolinks apart.
type LinkKind int

// Link kinds.
const (
	InlineLink LinkKind = iota
	ImageLink
	AutoLink
	ReferenceLink
)

func (k LinkKind) String() string {
	switch k {
	case ImageLink:
		return "image"
	case AutoLink:
		return "autolink"
	case ReferenceLink:
		return "reference link"
	}
	return "link"
}

// Link is a Markdown link, image or autolink.
type Link struct {
	Kind LinkKind
	// Dest is the destination as written (angle brackets removed); for a
	// reference link, the reference label.
	Dest  string
	Label string
	Title string
	// Range covers the whole construct, e.g. [text](dest "title").
	Range Range
	// DestRange covers the destination only.
	DestRange Range
	// HTML marks an <a href> or <img src> tag (Range covers the tag).
	HTML bool
	// Definition marks a link reference definition ([label]: dest, Label
	// the label): where the reference links of its label lead.
	Definition bool
}

// LabelRange is where a Markdown link's or image's label is written, after
// its "[" or "![" (Label as it stands there). ok is false for an autolink,
// and where the label does not fit in Range (an HTML tag, a torn link).
func (l Link) LabelRange() (r Range, ok bool) {
	if l.Kind == AutoLink {
		return Range{}, false
	}
	open := l.Range.Start + 1
	if l.Kind == ImageLink {
		open++
	}
	if open+len(l.Label) > l.Range.End {
		return Range{}, false
	}
	return Range{Start: open, End: open + len(l.Label)}, true
}

// Code is an inline code span.
type Code struct {
	// Content is the code with the CommonMark normalization applied (line
	// endings to spaces, one leading and trailing space stripped).
	Content string
	Range   Range
}

// Tag is an inline HTML tag or comment.
type Tag struct {
	// Name is the lower-cased tag name ("br", "a"); "!--" for comments.
	Name        string
	Closing     bool
	SelfClosing bool
	Range       Range
}

// Delim is an emphasis delimiter run (*, **, _, __, ~~) that can open or close.
type Delim struct {
	Marker   byte
	Len      int
	CanOpen  bool
	CanClose bool
	Range    Range
}

// Escape is a backslash escape such as \< or \*.
type Escape struct {
	Char  byte
	Range Range
}

// Placeholder is a format placeholder.
type Placeholder struct {
	Text  string
	Range Range
}
