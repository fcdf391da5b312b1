package rules

var PairDelimsForTest = pairDelims

var IncreasingRunForTest = increasingRun
var BrokenMarkupForTest = brokenMarkup
