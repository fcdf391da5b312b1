package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/rules"
)

// longSegmentPages are generated pages whose one segment is long and full
// of problems, and a page of thousands of headings linked to: the shapes
// that once made a check quadratic (ten thousand repeated words took 60 s
// and 14 GB; twenty thousand ASCII commas after Chinese text 26 s; fifty
// thousand numbers a side minutes; thirty thousand links to as many
// headings 4 s).
func longSegmentPages(n int) map[string]string {
	seg := func(target, source string) string {
		return `<span data-ttu-id="a-1">` + target + `</span><span class="sxs-lookup"><span data-stu-id="a-1">` + source + "</span></span>\n"
	}
	var nums, other, links, otherLinks []string
	for i := range n {
		nums = append(nums, fmt.Sprint(100000+i))
		other = append(other, fmt.Sprint(500000+i))
		links = append(links, fmt.Sprintf("[x](a%d.md)", i))
		otherLinks = append(otherLinks, fmt.Sprintf("[x](b%d.md)", i))
	}
	var anchors strings.Builder
	for i := range n {
		fmt.Fprintf(&anchors, "## Vue d’ensemble\n\ntexte [x](#vue-densemble-%d)\n\n", i+1)
	}
	return map[string]string{
		"fr-FR/anchors.md": anchors.String(),
		"fr-FR/words.md":   seg(strings.Repeat("le ", n), "the"),
		"zh-CN/commas.md":  seg(strings.Repeat("中文,", n), strings.Repeat("Chinese, ", n)),
		"fr-FR/numbers.md": seg(strings.Join(other, " "), strings.Join(nums, " ")),
		"fr-FR/links.md":   seg(strings.Join(otherLinks, " "), strings.Join(links, " ")),
		// Versions the target writes with a comma (a regexp per version
		// scanned the whole target: 22 s for 286 KB).
		"fr-FR/versions.md": seg(strings.Repeat("TLS 1,3, ", n), strings.Repeat("TLS 1.2, ", n)),
		// A cmdlet's noun thousands of times in tags, alone and under
		// another verb (30 s for 570 KB when each was counted anew), and a
		// URL ending in thousands of parentheses.
		"fr-FR/cmdlets.md": seg(strings.Repeat("<b>Mailbox</b> Mailbox New-Mailbox ", n),
			"Set-Mailbox "+strings.Repeat("<b>Mailbox</b> Mailbox New-Mailbox ", n)),
		"fr-FR/parens.md": seg("Voir https://a.example/", "See https://a.example/"+strings.Repeat(")", 10*n)),
		// A monolingual page and its source whose items write a number as a
		// word and the next the other way (each a token moved between two
		// pairs: cubic once, minutes for 50,000 items).
		"fr-FR/mono.md": strings.Repeat("- Gardez deux copies.\n- Attendez 2 jours.\n", n),
		"en-US/mono.md": strings.Repeat("- Keep 2 copies.\n- Wait two days.\n", n),
		// Thousands of translations of one source (inconsistent-translation
		// compared each with each: 14 s for 12,000), and a target of
		// brackets and parentheses that close nowhere (each scanned to the
		// end: 8 s for 240 KB).
		"fr-FR/variants.md": variants(n),
		"fr-FR/brackets.md": seg("Cliquez "+strings.Repeat("(A [a ", n)+"maintenant.", "Click now."),
		// Colons before quoted values (the quotes before each counted anew)
		// and colons after bold (each no-break space's place among all the
		// emphasis runs): 6 s and 9 s for 40,000.
		"fr-FR/quoted.md":     seg(strings.Repeat(`Clé:"v" `, n), strings.Repeat(`Key:"v" `, n)),
		"fr-FR/boldcolons.md": seg(strings.Repeat("**Clé**: v ", n), strings.Repeat("**Key**: v ", n)),
		// Invisible characters, control characters and mojibake by the
		// thousand against a long source (each looked up in the source
		// once), and direction marks (the text's direction read once).
		// File names by the thousand, each broken by a space in the target
		// or translated.
		"fr-FR/filenames.md": seg(strings.Repeat("Rapport. csv et résultats.csv, ", n), strings.Repeat("Report.csv and Results.csv, ", n)),
		// Thousands of different names translated or cut, and names that
		// run into each other.
		"fr-FR/filenames2.md": seg(numbered("fichier%d.csv mon%d ", n), numbered("file%d.csv my%d.exe ", n)),
		"fr-FR/filenames3.md": seg("x", strings.Repeat("a.csv..", n)),
		// Thousands of identifiers the target words otherwise (each looked
		// for in the whole target: quadratic once).
		"fr-FR/identifiers.md": seg(numbered("fichier%d mon%d ", n), numbered("file%d my%d ", n)),
		// Thousands of different cmdlets translated (each counted and
		// looked for in the whole target once), code spans (each cut from
		// the prose from its start) and bare URLs changed (each paired by
		// deleting from a slice).
		"fr-FR/cmdlets2.md":  seg(numbered("Obtenir-Item%d Définir-Item%d ", n), numbered("Get-Item%d Set-Item%d ", n)),
		"fr-FR/codespans.md": seg(numbered("`c%d` `d%d` ", n), numbered("`k%d` `l%d` ", n)),
		"fr-FR/bareurls.md":  seg(numbered("https://x%d.example/a https://y%d.example/a ", n), numbered("https://u%d.example/b https://v%d.example/b ", n)),
		"fr-FR/invisible.md": seg(strings.Repeat("a\u200bb\u0099c\u200ed Ã© ", n), strings.Repeat("ab™cd ", 4*n)),
		// Thousands of different acronyms, each lower-cased by the target;
		// thousands of camel-case words the source has too, and one it
		// does not; thousands of navigation paths among code and tags;
		// link texts by the thousand left in English; extensions alone and
		// names of files, all broken by a space.
		"zh-CN/acronyms.md":  seg(lettered("导出 x%s 文件，", n, false), lettered("Export the X%s file, ", n, true)),
		"fr-FR/camel.md":     seg(lettered("le geHeimen%s ", n, false)+"vorFällen", lettered("the geHeimen%s ", n, false)),
		"fr-FR/paths.md":     seg(strings.Repeat("**a** \\> de **b** `c` <b>t</b> ", n), strings.Repeat("**a** \\> **b** `c` <b>t</b> ", n)),
		"fr-FR/linktexts.md": seg("Voir "+numbered("[Limits for Content Search %d](l%d.md) ", n), "See "+numbered("[Limits for Content Search %d](l%d.md) ", n)),
		"fr-FR/lonext.md":    seg(strings.Repeat("Rapport. csv et le fichier. csv, ", n), strings.Repeat("Report.csv and a .csv file, ", n)),
		// Separator dashes glued among thousands of links, and thousands of
		// MIME types re-cased.
		"fr-FR/dashes.md": seg(strings.Repeat("[a](b) x -y ", n), strings.Repeat("[a](b) x - y ", n)),
		"fr-FR/mime.md":   seg(numbered("Application/X-T%d Image/X-U%d ", n), numbered("application/x-t%d image/x-u%d ", n)),
		// Literals by the thousand, spaced by the target, one word of
		// thousands of them, and a cell of thousands of extensions.
		"fr-FR/literals.md":  seg(numbered("p%d = v%d ", n), numbered("p%d=v%d ", n)),
		"fr-FR/literals2.md": seg("x", strings.Repeat("a=b", n)),
		"fr-FR/literals3.md": seg(strings.Repeat("pp = vv ", n), strings.Repeat("pp=vv ", n)),
		"fr-FR/literals4.md": seg(strings.Repeat("v=1. ", n), strings.Repeat("v=1.0 ", n)),
		"fr-FR/extlist.md":   seg(strings.Repeat(". a; ", n), strings.Repeat(".a; ", n)+".a"),
	}
}

// lettered repeats format n times with a different run of letters (upper
// or lower case) for each repeat.
func lettered(format string, n int, upper bool) string {
	var b strings.Builder
	for i := range n {
		w := []byte{}
		for k := i; ; k /= 26 {
			w = append(w, byte('a'+k%26))
			if k < 26 {
				break
			}
		}
		if upper {
			w = []byte(strings.ToUpper(string(w)))
		}
		fmt.Fprintf(&b, format, w)
	}
	return b.String()
}

// numbered repeats format n times with the repeat's number.
func numbered(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i, i)
	}
	return b.String()
}

// variants is a page of n translations of one source, each worded apart.
func variants(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `<span data-ttu-id="v-%d">Cliquez sur le bouton pour enregistrer le fichier %x maintenant.</span>`+
			`<span class="sxs-lookup"><span data-stu-id="v-%d">Click the button to save the file now.</span></span>`+"\n\n", i, i*7919, i)
	}
	return b.String()
}

// BenchmarkLongSegments checks each generated page and writes its text
// report, at two sizes: the time per KB of page stays the same at both (it
// grew with the size before these shapes were made linear).
//
//	go test ./internal/engine -run '^$' -bench BenchmarkLongSegments
func BenchmarkLongSegments(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		dir := b.TempDir()
		for p, text := range longSegmentPages(n) {
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for p, text := range longSegmentPages(n) {
			b.Run(fmt.Sprintf("%s/%d", strings.TrimSuffix(filepath.Base(p), ".md"), n), func(b *testing.B) {
				cfg := config.Default()
				findings := 0
				for i := 0; i < b.N; i++ {
					res, err := Run([]string{filepath.Join(dir, p)}, Options{Config: cfg, Registry: rules.Default, Jobs: 1})
					if err != nil {
						b.Fatal(err)
					}
					run := &report.Run{Findings: res.Findings, Rules: res.Rules}
					if err := report.WriteText(discard{}, run, report.Options{}); err != nil {
						b.Fatal(err)
					}
					findings = len(res.Findings)
				}
				b.ReportMetric(float64(findings), "findings")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/(float64(len(text))/1024), "µs/KB")
			})
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
