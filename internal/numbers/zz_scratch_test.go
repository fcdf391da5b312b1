package numbers

import (
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	loc := os.Getenv("LOC")
	for _, s := range []string{os.Getenv("S")} {
		for _, n := range Extract(s, loc) {
			fmt.Printf("%-10s %-20q val=%q alt=%q word=%v parts=%v [%d:%d]\n", n.Kind, n.Text, n.Value, n.Alt, n.Word, n.Parts, n.Start, n.End)
		}
	}
}
