package rules

var PairDelimsForTest = pairDelims
