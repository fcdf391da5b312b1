package engine

import (
	"sort"
	"sync"
	"time"
)

// Timings accumulate where a run spends its time (check --timings). Work
// done in parallel adds up: the totals are summed over the workers, so on
// N workers they reach up to N times the wall time, and they show what a
// rule costs whatever the parallelism.
type Timings struct {
	mu sync.Mutex
	// Wall is the run's elapsed time.
	Wall time.Duration
	// Parse is reading, decoding and parsing the files; Index building the
	// corpus facts of each page and the index; External checking http(s)
	// links (--external); Finish the steps after the rules (severity
	// mapping, sorting, suppression).
	Parse, Index, External, Finish time.Duration
	// Rules holds each rule's time, by ID: its page pass and its corpus
	// pass, with the placing of its findings in their files.
	Rules map[string]time.Duration
}

// RuleTime is one rule's share of a run.
type RuleTime struct {
	Rule string
	Time time.Duration
}

// ByRule returns the rules' times, the slowest first (ties by ID).
func (t *Timings) ByRule() []RuleTime {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]RuleTime, 0, len(t.Rules))
	for id, d := range t.Rules {
		out = append(out, RuleTime{id, d})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Time != out[j].Time {
			return out[i].Time > out[j].Time
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// A phase is one of the Timings' totals other than the rules'.
type phase int

const (
	phaseWall phase = iota
	phaseParse
	phaseIndex
	phaseExternal
	phaseFinish
)

// since adds the time since start to a phase; a nil Timings records
// nothing.
func (t *Timings) since(p phase, start time.Time) {
	if t == nil {
		return
	}
	el := time.Since(start)
	t.mu.Lock()
	defer t.mu.Unlock()
	switch p {
	case phaseWall:
		t.Wall += el
	case phaseParse:
		t.Parse += el
	case phaseIndex:
		t.Index += el
	case phaseExternal:
		t.External += el
	case phaseFinish:
		t.Finish += el
	}
}

// rule adds the time since start to rule id.
func (t *Timings) rule(id string, start time.Time) {
	if t == nil {
		return
	}
	el := time.Since(start)
	t.mu.Lock()
	if t.Rules == nil {
		t.Rules = map[string]time.Duration{}
	}
	t.Rules[id] += el
	t.mu.Unlock()
}

// now is time.Now when timings are recorded (the zero time otherwise, at
// no cost).
func (t *Timings) now() time.Time {
	if t == nil {
		return time.Time{}
	}
	return time.Now()
}
