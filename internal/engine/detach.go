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
	rule, path     string
	source, target textKey
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

// detach copies the texts of f that may be substrings of a page's text.
func (d *detacher) detach(f *rules.Finding) {
	f.Message, f.SegmentID = strings.Clone(f.Message), strings.Clone(f.SegmentID)
	f.Source, f.Target = d.clone(f.Source), d.clone(f.Target)
	if len(f.Fixes) > 0 {
		fixes := make([]rules.Edit, len(f.Fixes))
		for i, e := range f.Fixes {
			fixes[i] = rules.Edit{Range: e.Range, New: strings.Clone(e.New)}
		}
		f.Fixes = fixes
	}
}

// fingerprint is a finding's stable identity for baselines and SARIF's
// partialFingerprints, independent of its line and of the directory the
// check runs from: a hash of its rule, the file's project path, the
// segment's texts, the flagged text and the message. Call it on the
// detached finding, whose long texts the detacher knows.
func (d *detacher) fingerprint(f rules.Finding, projectPath, snippet string) string {
	var h hash.Hash
	long := d != nil && len(f.Source)+len(f.Target) >= longText
	k := hashKey{f.Rule, projectPath, keyOf(f.Source), keyOf(f.Target)}
	if long {
		if c, ok := d.hashes[k].(hash.Cloner); ok {
			if h2, err := c.Clone(); err == nil {
				h = h2
			}
		}
	}
	if h == nil {
		h = sha256.New()
		for _, s := range []string{f.Rule, projectPath, f.Source, f.Target} {
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
	}
	for _, s := range []string{snippet, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// fingerprint is a finding's fingerprint without a detacher.
func fingerprint(f rules.Finding, projectPath, snippet string) string {
	return (*detacher)(nil).fingerprint(f, projectPath, snippet)
}
