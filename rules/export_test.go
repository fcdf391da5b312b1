package rules

var PairDelimsForTest = func(ds []Delim) ([]bool, []int) {
	paired, left, _ := pairDelims(ds)
	return paired, left
}

var IncreasingRunForTest = increasingRun
var BrokenMarkupForTest = brokenMarkup
