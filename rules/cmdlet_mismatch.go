package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// CmdletMismatch reports PowerShell cmdlet names of the source prose that
// the target translated, cut or changed.
var CmdletMismatch = Register(&Rule{
	ID:       "cmdlet-mismatch",
	Aliases:  []string{"powershell"},
	Tags:     []string{"segment", "code"},
	Severity: Error,
	Short:    "A PowerShell cmdlet name of the source is translated, cut or changed in the target",
	Doc: `Documentation names PowerShell cmdlets in running text, often in bold or as a link's text rather
than as code: "Run the **Set-IRMConfiguration** cmdlet". Machine translation takes them for words:
it translates the verb (festlegen-OMEConfiguration, Gruppe-SupervisoryReviewRule), drops it
(IRMConfiguration), translates the whole name (设置邮箱 for Set-Mailbox), swaps it for another
cmdlet's (new-compliancesearch for Start-ComplianceSearch) or glues a parameter to it
(Search-Mailbox-DeleteContent). A reader who types what the translation says runs the wrong
command or none.

A cmdlet name is one of PowerShell's approved verbs, capitalized as PowerShell writes it, a hyphen
and a noun starting with a capital letter (Get-Mailbox, New-ComplianceSearchAction), outside code
spans (code-mismatch compares those), link destinations and HTML tags; English compounds built
the same way (Add-In, Add-Ons, Read-Only, Pop-Up) are not cmdlets. The target must have each such
name as often as the source, anywhere in its text (translations reorder), code spans included,
ignoring case (PowerShell does: set-mailbox is Set-Mailbox); a name joined to a following word by
a hyphen counts (German compounds: Get-UrlTrace-Cmdlet-Referenz). Otherwise the source's places of
the noun are matched in order with the target's, and each place the target changed has a finding
naming what stands there: the noun with another or a translated verb, the noun alone; a name the
target never has, with nothing left in its place, is missing (one said again may be a pronoun
there: "cette cmdlet").

A name the target writes in other case (new-mailboxsearch for New-MailboxSearch) runs, but is not
the name as documented: it is reported a level below the rule's severity (a warning by default),
with a fix that writes it as the source does.

A parameter the source writes after the cmdlet (Search-Mailbox -DeleteContent) and the target
glues to it without the space (Search-Mailbox-DeleteContent) is reported too: PowerShell reads
that as a cmdlet name that does not exist.

Pages in the source language are skipped.`,
	Run:         runCmdletMismatch,
	Monolingual: true,
})

// powershellVerbs are PowerShell's approved verbs (Get-Verb).
var powershellVerbs = wordSet(`Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress
	Confirm Connect Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter
	Exit Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke Join Limit Lock Measure Merge
	Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename Repair
	Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip Split Start Step
	Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect Unpublish Unregister Update Use
	Wait Watch Write`)

// cmdletNotNouns end English compounds that look like cmdlets: Add-In,
// Pop-Up, Read-Only, Out-Of-Box.
var cmdletNotNouns = wordSet(`In Ins On Ons Up Ups Out Off Down Back Over Only All As Of To By Through Away Ahead
	Time Level Minded Write Read Driven Based Button Buttons Engine Engines Screen Top Paste Ready Friendly Wide Free
	Aside Forward Ups`)

// cmdletName is a cmdlet name in a text: raw[start:end], the hyphen at
// dash.
type cmdletName struct{ start, dash, end int }

func runCmdletMismatch(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) {
		return
	}
	for _, s := range p.Page.Segments {
		if !s.HasSource || strings.TrimSpace(s.Target.Raw) == "" || strings.IndexByte(s.Source.Raw, '-') < 0 {
			continue
		}
		names := cmdletNames(s.Source)
		if len(names) == 0 {
			continue
		}
		// The places checkCmdlets reports are not re-cased names too.
		var taken []Range
		report := p.Report
		p.Report = func(f Finding) { taken = append(taken, f.Range); report(f) }
		checkCmdlets(p, s, names)
		p.Report = report
		checkRecasedCmdlets(p, s, names, taken)
	}
}

// checkRecasedCmdlets reports a cmdlet name the target writes in other
// case (new-mailboxsearch, Get-Unifiedgroup for Get-UnifiedGroup), as
// many times as the source has the name and the target does not keep it:
// PowerShell runs it, so a level below the rule's severity, with a fix
// that writes it as the source does. Code spans, link destinations and
// tags are not read.
func checkRecasedCmdlets(p *Pass, s *Segment, names []cmdletName, taken []Range) {
	src, tgt := s.Source.Raw, s.Target.Raw
	skip := proseSkips(s.Target)
	for _, r := range taken {
		skip = append(skip, Range{Start: r.Start - s.Target.Range.Start, End: r.End - s.Target.Range.Start})
	}
	skip = sortMerge(skip)
	// The target's whole tokens of letters, digits and hyphens, by their
	// lower-case text: each name is looked up, not searched for.
	var byLower map[string][]int
	tokens := func() map[string][]int {
		if byLower == nil {
			byLower = map[string][]int{}
			for i := 0; i < len(tgt); {
				if !isASCIIWordByte(tgt[i]) {
					i++
					continue
				}
				j := i
				for j < len(tgt) && (isASCIIWordByte(tgt[j]) || tgt[j] == '-' && j+1 < len(tgt) && isASCIIWordByte(tgt[j+1])) {
					j++
				}
				if (i == 0 || tgt[i-1] != '_' && tgt[i-1] != '-') && (j == len(tgt) || tgt[j] != '_') {
					k := asciiLower(tgt[i:j])
					byLower[k] = append(byLower[k], i)
				}
				i = j
			}
		}
		return byLower
	}
	// The source's own spellings in its prose (not in a URL or code): a
	// form written so there is no re-casing.
	var srcForms map[string]bool
	inSource := func(form string) bool {
		if srcForms == nil {
			srcForms = map[string]bool{}
			hide := sortMerge(proseSkips(s.Source))
			for i := 0; i < len(src); {
				if !isASCIIWordByte(src[i]) {
					i++
					continue
				}
				j := i
				for j < len(src) && (isASCIIWordByte(src[j]) || src[j] == '-' && j+1 < len(src) && isASCIIWordByte(src[j+1])) {
					j++
				}
				if !overlaps(hide, i, j) {
					srcForms[src[i:j]] = true
				}
				i = j
			}
		}
		return srcForms[form]
	}
	want := map[string]int{}
	var order []string
	for _, n := range names {
		name := src[n.start:n.end]
		if want[name] == 0 {
			order = append(order, name)
		}
		want[name]++
	}
	for _, name := range order {
		at := tokens()[asciiLower(name)]
		kept := 0
		for _, i := range at {
			if tgt[i:i+len(name)] == name {
				kept++
			}
		}
		for _, i := range at {
			if kept >= want[name] {
				break
			}
			form := tgt[i : i+len(name)]
			if form == name || overlaps(skip, i, i+len(name)) || inSource(form) ||
				i > 0 && tgt[i-1] == '/' || i+len(name)+1 < len(tgt) && tgt[i+len(name)] == '.' && isASCIILetter(tgt[i+len(name)+1]) {
				continue // a URL's or a file's name (…/get-mailbox, get-mailbox.md), written so in the source too
			}
			kept++
			r := Range{Start: s.Target.Range.Start + i, End: s.Target.Range.Start + i + len(name)}
			p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity.Below(), Path: p.Page.Path, Range: r,
				Message:   fmt.Sprintf("cmdlet %s written %s: PowerShell ignores case, the documentation writes it as the source does", name, tgt[i:i+len(name)]),
				SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw, Fixes: []Edit{{Range: r, New: name}}})
		}
	}
}

// cmdletNames finds the cmdlet names of t's prose, link text included.
func cmdletNames(t Text) []cmdletName {
	raw := t.Raw
	var skip []Range // made at the first candidate: most hyphens start none
	made := false
	var out []cmdletName
	for i := strings.IndexByte(raw, '-'); i >= 0; {
		if n, ok := cmdletAt(raw, i); ok {
			if !made {
				skip, made = sortMerge(proseSkips(t)), true
			}
			if !overlaps(skip, n.start, n.end) {
				out = append(out, n)
			}
		}
		j := strings.IndexByte(raw[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return out
}

// cmdletAt reads a cmdlet name around the hyphen at i.
func cmdletAt(raw string, i int) (cmdletName, bool) {
	s := i
	for s > 0 && isASCIILetter(raw[s-1]) {
		s--
	}
	if s == i || s > 0 && (isASCIIWordByte(raw[s-1]) || raw[s-1] == '-' || letterBefore(raw, s)) || !powershellVerbs[raw[s:i]] {
		return cmdletName{}, false
	}
	e := i + 1
	if e >= len(raw) || raw[e] < 'A' || raw[e] > 'Z' {
		return cmdletName{}, false
	}
	for e < len(raw) && isASCIIWordByte(raw[e]) {
		e++
	}
	if e < len(raw) && (raw[e] == '-' || letterAt(raw, e)) || cmdletNotNouns[raw[i+1:e]] {
		return cmdletName{}, false // Set-Up-Guide, or glued to more letters
	}
	return cmdletName{start: s, dash: i, end: e}, true
}

// proseSkips returns the ranges of t (relative to its raw text) that hold
// no prose the rules read names, paths or dashes from: code spans, link
// destinations and autolinks, tags. Sort and merge them (sortMerge) to
// look places up with overlaps.
func proseSkips(t Text) []Range {
	var out []Range
	rel := func(r Range) Range { return Range{Start: r.Start - t.Range.Start, End: r.End - t.Range.Start} }
	for _, c := range t.Code {
		out = append(out, rel(c.Range))
	}
	for _, l := range t.Links {
		if l.Kind == AutoLink {
			out = append(out, rel(l.Range))
		} else if l.DestRange.End > l.DestRange.Start {
			out = append(out, rel(l.DestRange))
		}
	}
	for _, g := range t.Tags {
		out = append(out, rel(g.Range))
	}
	return out
}

// overlaps reports whether [start, end) meets one of the sorted, disjoint
// ranges rs.
func overlaps(rs []Range, start, end int) bool {
	k := sort.Search(len(rs), func(k int) bool { return rs[k].End > start })
	return k < len(rs) && rs[k].Start < end
}

// letterAt and letterBefore report whether the character at, or before,
// byte i of s is a letter or digit of any script.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func letterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// checkCmdlets reports each cmdlet name of the source the target lacks,
// and parameters glued to one.
func checkCmdlets(p *Pass, s *Segment, names []cmdletName) {
	src, tgt := s.Source.Raw, s.Target.Raw
	lower, srcLower := asciiLower(tgt), asciiLower(src)
	// Link destinations and tags of the target are no text a reader
	// types: [设置邮箱](https://.../set-mailbox) has no cmdlet name.
	var skip []Range
	rel := func(r Range) Range {
		return Range{Start: r.Start - s.Target.Range.Start, End: r.End - s.Target.Range.Start}
	}
	for _, l := range s.Target.Links {
		if l.DestRange.End > l.DestRange.Start && l.Kind != AutoLink {
			skip = append(skip, rel(l.DestRange))
		}
	}
	for _, g := range s.Target.Tags {
		skip = append(skip, rel(g.Range))
	}
	skip = sortMerge(skip)
	// The target's code spans may hold the name (found), but another
	// cmdlet there is code-mismatch's, not a replacement of this one.
	var code []Range
	for _, c := range s.Target.Code {
		code = append(code, rel(c.Range))
	}
	code = sortMerge(code)
	// Whole-token counts of a form in the target and the source, computed
	// once (a generated page repeats one noun thousands of times).
	counts := map[string][2]int{}
	var tgtTokens, srcTokens map[string]int // every whole token of each side, counted once needed
	count := func(form string) [2]int {
		c, ok := counts[form]
		if !ok {
			if !wordsAndHyphens(form) {
				// A form under a translated verb (删除-compliancesearch):
				// searched for.
				c = [2]int{countToken(lower, form), countToken(srcLower, form)}
				counts[form] = c
				return c
			}
			if tgtTokens == nil {
				tgtTokens, srcTokens = tokenCounts(lower), tokenCounts(srcLower)
			}
			c = [2]int{tgtTokens[form], srcTokens[form]}
			counts[form] = c
		}
		return c
	}
	var ends map[string][]int // where the target's words end, by their last three letters
	// The names of one noun (New- and Set-ComplianceSearch) are checked
	// together, place by place: the source's names in order against the
	// target's forms of the noun in order.
	type named struct {
		n          cmdletName
		name, verb string
	}
	var nouns []string
	byNoun := map[string][]named{}
	for _, n := range names {
		name := src[n.start:n.end]
		noun := strings.ToLower(src[n.dash+1 : n.end])
		if byNoun[noun] == nil {
			nouns = append(nouns, noun)
		}
		byNoun[noun] = append(byNoun[noun], named{n, name, strings.ToLower(src[n.start:n.dash])})
	}
	glued := map[string]bool{} // glued forms reported
	for _, noun := range nouns {
		group := byNoun[noun]
		if ends == nil {
			ends = wordEnds(lower)
		}
		forms := cmdletForms(tgt, lower, noun, skip, ends)
		// A name the target has as often as the source is there, wherever
		// it stands (a translation reorders "New-X, then Set-X"); the
		// other places are aligned with the target's forms.
		srcN, own := map[string]int{}, map[string]int{}
		for _, g := range group {
			srcN[g.verb]++
		}
		for _, f := range forms {
			if f.hyphen {
				own[f.prefix]++
			}
		}
		// found[k]: group[k]'s name is there as often as the source has it.
		// The found names still take part in the alignment, on their own
		// forms only, so that each place of the others lines up with the
		// form at its place ("get-x 和 Get-x" for "Get-X and Set-X": the
		// second is Set-X's, not the first).
		found := make([]bool, len(group))
		anyLeft := false
		for k, g := range group {
			if own[g.verb] > 0 {
				checkGluedParameter(p, s, g.n, lower, glued)
			}
			found[k] = own[g.verb] >= srcN[g.verb]
			anyLeft = anyLeft || !found[k]
		}
		if !anyLeft {
			continue
		}
		// Which form may stand for which place: the name's own (found
		// there), or another form not in code (another cmdlet there is
		// code-mismatch's) and not one the source has as often (another of
		// its cmdlets, a file name such as GetCaseHoldPolicy.txt) — one more
		// than the source has is ("new-compliancesearch 或
		// new-compliancesearch" for New- and Set-ComplianceSearch). Own forms
		// weigh most, then forms under a verb (festlegen-X), then the noun
		// alone.
		eligible := make([]bool, len(forms))
		for q, f := range forms {
			if overlaps(code, f.r.Start, f.r.End) {
				continue
			}
			// Counted as the whole word it stands in
			// (start-new-compliancesearch, not new-compliancesearch).
			c := count(lower[f.shown:f.r.End])
			eligible[q] = c[0] > c[1]
		}
		weight := func(k, q int) int {
			f := forms[q]
			switch {
			case f.hyphen && f.prefix == group[k].verb:
				return 20
			case found[k] || !eligible[q]:
				return 0
			case f.kind == "verb":
				return 11
			}
			return 10
		}
		// Two alignments: of all the names (the found ones on their own
		// forms), and of the others alone; the first unless the found names
		// stand in another order (a translation reorders "New-X, then
		// Set-X") or it leaves an other name worse placed.
		idx := []int{}
		for k := range group {
			if !found[k] {
				idx = append(idx, k)
			}
		}
		sub := alignForms(len(idx), len(forms), func(i, q int) int { return weight(idx[i], q) })
		full := alignForms(len(group), len(forms), weight)
		score := func(k, q int) int {
			if q < 0 {
				return 0
			}
			return weight(k, q)
		}
		useFull := true
		fullScore, subScore := 0, 0
		for k := range group {
			if found[k] && score(k, full[k]) != 20 {
				useFull = false
			}
		}
		for i, k := range idx {
			fullScore += score(k, full[k])
			subScore += score(k, sub[i])
		}
		assign := full
		if !useFull || fullScore < subScore {
			assign = make([]int, len(group))
			for k := range assign {
				assign[k] = -1
			}
			for i, k := range idx {
				assign[k] = sub[i]
			}
		}
		reported := map[string]bool{}
		for k, g := range group {
			if found[k] {
				continue
			}
			q := assign[k]
			switch {
			case q >= 0 && weight(k, q) == 20:
			case q >= 0:
				f := forms[q]
				at := Range{Start: s.Target.Range.Start + f.shown, End: s.Target.Range.Start + f.r.End}
				switch w := translatedVerbBefore(tgt, f.shown, g.verb); {
				case f.kind == "verb":
					p.ReportSegmentAt(s, at, "cmdlet %s changed: the target has %s", g.name, tgt[f.shown:f.r.End])
				case w >= 0:
					// "新 SupervisoryReviewPolicyV2": the verb translated, apart.
					at.Start = s.Target.Range.Start + w
					p.ReportSegmentAt(s, at, "cmdlet %s changed: the target has %s (its verb translated)", g.name, tgt[w:f.r.End])
				default:
					p.ReportSegmentAt(s, at, "cmdlet %s lost its verb: the target has %s", g.name, tgt[f.shown:f.r.End])
				}
				reported[g.name] = true
			case own[g.verb] == 0 && !reported[g.name]:
				// Named again, it may be a pronoun there ("cette cmdlet"):
				// missing only when the target never has it.
				p.ReportSegment(s, "cmdlet %s missing from the target: its name is translated or dropped", g.name)
				reported[g.name] = true
			}
		}
	}
}

// translatedVerbBefore returns where the verb's translation stands right
// before the noun at i, one space apart ("新 SupervisoryReviewPolicyV2" for
// New-), or -1; another word there ("运行 X", run X) is no verb of the name.
func translatedVerbBefore(tgt string, i int, verb string) int {
	if i < 2 || tgt[i-1] != ' ' {
		return -1
	}
	for _, w := range verbTranslations[verb] {
		if strings.HasSuffix(tgt[:i-1], w) {
			return i - 1 - len(w)
		}
	}
	return -1
}

// verbTranslations are the Chinese (simplified and traditional) and
// Japanese renderings of the commonest cmdlet verbs, which machine
// translation writes before the noun. Longer ones first (新建 before 新).
var verbTranslations = map[string][]string{
	"new":    {"新建", "新增", "新規", "新", "作成"},
	"get":    {"获取", "取得"},
	"set":    {"设置", "設定", "设定"},
	"remove": {"删除", "刪除", "移除", "削除"},
	"add":    {"添加", "新增", "追加"},
	"enable": {"启用", "啟用", "有効化"}, "disable": {"禁用", "停用", "無効化"},
	"start": {"启动", "啟動", "开始", "開始"}, "stop": {"停止"},
	"test": {"测试", "測試", "テスト"}, "search": {"搜索", "搜尋", "検索"},
	"import": {"导入", "匯入", "インポート"}, "export": {"导出", "匯出", "エクスポート"},
}

// alignForms assigns forms (in target order) to names (in source order),
// each at most once and in order, maximizing the total weight (0: not
// allowed): the form of each name, -1 for none. Past maxAlignCells, a
// greedy assignment in order.
func alignForms(names, forms int, weight func(k, q int) int) []int {
	assign := make([]int, names)
	for k := range assign {
		assign[k] = -1
	}
	if names == 0 || forms == 0 {
		return assign
	}
	if names*forms > maxAlignCells {
		// In order, each place taking the next form of its own, else the
		// next form it may take.
		q := 0
		for k := 0; k < names && q < forms; k++ {
			best := -1
			for x := q; x < forms; x++ {
				if w := weight(k, x); w >= 20 {
					best = x
					break
				} else if w > 0 && best < 0 {
					best = x
				}
			}
			if best >= 0 {
				assign[k], q = best, best+1
			}
		}
		return assign
	}
	best := make([][]int32, names+1)
	for k := range best {
		best[k] = make([]int32, forms+1)
	}
	for k := names - 1; k >= 0; k-- {
		for q := forms - 1; q >= 0; q-- {
			v := max(best[k+1][q], best[k][q+1])
			if w := weight(k, q); w > 0 {
				v = max(v, int32(w)+best[k+1][q+1])
			}
			best[k][q] = v
		}
	}
	for k, q := 0, 0; k < names && q < forms; {
		w := weight(k, q)
		switch {
		case w > 0 && best[k][q] == int32(w)+best[k+1][q+1]:
			assign[k] = q
			k, q = k+1, q+1
		case best[k][q] == best[k+1][q]:
			k++
		default:
			q++
		}
	}
	return assign
}

// maxAlignCells bounds alignForms' table (a generated page naming one
// noun thousands of times).
const maxAlignCells = 1 << 20

// cmdletForm is a place where the target has a cmdlet's noun.
type cmdletForm struct {
	r      Range  // relative to the target's raw text: the form, verb included
	kind   string // "verb": under a verb (another, translated or glued on); "noun": alone
	prefix string // the word before the noun, lower-case ("" for none)
	hyphen bool   // the prefix is joined by a hyphen (the name, or another verb)
	// shown is where the word the form is part of starts: before more
	// words joined by hyphens (start-new-compliancesearch), which the
	// message quotes whole.
	shown int
}

// cmdletForms finds the forms of noun (lower-case) in the target, in order.
func cmdletForms(tgt, lower, noun string, skip []Range, ends map[string][]int) []cmdletForm {
	var forms []cmdletForm
	// The places the noun ends a word (every one the noun can be at:
	// after it comes no ASCII letter or digit), looked up by its last three
	// letters; a shorter noun is searched for.
	var at []int
	if len(noun) >= 3 {
		for _, e := range ends[noun[len(noun)-3:]] {
			if e >= len(noun) && lower[e-len(noun):e] == noun {
				at = append(at, e-len(noun))
			}
		}
	} else {
		for i := indexFrom(lower, noun, 0); i >= 0; i = indexFrom(lower, noun, i+1) {
			at = append(at, i)
		}
	}
	for _, i := range at {
		e := i + len(noun)
		if e < len(lower) && (isASCIIWordByte(lower[e]) || latinLetterAt(tgt, e)) || overlaps(skip, i, e) {
			continue // part of a longer word, or a destination
		}
		ps := i
		hyphen := i > 0 && lower[i-1] == '-'
		if hyphen {
			ps--
		}
		// The word before: letters of one kind, Latin or not, so that
		// 运行Get-Mailbox has the verb Get and 并删除-X the verb 并删除.
		class := -1
		for ps > 0 {
			r, size := utf8.DecodeLastRuneInString(tgt[:ps])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			c := 0
			if r < 0x250 {
				c = 1
			}
			if ps == i && c == 0 || class >= 0 && c != class {
				break // 获取IRMConfiguration: the noun after another script's text
			}
			class = c
			ps -= size
		}
		switch {
		case ps == i:
			forms = append(forms, cmdletForm{r: Range{Start: i, End: e}, kind: "noun", shown: i})
		case hyphen:
			// The name itself, another verb (new-compliancesearch), a
			// translated one (festlegen-OMEConfiguration).
			shown := ps
			for shown > 1 && tgt[shown-1] == '-' && isASCIILetter(tgt[shown-2]) {
				k := shown - 1
				for k > 0 && isASCIILetter(tgt[k-1]) {
					k--
				}
				shown = k
			}
			forms = append(forms, cmdletForm{r: Range{Start: ps, End: e}, kind: "verb", prefix: lower[ps : i-1], hyphen: true, shown: shown})
		case powershellVerbs[strings.ToUpper(lower[ps:ps+1])+lower[ps+1:i]]:
			// A verb glued on (setComplianceSearch); other letters make
			// another word (GroupMailbox, SoftDeletedMailbox).
			forms = append(forms, cmdletForm{r: Range{Start: ps, End: e}, kind: "verb", prefix: lower[ps:i], shown: ps})
		}
	}
	return forms
}

// checkGluedParameter reports the places where a parameter that follows
// the cmdlet n in the source after a space is glued to it in the target;
// done holds the glued forms reported already.
func checkGluedParameter(p *Pass, s *Segment, n cmdletName, lower string, done map[string]bool) {
	src := s.Source.Raw
	i := n.end
	for i < len(src) && strings.IndexByte(" \t\r\n*_", src[i]) >= 0 {
		i++ // Search-Mailbox -DeleteContent, **Search-Mailbox** -DeleteContent, a line break
	}
	if i == n.end || i+1 >= len(src) || src[i] != '-' || !isASCIILetter(src[i+1]) {
		return
	}
	e := i + 1
	for e < len(src) && isASCIIWordByte(src[e]) {
		e++
	}
	glued := strings.ToLower(src[n.start:n.end] + src[i:e])
	if done[glued] {
		return
	}
	done[glued] = true
	for k := indexFrom(lower, glued, 0); k >= 0; k = indexFrom(lower, glued, k+1) {
		end := k + len(glued)
		if k > 0 && (isASCIIWordByte(lower[k-1]) || lower[k-1] == '-') || end < len(lower) && isASCIIWordByte(lower[end]) {
			continue
		}
		at := Range{Start: s.Target.Range.Start + k, End: s.Target.Range.Start + end}
		p.ReportSegmentAt(s, at, "parameter %s glued to the cmdlet %s: the source has %q, the target %q, which PowerShell reads as one name",
			src[i:e], src[n.start:n.end], src[n.start:n.end]+" "+src[i:e], s.Target.Raw[k:end])
	}
}

// asciiLower lower-cases the ASCII letters of s, keeping its length (so
// offsets stay valid).
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}

// tokenCounts counts, in a lower-cased text, countToken's whole tokens,
// all at once: from each place no letter, digit or hyphen comes before,
// the text up to each place one comes after a letter or digit and before
// no letter or digit (a run "get-item-x" counts "get", "get-item" and
// "get-item-x").
func tokenCounts(s string) map[string]int {
	m := map[string]int{}
	for i := 0; i < len(s); i++ {
		if !isASCIIWordByte(s[i]) || i > 0 && (isASCIIWordByte(s[i-1]) || s[i-1] == '-') {
			continue
		}
		j := i
		for j < len(s) && (isASCIIWordByte(s[j]) || s[j] == '-') {
			j++
			if isASCIIWordByte(s[j-1]) && (j == len(s) || !isASCIIWordByte(s[j])) {
				m[s[i:j]]++
			}
		}
		i = j
	}
	return m
}

// wordsAndHyphens reports whether s is ASCII letters, digits and hyphens,
// starting and ending with a letter or digit.
func wordsAndHyphens(s string) bool {
	if s == "" || !isASCIIWordByte(s[0]) || !isASCIIWordByte(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIWordByte(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}

// wordEnds indexes the places where runs of ASCII letters and digits end
// by the run's last three bytes.
func wordEnds(s string) map[string][]int {
	m := map[string][]int{}
	for j := 3; j <= len(s); j++ {
		if isASCIIWordByte(s[j-1]) && (j == len(s) || !isASCIIWordByte(s[j])) && isASCIIWordByte(s[j-2]) && isASCIIWordByte(s[j-3]) {
			m[s[j-3:j]] = append(m[s[j-3:j]], j)
		}
	}
	return m
}

// countToken counts the places s has tok as a whole token: not inside a
// longer word or hyphenated name.
func countToken(s, tok string) int {
	n := 0
	for i := indexFrom(s, tok, 0); i >= 0; i = indexFrom(s, tok, i+1) {
		e := i + len(tok)
		before := i > 0 && (isASCIIWordByte(s[i-1]) || s[i-1] == '-')
		after := e < len(s) && isASCIIWordByte(s[e])
		if !before && !after {
			n++
		}
	}
	return n
}

// latinLetterAt reports whether the character at byte i of s is a
// non-ASCII Latin letter (Mailboxé is one word; Mailbox。 is not).
func latinLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= 0x80 && r < 0x250 && unicode.IsLetter(r)
}

// sortMerge sorts ranges by start and merges those that overlap or touch.
func sortMerge(rs []Range) []Range {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}
