package discretion

import (
	"slices"
	"strings"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// Procedure is a procedural step an outcome may require or permit, and
// a decision records.
type Procedure uint8

// Procedures. The zero value ProcedureUnknown is no procedure. The values
// are persisted: new procedures are only ever appended.
const (
	// ProcedureUnknown is no procedure.
	ProcedureUnknown Procedure = iota
	// ProcedureHearingNotice is telling the party of the right to a
	// hearing (告知听证权利), required by 行政处罚法 Art 63 for a large
	// fine, a large confiscation and the heavier kinds of penalty.
	ProcedureHearingNotice
	// ProcedureHearing is a hearing held at the party's request (举行听证,
	// Art 64–65). A decision records it; it then requires legal review
	// (Art 58 ¶1(2)).
	ProcedureHearing
	// ProcedureLegalReview is legal review before the decision (法制审核,
	// Art 58).
	ProcedureLegalReview
	// ProcedureCollective is collective discussion by the agency heads
	// (负责人集体讨论决定, Art 57 ¶2).
	ProcedureCollective
	// ProcedureSimplified is the simplified on-the-spot procedure
	// (简易程序，当场作出处罚决定, Art 51–52). It is a permission, not a
	// requirement.
	ProcedureSimplified
	// ProcedureCollection is collecting the fine on the spot (当场收缴,
	// Art 68–69). It is a permission, not a requirement.
	ProcedureCollection

	procedureEnd
)

var procedureLabels = []label{
	{"unknown", "未知程序", "unknown procedure"},
	{"hearing_notice", "告知听证权利", "hearing notice"},
	{"hearing", "举行听证", "hearing held"},
	{"legal_review", "法制审核", "legal review"},
	{"collective", "集体讨论决定", "collective discussion"},
	{"simplified", "简易程序", "simplified procedure"},
	{"collection", "当场收缴罚款", "on-the-spot collection"},
}

// String returns the procedure's code, e.g. "legal_review", or "unknown" for a
// value that has none.
func (p Procedure) String() string { return labelOf(procedureLabels, int(p)).code }

// Chinese returns the procedure in Chinese, e.g. 法制审核.
func (p Procedure) Chinese() string { return labelOf(procedureLabels, int(p)).zh }

// English returns the procedure in English, e.g. "legal review".
func (p Procedure) English() string { return labelOf(procedureLabels, int(p)).en }

// MarshalText writes the code, as [Procedure.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (p Procedure) MarshalText() ([]byte, error) {
	return marshalLabel(procedureLabels, int(p), "procedure")
}

// UnmarshalText reads a procedure from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (p *Procedure) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(procedureLabels, text, "procedure")
	if err == nil {
		*p = Procedure(i)
	}
	return err
}

// IsPermission reports whether the procedure is one the law permits
// rather than requires: the simplified procedure and on-the-spot
// collection.
func (p Procedure) IsPermission() bool {
	return p == ProcedureSimplified || p == ProcedureCollection
}

func (p Procedure) valid() bool { return p > ProcedureUnknown && p < procedureEnd }

// ProcedureSet is a set of procedures, such as those a decision records.
// The zero value is the empty set. Compare with ==.
type ProcedureSet uint16

// ProceduresOf returns the set of the given procedures. Unknown ones are
// left out.
func ProceduresOf(ps ...Procedure) ProcedureSet {
	var s ProcedureSet
	for _, p := range ps {
		if p.valid() {
			s |= 1 << p
		}
	}
	return s
}

// Has reports whether the set holds procedure p.
func (s ProcedureSet) Has(p Procedure) bool { return p.valid() && s&(1<<p) != 0 }

// String returns the codes of the procedures joined by commas, e.g.
// "hearing_notice,legal_review", or "none" for the empty set.
func (s ProcedureSet) String() string { return s.join(",", "none", Procedure.String) }

// Chinese returns the procedures in Chinese joined by 、, e.g.
// 告知听证权利、法制审核, or 无 for the empty set.
func (s ProcedureSet) Chinese() string { return s.join("、", "无", Procedure.Chinese) }

// English returns the procedures in English joined by ", ", or "none"
// for the empty set.
func (s ProcedureSet) English() string { return s.join(", ", "none", Procedure.English) }

func (s ProcedureSet) join(sep, none string, name func(Procedure) string) string {
	var parts []string
	for p := ProcedureHearingNotice; p < procedureEnd; p++ {
		if s.Has(p) {
			parts = append(parts, name(p))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, sep)
}

const allProcedures = (1<<procedureEnd - 1) &^ 1

// Condition says when a [Trigger] holds for a decision.
type Condition uint8

// Conditions. The zero value CondUnknown never holds.
const (
	// CondUnknown never holds.
	CondUnknown Condition = iota
	// CondAlways holds for every decision (for collection: every decision
	// with a fine).
	CondAlways
	// CondFineAtLeast holds when the fine is at least Amount.
	CondFineAtLeast
	// CondFineAtMost holds when the decision imposes a penalty, only of
	// the trigger's Kinds when it has any, and any fine is at most Amount.
	CondFineAtMost
	// CondKinds holds when the decision imposes one of Kinds.
	CondKinds
	// CondConfiscationAtLeast holds when the decision confiscates gains
	// or property worth at least Amount.
	CondConfiscationAtLeast
	// CondMitigated holds when the fine is below Amount, the statutory
	// minimum.
	CondMitigated
	// CondHearingHeld holds when the decision records a hearing.
	CondHearingHeld
)

var condLabels = []label{
	{"unknown", "未知条件", "unknown condition"},
	{"always", "一律", "always"},
	{"fine_at_least", "罚款达到", "fine at least"},
	{"fine_at_most", "罚款不超过", "fine at most"},
	{"kinds", "处罚种类包括", "kinds include"},
	{"confiscation_at_least", "没收数额达到", "confiscation at least"},
	{"mitigated", "低于法定最低限额", "below the statutory minimum"},
	{"hearing_held", "经过听证", "after a hearing"},
}

// String returns the condition's code, e.g. "fine_at_least", or "unknown" for a
// value that has none.
func (c Condition) String() string { return labelOf(condLabels, int(c)).code }

// Chinese returns the condition in Chinese, e.g. 罚款达到.
func (c Condition) Chinese() string { return labelOf(condLabels, int(c)).zh }

// English returns the condition in English, e.g. "fine at least".
func (c Condition) English() string { return labelOf(condLabels, int(c)).en }

// MarshalText writes the code, as [Condition.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (c Condition) MarshalText() ([]byte, error) {
	return marshalLabel(condLabels, int(c), "condition")
}

// UnmarshalText reads a condition from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (c *Condition) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(condLabels, text, "condition")
	if err == nil {
		*c = Condition(i)
	}
	return err
}

// Trigger is one rule by which an outcome requires a procedure, or
// permits one, with its legal basis: "a fine of 5,000 yuan or more for
// an organisation requires a hearing notice (行政处罚法 Art 63 ¶1(1) and
// the province's 较大数额 rule)". An [Assessment] lists the triggers that
// some allowed outcome meets; [Trigger.Holds] tells whether a given
// decision meets one.
type Trigger struct {
	// Procedure is the procedure required or permitted.
	Procedure Procedure
	// When is the condition under which the trigger holds.
	When Condition
	// Amount is the threshold of CondFineAtLeast, CondFineAtMost,
	// CondConfiscationAtLeast and CondMitigated, in yuan.
	Amount decimal.Decimal
	// Kinds are the kinds of CondKinds, or the only kinds CondFineAtMost
	// allows when not empty.
	Kinds KindSet
	// OnTheSpot restricts the trigger to decisions made under the
	// simplified procedure: on-the-spot collection under Art 68.
	OnTheSpot bool
	// Citations are the provisions behind the trigger.
	Citations []xn.Citation
}

// Holds reports whether decision d meets the trigger.
func (t Trigger) Holds(d Decision) bool {
	r := rule{proc: t.Procedure, when: t.When, amount: t.Amount, kinds: t.Kinds, onTheSpot: t.OnTheSpot}
	return r.holds(&d, 0, false)
}

// source names the provisions behind a rule; citations are built from
// it only when they are reported.
type source uint8

const (
	srcNone source = iota
	srcHearingFine
	srcHearingConfiscation
	srcHearingKinds
	srcReviewPublic
	srcReviewHearing
	srcReviewComplex
	srcReviewFine
	srcReviewKinds
	srcCollectiveFacts
	srcCollectiveFine
	srcCollectiveKinds
	srcCollectiveMitigated
	srcSimplified
	srcCollectionSmall
	srcCollectionHard
	srcCollectionRemote
)

// rule is a Trigger without its citations, cheap to build on every
// Check.
type rule struct {
	proc      Procedure
	when      Condition
	lim       *limit          // the threshold in units, when there is one
	amount    decimal.Decimal // the threshold in yuan
	kinds     KindSet
	onTheSpot bool
	src       source
	basis     *xn.Citation // the data rule behind a threshold, if any
}

// holds reports whether d meets the rule. The fine is given in yuan and,
// when fast, in the standard's units.
func (r *rule) holds(d *Decision, fu int64, fast bool) bool {
	if r.onTheSpot && !d.Procedures.Has(ProcedureSimplified) {
		return false
	}
	fine := d.Fine.Sign() > 0
	if r.proc == ProcedureCollection && !fine {
		return false
	}
	switch r.when {
	case CondAlways:
		return true
	case CondFineAtLeast:
		if !fine {
			return false
		}
		if r.lim != nil {
			return r.lim.atLeast(d.Fine, fu, fast)
		}
		return d.Fine.Cmp(r.amount) >= 0
	case CondFineAtMost:
		if d.Kinds == 0 || r.kinds != 0 && d.Kinds&^r.kinds != 0 {
			return false
		}
		if !fine {
			return true
		}
		if r.lim != nil {
			return r.lim.atMost(d.Fine, fu, fast)
		}
		return d.Fine.Cmp(r.amount) <= 0
	case CondKinds:
		return d.Kinds&r.kinds != 0
	case CondConfiscationAtLeast:
		return d.Kinds&confiscationKinds != 0 && d.Confiscated.Cmp(r.amount) >= 0
	case CondMitigated:
		return fine && d.Fine.Cmp(r.amount) < 0
	case CondHearingHeld:
		return d.Procedures.Has(ProcedureHearing)
	}
	return false
}

const confiscationKinds = 1<<KindConfiscateGains | 1<<KindConfiscateProperty

// staticRules returns the rules of a standard for a party that do not
// depend on the facts of a case, with the thresholds of pl. Standards
// compute them once, and share them with standards of the same unit and
// kinds.
func (s *Standard) staticRules(pl *procLimits, party PartyType) []rule {
	b := s.b
	pol := &b.doc.Policy
	lim := &pl.lim[party]
	fine := s.kinds.Has(KindFine)
	var out []rule
	// Hearing notice (Art 63).
	if lim.hearing.set && fine {
		out = append(out, rule{proc: ProcedureHearingNotice, when: CondFineAtLeast, lim: &lim.hearing, amount: lim.hearing.d, src: srcHearingFine, basis: &pol.Hearing.Basis})
	}
	if lim.confiscation.Sign() > 0 && s.kinds&confiscationKinds != 0 {
		out = append(out, rule{proc: ProcedureHearingNotice, when: CondConfiscationAtLeast, amount: lim.confiscation, src: srcHearingConfiscation, basis: &pol.ConfiscationHearing.Basis})
	}
	if k := s.kinds & b.hearingKinds; k != 0 {
		out = append(out, rule{proc: ProcedureHearingNotice, when: CondKinds, kinds: k, src: srcHearingKinds})
	}
	// Legal review (Art 58).
	out = append(out, rule{proc: ProcedureLegalReview, when: CondHearingHeld, src: srcReviewHearing})
	if lim.review.set && fine {
		out = append(out, rule{proc: ProcedureLegalReview, when: CondFineAtLeast, lim: &lim.review, amount: lim.review.d, src: srcReviewFine, basis: &pol.LegalReview.Basis})
	}
	if k := s.kinds & b.reviewKinds; k != 0 {
		out = append(out, rule{proc: ProcedureLegalReview, when: CondKinds, kinds: k, src: srcReviewKinds, basis: &pol.LegalReview.Basis})
	}
	// Collective discussion (Art 57 ¶2, and the benchmark's rules).
	if lim.collective.set && fine {
		out = append(out, rule{proc: ProcedureCollective, when: CondFineAtLeast, lim: &lim.collective, amount: lim.collective.d, src: srcCollectiveFine, basis: &pol.Collective.Basis})
	}
	if k := s.kinds & b.collectiveKinds; k != 0 {
		out = append(out, rule{proc: ProcedureCollective, when: CondKinds, kinds: k, src: srcCollectiveKinds, basis: &pol.Collective.Basis})
	}
	// Simplified procedure (Art 51) and on-the-spot collection (Art 68 ¶1(1)).
	out = append(out, rule{proc: ProcedureSimplified, when: CondFineAtMost, lim: &lim.simplified, amount: lim.simplified.d, kinds: KindsOf(KindWarning, KindFine), src: srcSimplified})
	if fine {
		out = append(out, rule{proc: ProcedureCollection, when: CondFineAtMost, lim: &lim.collection, amount: lim.collection.d, onTheSpot: true, src: srcCollectionSmall})
	}
	return out
}

// hasDynamic reports whether the facts and range give rise to any rule
// that dynamic lists.
func hasDynamic(f *Facts, r *crange) bool {
	return f.PublicInterest || f.Complex || f.Serious || f.HardToCollect || f.RemoteRequest || r != nil && r.mit.Collective
}

// dynRules are the rules that depend on the facts of a case, kept in an
// array so that listing them does not allocate.
type dynRules struct {
	r [6]rule
	n int
}

// dynamic lists the rules that depend on the facts of the evaluation.
// With the standard's static rules they are every procedure rule: the
// single source of both the triggers of Assess and the procedure checks
// of Check.
//
// It takes the parts of an evaluation rather than the evaluation itself,
// which points to the caller's facts: escape analysis would otherwise
// move the facts of every Check to the heap.
func dynamic(s *Standard, f *Facts, r *crange, am *amounts) dynRules {
	var l dynRules
	add := func(r rule) {
		if l.n < len(l.r) {
			l.r[l.n] = r
			l.n++
		}
	}
	if f.PublicInterest {
		add(rule{proc: ProcedureLegalReview, when: CondAlways, src: srcReviewPublic})
	}
	if f.Complex {
		add(rule{proc: ProcedureLegalReview, when: CondAlways, src: srcReviewComplex})
	}
	if f.Complex || f.Serious {
		add(rule{proc: ProcedureCollective, when: CondAlways, src: srcCollectiveFacts})
	}
	if r != nil && r.mit.Collective && am != nil && r.min.Sign() > 0 {
		add(rule{proc: ProcedureCollective, when: CondMitigated, amount: am.min.dec(), src: srcCollectiveMitigated, basis: &r.mit.Basis})
	}
	if s.kinds.Has(KindFine) {
		if f.HardToCollect {
			add(rule{proc: ProcedureCollection, when: CondAlways, onTheSpot: true, src: srcCollectionHard})
		}
		if f.RemoteRequest {
			add(rule{proc: ProcedureCollection, when: CondAlways, src: srcCollectionRemote})
		}
	}
	return l
}

// allRules returns every procedure rule of the evaluation, ordered by
// procedure.
func allRules(s *Standard, f *Facts, r *crange, am *amounts) []rule {
	dyn := dynamic(s, f, r, am)
	out := append(slices.Clone(s.proc.rules[f.Party]), dyn.r[:dyn.n]...)
	slices.SortStableFunc(out, func(a, b rule) int { return int(a.proc) - int(b.proc) })
	return out
}

// citations returns the provisions behind a rule.
func (r *rule) citations() []xn.Citation {
	pl := func(a int, pi ...int) xn.Citation { return xn.Cite(xn.PenaltyLaw, a, pi...) }
	var out []xn.Citation
	switch r.src {
	case srcHearingFine:
		out = []xn.Citation{pl(63, 1, 1)}
	case srcHearingConfiscation:
		out = []xn.Citation{pl(63, 1, 2)}
	case srcHearingKinds:
		out = []xn.Citation{pl(63, 1)}
	case srcReviewPublic:
		out = []xn.Citation{pl(58, 1, 1)}
	case srcReviewHearing:
		out = []xn.Citation{pl(58, 1, 2)}
	case srcReviewComplex:
		out = []xn.Citation{pl(58, 1, 3)}
	case srcReviewFine, srcReviewKinds:
		// A benchmark's own threshold: Art 58 ¶1 as a whole, then the
		// benchmark's basis. Not item (4), which covers only what
		// 法律、法规 require; see Policy.LegalReview.
		out = []xn.Citation{pl(58, 1)}
	case srcCollectiveFacts, srcCollectiveFine, srcCollectiveKinds:
		out = []xn.Citation{pl(57, 2)}
	case srcCollectiveMitigated:
		out = []xn.Citation{}
	case srcSimplified:
		out = []xn.Citation{pl(51)}
	case srcCollectionSmall:
		out = []xn.Citation{pl(68, 1, 1)}
	case srcCollectionHard:
		out = []xn.Citation{pl(68, 1, 2)}
	case srcCollectionRemote:
		out = []xn.Citation{pl(69)}
	}
	if r.basis != nil && !r.basis.IsZero() {
		out = append(out, *r.basis)
	}
	return out
}

// trigger returns the rule as a Trigger.
func (r *rule) trigger() Trigger {
	return Trigger{Procedure: r.proc, When: r.when, Amount: r.amount, Kinds: r.kinds, OnTheSpot: r.onTheSpot, Citations: r.citations()}
}
