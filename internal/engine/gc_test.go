package engine

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestCrowded(t *testing.T) {
	for _, c := range []struct {
		live  uint64
		limit int64
		want  bool
	}{
		{180 << 20, MemoryLimit, false}, // the corpus's peak: batch pacing all along
		{200 << 20, MemoryLimit, false},
		{210 << 20, MemoryLimit, true}, // past three quarters of the limit
		{800 << 20, MemoryLimit, true},
		{0, MemoryLimit, false},
		{1 << 20, 0, false}, // no limit
	} {
		if got := crowded(c.live, c.limit); got != c.want {
			t.Errorf("crowded(%d MiB, %d MiB) = %v, want %v", c.live>>20, c.limit>>20, got, c.want)
		}
	}
}

func gogc() int64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// BatchGC turns collection off under a limit, and gives the default pacing
// back once the live heap crowds the limit.
func TestBatchGCFallsBack(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)

	// A live heap far below the limit: collection stays off.
	restore := batchGC(1<<30, time.Millisecond)
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := gogc(); got == 100 {
		t.Errorf("GOGC %d with a small live heap, want collection off", got)
	}
	restore()

	// A live heap of 56 MiB under a 64 MiB limit: the default pacing.
	restore = batchGC(64<<20, time.Millisecond)
	keep := make([][]byte, 56)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
	}
	runtime.GC()
	deadline := time.Now().Add(2 * time.Second)
	for gogc() != 100 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got, limit := gogc(), debug.SetMemoryLimit(-1); got != 100 || limit != 1<<63-1 {
		t.Errorf("GOGC %d, memory limit %d after the heap crowded the limit: want 100 and none", got, limit)
	}
	runtime.KeepAlive(keep)
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("memory limit %d after restore, want %d", got, before)
	}
}
