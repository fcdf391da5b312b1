package rules

// The suppression rules report on l10nlint-disable directives themselves;
// the engine produces their findings while applying the directives.

// UnusedSuppression reports directives that suppress nothing.
var UnusedSuppression = Register(&Rule{
	ID:       "unused-suppression",
	Tags:     []string{"suppression"},
	Severity: Warning,
	Short:    "An l10nlint-disable directive suppresses no finding",
	Doc: `Pages can silence findings with HTML comments (never inside code):

    <!-- l10nlint-disable RULE[,RULE] -- reason -->  ...  <!-- l10nlint-enable [RULE] -->
    <!-- l10nlint-disable-next-line RULE -- reason -->
    <!-- l10nlint-disable-line RULE -->
    <!-- l10nlint-disable-file RULE -->

Without RULE a directive covers every rule; rules are named by ID or alias; the reason after "--"
is kept with the suppressed findings in JSON and SARIF output. A directive that suppresses no
finding (the problem was fixed, or the rule name is wrong) is reported here, so that stale
suppressions do not hide future problems.`,
	Run: func(*Pass) {},
})

// InvalidSuppression reports directives that cannot be read.
var InvalidSuppression = Register(&Rule{
	ID:       "invalid-suppression",
	Tags:     []string{"suppression"},
	Severity: Error,
	Short:    "An l10nlint directive names an unknown rule or keyword, or enables nothing",
	Doc: `Reports l10nlint-* comments that l10nlint cannot apply: an unknown keyword (l10nlint-disabel),
an unknown rule name (pointing at the name), or an l10nlint-enable that closes no
l10nlint-disable. See unused-suppression for the directive syntax.`,
	Run: func(*Pass) {},
})
