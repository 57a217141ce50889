package discretion

// ConflictRule decides the band when applied factors pull in opposite
// directions (情节冲突), e.g. a party who actively reduced the harm
// (mitigating) but repeated the violation within a year (aggravating).
// The Penalty Law has no general rule for this, so a benchmark chooses
// one in its [Policy].
//
// Every rule keeps what the Law itself makes binding, in this order:
//
//  1. A no_penalty ground that applies (Art 30, 31, 33; a permissive one
//     the agency has not declined) decides: no penalty. Aggravating
//     factors in a benchmark cannot take away a ground the Law gives.
//  2. A mandatory mitigating ground (应当从轻或者减轻, Art 30 and 32)
//     binds: the outcome is lighter or mitigated, whatever aggravates.
//
// The rules differ only where the Law leaves the choice to the agency:
// mitigation that is permissive, against aggravation of either force.
type ConflictRule uint8

// Conflict rules. The zero value ConflictBalance is the default.
const (
	// ConflictBalance is the default: a mandatory factor beats a
	// permissive one, mandatory mitigation beats mandatory aggravation
	// (the Law's grounds outrank a benchmark's), and permissive factors
	// on both sides offset each other, leaving the ordinary band
	// (从轻从重情节相抵，按一般处罚). It treats like cases alike and keeps
	// both kinds of factor meaningful.
	ConflictBalance ConflictRule = iota
	// ConflictLenient lets any applied mitigating factor win over any
	// aggravating factor (有利于当事人).
	ConflictLenient
	// ConflictStrict lets any aggravating factor win over permissive
	// mitigation; mandatory mitigation still wins (从严).
	ConflictStrict

	conflictEnd
)

var conflictLabels = []label{
	{"balance", "强制情节优先、可选情节相抵", "mandatory first, permissive factors offset"},
	{"lenient", "有利于当事人", "mitigation prevails"},
	{"strict", "从严", "aggravation prevails over permissive mitigation"},
}

// String returns the rule's code, e.g. "lenient", or "unknown" for a
// value out of range.
func (r ConflictRule) String() string {
	if !r.valid() {
		return "unknown"
	}
	return conflictLabels[r].code
}

// Chinese returns the rule in Chinese, e.g. 有利于当事人.
func (r ConflictRule) Chinese() string {
	if !r.valid() {
		return "未知规则"
	}
	return conflictLabels[r].zh
}

// English returns the rule in English.
func (r ConflictRule) English() string {
	if !r.valid() {
		return "unknown rule"
	}
	return conflictLabels[r].en
}

// MarshalText writes the code, as [ConflictRule.String] does. A value
// out of range has none: it is an error wrapping [ErrInvalidInput].
func (r ConflictRule) MarshalText() ([]byte, error) {
	return marshalLabel(conflictLabels, int(r), "conflict rule")
}

// UnmarshalText reads a rule from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (r *ConflictRule) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(conflictLabels, text, "conflict rule")
	if err == nil {
		*r = ConflictRule(i)
	}
	return err
}

func (r ConflictRule) valid() bool { return r < conflictEnd }

// tally sums up the applied factors of a case. It is filled without
// allocating, so that Check stays cheap.
type tally struct {
	noPenalty bool // an applied factor removes the penalty
	mit       bool // an applied factor mitigates
	mandMit   bool // a mandatory one does
	lo, hi    Band // the bands the mitigating factors allow together
	agg       bool // an applied factor aggravates
	mandAgg   bool // a mandatory one does
}

func (t *tally) add(f *Factor) {
	switch {
	case f.Effect == EffectNoPenalty:
		t.noPenalty = true
	case f.Effect.mitigating():
		lo, hi := f.Effect.span()
		if !t.mit {
			t.lo, t.hi = lo, hi
		} else {
			t.lo, t.hi = min(t.lo, lo), min(t.hi, hi)
		}
		t.mit = true
		t.mandMit = t.mandMit || f.Force == ForceMandatory
	case f.Effect == EffectHeavier:
		t.agg = true
		t.mandAgg = t.mandAgg || f.Force == ForceMandatory
	}
}

// winner says which side of a conflict decided the band.
type winner uint8

const (
	noConflict winner = iota
	mitigationWins
	aggravationWins
	offset
	noPenaltyWins
)

// resolve returns the bands the applied factors allow under rule r, and
// which side won when they conflicted.
//
// Adding a mitigating factor never raises the most severe band allowed,
// and adding an aggravating one never lowers the most lenient band: the
// mitigating span is narrowed to the lowest upper end of all the
// mitigating factors, and each rule only ever moves towards the side a
// new factor pulls to.
func (t *tally) resolve(r ConflictRule) (BandSet, winner) {
	switch {
	case t.noPenalty:
		if t.mit || t.agg {
			return BandsOf(BandNoPenalty), noPenaltyWins
		}
		return BandsOf(BandNoPenalty), noConflict
	case !t.mit && !t.agg:
		return BandsOf(BandOrdinary), noConflict
	case t.mit && !t.agg:
		return bandSpan(t.lo, t.hi), noConflict
	case !t.mit && t.agg:
		return BandsOf(BandHeavier), noConflict
	}
	switch {
	case t.mandMit, r == ConflictLenient:
		return bandSpan(t.lo, t.hi), mitigationWins
	case t.mandAgg, r == ConflictStrict:
		return BandsOf(BandHeavier), aggravationWins
	}
	return BandsOf(BandOrdinary), offset
}
