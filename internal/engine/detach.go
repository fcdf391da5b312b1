package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"unsafe"

	"github.com/l10nlint/l10nlint/rules"
)

// A detacher copies the texts of a page's findings out of the page's text
// (which would otherwise stay in memory until the report is written) and
// fingerprints them. It remembers the copies of long segment texts and the
// hash state after them: a rule reporting many findings on one long segment
// (ten thousand repeated words in a generated page) would otherwise copy and
// hash the whole segment once per finding, quadratic in time and memory.
// The zero value (or nil) remembers nothing.
type detacher struct {
	texts  map[textKey]string
	hashes map[hashKey]hash.Hash
}

// textKey identifies a string by its bytes in memory: the findings of one
// segment carry the same substring of the page.
type textKey struct {
	p *byte
	n int
}

type hashKey struct {
	rule, path              string
	source, target, snippet textKey
}

// longText is the length from which a text is worth remembering.
const longText = 256

func keyOf(s string) textKey { return textKey{unsafe.StringData(s), len(s)} }

func (d *detacher) clone(s string) string {
	if d == nil || len(s) < longText {
		return strings.Clone(s)
	}
	k := keyOf(s)
	if c, ok := d.texts[k]; ok {
		return c
	}
	if d.texts == nil {
		d.texts = map[textKey]string{}
	}
	c := strings.Clone(s)
	d.texts[k] = c
	return c
}

// detach copies the texts of f that may be substrings of a page's text. It
// returns the keys of its segment texts as they were, in the page: the same
// for every finding of a segment, whatever their length (fingerprint).
func (d *detacher) detach(f *rules.Finding) (source, target textKey) {
	source, target = keyOf(f.Source), keyOf(f.Target)
	f.Message, f.SegmentID = strings.Clone(f.Message), strings.Clone(f.SegmentID)
	f.Source, f.Target = d.clone(f.Source), d.clone(f.Target)
	if len(f.Fixes) > 0 {
		fixes := make([]rules.Edit, len(f.Fixes))
		for i, e := range f.Fixes {
			fixes[i] = rules.Edit{Range: e.Range, New: strings.Clone(e.New)}
		}
		f.Fixes = fixes
	}
	return source, target
}

// fingerprint is a finding's stable identity for baselines and SARIF's
// partialFingerprints, independent of its line and of the directory the
// check runs from: a hash of its rule, the file's project path, the
// segment's texts, the flagged text and the message. source and target are
// the keys detach returned (the texts are hashed once per segment); a long
// snippet is a copy the detacher made (clone).
func (d *detacher) fingerprint(f rules.Finding, projectPath, snippet string, source, target textKey) string {
	h := d.hashed(hashKey{f.Rule, projectPath, source, target, textKey{}}, len(f.Source)+len(f.Target), nil,
		f.Rule, projectPath, f.Source, f.Target)
	msg := f.Message
	if f.Key != "" {
		msg = f.Key
	}
	if len(snippet) >= longText {
		// A long snippet (a whole target) is hashed once too.
		h = d.hashed(hashKey{f.Rule, projectPath, source, target, keyOf(snippet)}, len(snippet), h, snippet)
		return finish(h, msg)
	}
	return finish(h, snippet, msg)
}

// hashed returns a hash state after texts written to from (nil: a new
// SHA-256), each followed by a NUL byte, remembered under k when they are
// long (size bytes or more).
func (d *detacher) hashed(k hashKey, size int, from hash.Hash, texts ...string) hash.Hash {
	long := d != nil && size >= longText
	if long {
		if c, ok := d.hashes[k].(hash.Cloner); ok {
			if h, err := c.Clone(); err == nil {
				return h
			}
		}
	}
	h := from
	if h == nil {
		h = sha256.New()
	}
	for _, s := range texts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if c, ok := h.(hash.Cloner); long && ok {
		if saved, err := c.Clone(); err == nil {
			if d.hashes == nil {
				d.hashes = map[hashKey]hash.Hash{}
			}
			d.hashes[k] = saved
		}
	}
	return h
}

// finish writes the last texts and returns the fingerprint.
func finish(h hash.Hash, texts ...string) string {
	for _, s := range texts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// fingerprint is a finding's fingerprint without a detacher.
func fingerprint(f rules.Finding, projectPath, snippet string) string {
	return (*detacher)(nil).fingerprint(f, projectPath, snippet, textKey{}, textKey{})
}
