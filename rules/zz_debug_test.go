package rules

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	for _, p := range [][2]string{{"Checking Acct No.", "Checking Account No."}, {"social insurance number", "numero d'assurance sociale"}, {"Bank Acct No.", "Bank Account No."}} {
		a, b := readSourceWords(p[0]), readSourceWords(p[1])
		fmt.Printf("%+v\n%+v\n%v\n", a, b, wordsDiffer(a, b))
	}
}
