package rules

// Glossary is a locale's terminology: how source terms are translated.
type Glossary struct {
	// Path is the file it was read from.
	Path    string
	Entries []GlossaryEntry
}

// GlossaryEntry is one source term.
type GlossaryEntry struct {
	// Source is the source-language term ("sensitivity label").
	Source string
	// Allowed are the accepted translations; a target whose source has the
	// term must use one of them. Empty: any translation.
	Allowed []string
	// Forbidden are translations that must not be used for the term.
	Forbidden []string
	// Line is the entry's line in the glossary file.
	Line int
}
