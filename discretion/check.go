package discretion

import (
	"errors"
	"fmt"
	"slices"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// Decision is a proposed or recorded penalty decision (行政处罚决定) for
// one act, as [Standard.Check] examines it.
type Decision struct {
	// Kinds are the penalty kinds imposed; the empty set is a decision
	// not to penalise (不予行政处罚).
	Kinds KindSet
	// Fine is the fine in yuan: positive when Kinds has KindFine, zero
	// otherwise.
	Fine decimal.Decimal
	// Confiscated is the value in yuan of the gains or property
	// confiscated, when Kinds has a confiscation; it decides the hearing
	// notice of Art 63 ¶1(2).
	Confiscated decimal.Decimal
	// Procedures are the procedures the case record shows.
	Procedures ProcedureSet
}

// ReasonCode says why a decision lies outside a standard.
type ReasonCode uint8

// Reason codes. The zero value ReasonUnknown is no reason. The values
// are persisted: new codes are only ever appended.
const (
	// ReasonUnknown is no reason.
	ReasonUnknown ReasonCode = iota
	// ReasonAboveMaximum: the fine exceeds the statutory maximum.
	ReasonAboveMaximum
	// ReasonMitigationWithoutGround: the fine is below the statutory
	// minimum and no legal ground for mitigation applies (Art 30–32).
	ReasonMitigationWithoutGround
	// ReasonBelowFloor: the fine is below the benchmark's floor for
	// mitigation.
	ReasonBelowFloor
	// ReasonOutsideBand: the fine, or the outcome, is not in a band the
	// facts allow.
	ReasonOutsideBand
	// ReasonNoPenaltyWithoutGround: no penalty is imposed, but no ground
	// of Art 30, 31 or 33 applies.
	ReasonNoPenaltyWithoutGround
	// ReasonPenaltyBarred: a penalty is imposed although a mandatory
	// no_penalty ground applies (Art 30, 31, 33).
	ReasonPenaltyBarred
	// ReasonKindNotAllowed: the penalty kinds are not a combination the
	// standard allows in the assessed bands.
	ReasonKindNotAllowed
	// ReasonDoubleFine: the act has already been fined (Art 29).
	ReasonDoubleFine
	// ReasonLowerNorm: another norm the act violates sets a higher fine
	// and governs (Art 29).
	ReasonLowerNorm
	// ReasonProcedureMissing: a required procedure is missing from the
	// record.
	ReasonProcedureMissing
	// ReasonSimplifiedNotAllowed: the record shows the simplified
	// procedure, which the outcome does not permit (Art 51).
	ReasonSimplifiedNotAllowed
	// ReasonCollectionNotAllowed: the record shows on-the-spot
	// collection, which the outcome does not permit (Art 67–69).
	ReasonCollectionNotAllowed
	// ReasonNotRounded: the fine is not a multiple of the standard's unit.
	ReasonNotRounded
)

var reasonLabels = []label{
	{"unknown", "未知原因", "unknown reason"},
	{"above_maximum", "超过法定最高限额", "above the statutory maximum"},
	{"mitigation_without_ground", "减轻处罚无法定依据", "below the minimum without a legal ground"},
	{"below_floor", "低于减轻处罚下限", "below the floor for mitigation"},
	{"outside_band", "不在应适用的裁量阶次内", "outside the band the facts allow"},
	{"no_penalty_without_ground", "不予处罚无法定依据", "no penalty without a legal ground"},
	{"penalty_barred", "依法应当不予处罚", "penalty barred by law"},
	{"kind_not_allowed", "处罚种类不符合规定", "penalty kinds not allowed"},
	{"double_fine", "同一违法行为重复罚款", "second fine for the same act"},
	{"lower_norm", "未按罚款数额高的规定处罚", "not under the norm with the higher fine"},
	{"procedure_missing", "缺少法定程序", "required procedure missing"},
	{"simplified_not_allowed", "不得适用简易程序", "simplified procedure not permitted"},
	{"collection_not_allowed", "不得当场收缴罚款", "on-the-spot collection not permitted"},
	{"not_rounded", "罚款金额不符合取整规则", "fine not a multiple of the unit"},
}

// String returns the reason's code, e.g. "above_maximum", or "unknown"
// for a value that has none. It is the Code of the errors of [Verdict.Err].
func (c ReasonCode) String() string { return labelOf(reasonLabels, int(c)).code }

// Chinese returns the reason in Chinese, e.g. 超过法定最高限额.
func (c ReasonCode) Chinese() string { return labelOf(reasonLabels, int(c)).zh }

// English returns the reason in English, e.g. "above the statutory
// maximum".
func (c ReasonCode) English() string { return labelOf(reasonLabels, int(c)).en }

// MarshalText writes the code, as [ReasonCode.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (c ReasonCode) MarshalText() ([]byte, error) {
	return marshalLabel(reasonLabels, int(c), "reason code")
}

// UnmarshalText reads a reason from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (c *ReasonCode) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(reasonLabels, text, "reason code")
	if err == nil {
		*c = ReasonCode(i)
	}
	return err
}

// Reason is one reason a decision lies outside a standard, with the
// provisions it rests on.
type Reason struct {
	// Code says what is wrong.
	Code ReasonCode
	// Procedure is the procedure concerned, for the procedure reasons.
	Procedure Procedure
	// Allowed are the fines the facts allow, for the amount reasons.
	Allowed Amounts
	// Norm is, for ReasonLowerNorm, the other norm whose higher fine
	// governs (行政处罚法 Art 29); nil otherwise.
	Norm *Standard
	// Citations are the provisions the reason rests on.
	Citations []xn.Citation
}

// Verdict is the result of [Standard.Check].
type Verdict struct {
	// Bands are the bands the facts allow.
	Bands BandSet
	// Reasons are every reason the decision lies outside the standard,
	// none when it lies inside.
	Reasons []Reason
}

// OK reports whether the decision lies inside the standard.
func (v Verdict) OK() bool { return len(v.Reasons) == 0 }

// Err returns nil when the decision lies inside the standard, and
// otherwise one [*Error] per reason, joined, each wrapping
// [ErrNotCompliant] with the reason's code in its Code field.
func (v Verdict) Err() error {
	if v.OK() {
		return nil
	}
	errs := make([]error, len(v.Reasons))
	for i, r := range v.Reasons {
		msg := r.Code.English()
		if r.Procedure != ProcedureUnknown {
			msg += ": " + r.Procedure.English()
		}
		errs[i] = &Error{Op: "check", Path: at("reasons", i), Code: r.Code.String(),
			Err: fmt.Errorf("%w: %s", ErrNotCompliant, msg)}
	}
	return errors.Join(errs...)
}

// checkDecision rejects decisions that are malformed rather than
// outside the standard.
//
// fineOK reports that the fine is already known to be within limits.
func checkDecision(op, code string, d *Decision, fineOK bool) error {
	switch {
	case d.Kinds&^allKinds != 0:
		return &Error{Op: op, Path: "decision.kinds", Code: code, Err: problemf(ErrUnknownPenaltyKind, "set %#x", uint32(d.Kinds))}
	case d.Procedures&^allProcedures != 0:
		return inputErr(op, "decision.procedures", code, "unknown procedure in set %#x", uint16(d.Procedures))
	case !fineOK && !bounded(d.Fine, MaxAmountDigits):
		return inputErr(op, "decision.fine", code, "fine %s is negative, too precise or too large", show(d.Fine))
	case !d.Confiscated.IsZero() && !bounded(d.Confiscated, MaxAmountDigits):
		return inputErr(op, "decision.confiscated", code, "value %s is negative, too precise or too large", show(d.Confiscated))
	case d.Kinds.Has(KindFine) != (d.Fine.Sign() > 0):
		return inputErr(op, "decision.fine", code, "a decision has a positive fine exactly when its kinds include the fine")
	}
	return nil
}

// Check examines a decision against the standard and the facts, and
// returns every reason it lies outside: a fine outside the band the facts
// allow, above the maximum, below the range without a legal ground or
// below the floor; no penalty without a ground, or a penalty the law
// bars; penalty kinds the standard does not allow; a second fine for one
// act, or a fine under the lower of two norms (Art 29); a required
// procedure missing from the record, or a permitted one used where it is
// not permitted. Each reason carries its citations.
//
// Check accepts exactly the decisions [Assessment.Allows] allows, with
// the procedures the triggers require. For a fixed range it compares
// precomputed band edges in whole units and does not allocate unless it
// rejects.
//
// It returns an error, not a verdict, for unusable input: what
// [Standard.Assess] rejects, and a malformed decision (a fine without the
// fine kind or the reverse, a negative or out-of-range amount).
func (s *Standard) Check(f Facts, d Decision) (Verdict, error) {
	return s.check(f, d, true)
}

// check is Check; with units false it compares every amount as a
// decimal, the oracle the tests hold the whole-unit comparisons to.
func (s *Standard) check(f Facts, d Decision, units bool) (Verdict, error) {
	ev, pickErr, err := s.evaluate("check", &f)
	if err != nil {
		return Verdict{}, err
	}
	fu, whole, fits := toUnits(d.Fine, s.places)
	if err := checkDecision("check", s.spec.Code, &d, whole && fits && fu >= 0 && fu < s.proc.maxUnits); err != nil {
		return Verdict{}, err
	}
	fine := d.Fine.Sign() > 0
	if fine && ev.am == nil {
		if pickErr != nil {
			return Verdict{}, pickErr
		}
		return Verdict{}, inputErr("check", "decision.fine", s.spec.Code, "the standard sets no fine")
	}
	v := Verdict{Bands: ev.bands}
	if !units {
		whole = d.Fine.Equal(d.Fine.RoundFloor(s.places))
	}
	fast := whole && fits && units
	switch {
	case d.Kinds == 0:
		if !ev.bands.Has(BandNoPenalty) {
			v.add(Reason{Code: ReasonNoPenaltyWithoutGround, Citations: []xn.Citation{
				xn.Cite(xn.PenaltyLaw, 30), xn.Cite(xn.PenaltyLaw, 31), xn.Cite(xn.PenaltyLaw, 33)}})
		}
	case ev.bands == BandsOf(BandNoPenalty):
		code := ReasonOutsideBand
		if ev.mandNP {
			code = ReasonPenaltyBarred
		}
		v.add(Reason{Code: code, Citations: ev.factorCitations(EffectNoPenalty)})
	default:
		eff := BandSet(0)
		matched := false
		for _, c := range s.combos {
			if c.kinds == d.Kinds && c.bands&ev.bands != 0 {
				eff |= c.bands & ev.bands
				matched = true
			}
		}
		if !matched {
			v.add(Reason{Code: ReasonKindNotAllowed, Citations: ev.bandCitations()})
			eff = ev.bands
		}
		if fine {
			ev.checkFine(&v, &d, eff, fu, whole, fast)
		}
	}
	if fine {
		v.Reasons = ev.fineBars(v.Reasons, &f)
	}
	var required, permitted ProcedureSet
	collect := func(rules []rule) {
		for i := range rules {
			if rules[i].holds(&d, fu, fast) {
				if rules[i].proc.IsPermission() {
					permitted |= 1 << rules[i].proc
				} else {
					required |= 1 << rules[i].proc
				}
			}
		}
	}
	collect(s.proc.rules[f.Party])
	if hasDynamic(&f, ev.r) {
		dyn := dynamic(s, &f, ev.r, ev.am)
		collect(dyn.r[:dyn.n])
	}
	if missing := required &^ d.Procedures; missing != 0 {
		rules := allRules(s, &f, ev.r, ev.am)
		for p := ProcedureHearingNotice; p < procedureEnd; p++ {
			if missing.Has(p) {
				v.add(Reason{Code: ReasonProcedureMissing, Procedure: p, Citations: citeRules(&d, rules, p, fu, fast)})
			}
		}
	}
	for _, p := range [...]Procedure{ProcedureSimplified, ProcedureCollection} {
		if d.Procedures.Has(p) && !permitted.Has(p) {
			code, cites := ReasonSimplifiedNotAllowed, []xn.Citation{xn.Cite(xn.PenaltyLaw, 51)}
			if p == ProcedureCollection {
				code, cites = ReasonCollectionNotAllowed, []xn.Citation{xn.Cite(xn.PenaltyLaw, 67, 2), xn.Cite(xn.PenaltyLaw, 68), xn.Cite(xn.PenaltyLaw, 69)}
			}
			v.add(Reason{Code: code, Procedure: p, Citations: cites})
		}
	}
	return v, nil
}

func (v *Verdict) add(r Reason) { v.Reasons = append(v.Reasons, r) }

// checkFine adds the reasons a fine is outside the bands eff.
func (ev *eval) checkFine(v *Verdict, d *Decision, eff BandSet, fu int64, whole, fast bool) {
	am := ev.am
	if whole {
		for b := BandMitigated; b <= BandHeavier; b++ {
			if eff.Has(b) && am.round.at(b).holds(d.Fine, fu, fast) {
				return
			}
		}
	}
	allowed := ev.hull(eff)
	fv := valOf(d.Fine)
	if !whole {
		v.add(Reason{Code: ReasonNotRounded, Allowed: allowed, Citations: ev.bandCitations()})
	}
	switch {
	case fv.cmp(am.max) > 0:
		v.add(Reason{Code: ReasonAboveMaximum, Allowed: allowed, Citations: slices.Clone(ev.s.spec.Citations)})
	case fv.cmp(am.min) < 0:
		m := am.exact.at(BandMitigated)
		switch {
		case eff.Has(BandMitigated) && m.ok && fv.cmp(m.lo) < 0:
			cites := ev.factorCitations(EffectMitigated)
			if !ev.r.mit.Basis.IsZero() {
				cites = append(cites, ev.r.mit.Basis)
			}
			v.add(Reason{Code: ReasonBelowFloor, Allowed: allowed, Citations: cites})
		case eff.Has(BandMitigated):
			// Inside the mitigated band: only the rounding was wrong.
		case ev.groundToMitigate():
			v.add(Reason{Code: ReasonOutsideBand, Allowed: allowed, Citations: ev.bandCitations()})
		default:
			v.add(Reason{Code: ReasonMitigationWithoutGround, Allowed: allowed, Citations: append([]xn.Citation{
				xn.Cite(xn.PenaltyLaw, 30), xn.Cite(xn.PenaltyLaw, 31), xn.Cite(xn.PenaltyLaw, 32)}, ev.s.spec.Citations...)})
		}
	default:
		for b := BandLighter; b <= BandHeavier; b++ {
			if eff.Has(b) && am.exact.at(b).holds(fv) {
				return // inside the band: only the rounding was wrong
			}
		}
		v.add(Reason{Code: ReasonOutsideBand, Allowed: allowed, Citations: ev.bandCitations()})
	}
}

// groundToMitigate reports whether some factor of the facts, applied or
// outweighed, would allow a fine below the minimum. A permissive factor
// the agency declined is no ground: it was not given effect, so a fine
// below the minimum rests on nothing, as no penalty does when a
// permissive Art 33 ground is declined.
func (ev *eval) groundToMitigate() bool {
	for _, id := range ev.factors {
		if f := ev.s.b.factor(id); f != nil && (f.Effect == EffectMitigated || f.Effect == EffectLighterOrMitigated) &&
			!containsID(ev.declined, id) {
			return true
		}
	}
	return false
}

// fineBars appends to rs the reasons of Art 29 that bar any fine under
// the standard for the facts, and returns the extended slice: the act was
// already fined, and each other norm whose statutory maximum for the
// facts is above the standard's. Check gives them for every fine and
// Assess offers no fine when there are any, so that the two agree. They
// need the range that applies; with none there are none.
func (ev *eval) fineBars(rs []Reason, f *Facts) []Reason {
	if ev.am == nil {
		return rs
	}
	if ev.alreadyFined {
		rs = append(rs, Reason{Code: ReasonDoubleFine, Citations: []xn.Citation{xn.Cite(xn.PenaltyLaw, 29)}})
	}
	for _, n := range ev.others {
		if n == nil || n == ev.s {
			continue
		}
		if m, ok := n.statutoryMax(f); ok && valOf(m).cmp(ev.am.max) > 0 {
			rs = append(rs, Reason{Code: ReasonLowerNorm, Norm: n, Citations: append([]xn.Citation{xn.Cite(xn.PenaltyLaw, 29)}, n.spec.Citations...)})
		}
	}
	return rs
}

// statutoryMax returns the highest fine the standard allows for the
// facts, in yuan, and false when it sets no fine for them.
func (s *Standard) statutoryMax(f *Facts) (decimal.Decimal, bool) {
	if s == nil || len(s.ranges) == 0 || !f.Party.valid() {
		return decimal.Decimal{}, false
	}
	r, base, err := s.pick("governing", f)
	if err != nil || !bounded(base, MaxAmountDigits) {
		return decimal.Decimal{}, false
	}
	if r.form == FormMultiple {
		return r.max.Mul(base), true
	}
	return r.max, true
}

// factorCitations returns the citations of the applied factors with an
// effect, or of every applied factor when there are none.
func (ev *eval) factorCitations(e Effect) []xn.Citation {
	var out []xn.Citation
	for _, id := range ev.factors {
		if f := ev.s.b.factor(id); f != nil && f.Effect == e && !containsID(ev.declined, id) {
			out = appendCite(out, f.Citation)
		}
	}
	return out
}

// bandCitations returns the citations behind the assessed bands: the
// standard's, the benchmark's, and the factors'.
func (ev *eval) bandCitations() []xn.Citation {
	out := append([]xn.Citation(nil), ev.s.spec.Citations...)
	if !ev.s.b.cite.IsZero() {
		out = append(out, ev.s.b.cite)
	}
	out = append(out, xn.Cite(xn.PenaltyLaw, 34))
	for _, id := range ev.factors {
		if f := ev.s.b.factor(id); f != nil && !containsID(ev.declined, id) {
			out = appendCite(out, f.Citation)
		}
	}
	return out
}

func containsID(ids []FactorID, id FactorID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func appendCite(cs []xn.Citation, c xn.Citation) []xn.Citation {
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	return append(cs, c)
}

// citeRules returns the citations of the rules requiring p that d meets.
func citeRules(d *Decision, rules []rule, p Procedure, fu int64, fast bool) []xn.Citation {
	var out []xn.Citation
	for i := range rules {
		if rules[i].proc == p && rules[i].holds(d, fu, fast) {
			for _, c := range rules[i].citations() {
				out = appendCite(out, c)
			}
		}
	}
	return out
}

// Classify returns the bands a decision's outcome lies in, measured on
// the exact band edges for the facts: {不予处罚} for no penalty, the bands
// holding the fine (减轻 between the floor and the minimum), and the empty
// set for a penalty without a fine or a fine outside every band. A fine
// lies in two bands only where a scheme declares overlaps.
func (s *Standard) Classify(f Facts, d Decision) (BandSet, error) {
	ev, pickErr, err := s.evaluate("classify", &f)
	if err != nil {
		return 0, err
	}
	if err := checkDecision("classify", s.spec.Code, &d, false); err != nil {
		return 0, err
	}
	if d.Kinds == 0 {
		return BandsOf(BandNoPenalty), nil
	}
	if d.Fine.Sign() == 0 {
		return 0, nil
	}
	if ev.am == nil {
		if pickErr != nil {
			return 0, pickErr
		}
		return 0, inputErr("classify", "decision.fine", s.spec.Code, "the standard sets no fine")
	}
	var out BandSet
	fv := valOf(d.Fine)
	for b := BandMitigated; b <= BandHeavier; b++ {
		if ev.am.exact.at(b).holds(fv) {
			out |= 1 << b
		}
	}
	return out, nil
}

// Governing returns, of the norms one act violates, the one whose fine
// governs under 行政处罚法 Art 29: the norm with the highest statutory
// maximum for the facts (the first of equals). Norms that set no fine
// for the facts are passed over. It returns an error wrapping
// [ErrInvalidInput] when norms is empty, holds nil, or none sets a fine.
func Governing(norms []*Standard, f Facts) (*Standard, error) {
	var best *Standard
	var bestMax decimal.Decimal
	for i, n := range norms {
		if n == nil || n.b == nil {
			return nil, inputErr("governing", at("norms", i), "", "nil or zero standard")
		}
		if _, _, err := n.evaluate("governing", &f); err != nil {
			return nil, err
		}
		if m, ok := n.statutoryMax(&f); ok && (best == nil || m.Cmp(bestMax) > 0) {
			best, bestMax = n, m
		}
	}
	if best == nil {
		return nil, inputErr("governing", "norms", "", "no norm sets a fine for the facts")
	}
	return best, nil
}
