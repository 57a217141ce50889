package discretion

import (
	"slices"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// Facts are the established facts of a case that the discretion rules
// look at: who the party is, the bases of a fine set as a multiple, the
// circumstance factors, and the facts that decide procedures.
type Facts struct {
	// Party is the kind of party; it must be PartyCitizen or
	// PartyOrganisation.
	Party PartyType
	// Bases are the amounts a fine set as a multiple is computed from.
	Bases Bases
	// Factors are the circumstances established (情节), statutory or the
	// benchmark's own. Listing one twice changes nothing.
	Factors []FactorID
	// Declined are permissive factors among Factors that the agency has
	// decided, with reasons on file, not to give effect (可以...而不予适用).
	// A mandatory factor cannot be declined.
	Declined []FactorID
	// OtherNorms are the other standards the same act violates. One act
	// gets one fine, under the norm with the higher fine (行政处罚法 Art 29):
	// a norm whose statutory maximum for the facts is above the standard's
	// governs, and no fine is open under the standard. A nil entry, the
	// standard itself and a norm that sets no fine for the facts are
	// passed over.
	OtherNorms []*Standard
	// AlreadyFined records that the same act has already been fined, by
	// this or another agency: a second fine is barred (Art 29), while
	// penalties of other kinds stay open.
	AlreadyFined bool
	// PublicInterest: the case involves a major public interest (涉及重大
	// 公共利益), requiring legal review (Art 58 ¶1(1)).
	PublicInterest bool
	// Complex: the case is difficult or complex (疑难复杂、情节复杂),
	// requiring legal review (Art 58 ¶1(3)) and collective discussion
	// (Art 57 ¶2).
	Complex bool
	// Serious: a major violation (重大违法行为), requiring collective
	// discussion (Art 57 ¶2).
	Serious bool
	// HardToCollect: the fine would be hard to enforce unless collected
	// on the spot (不当场收缴事后难以执行, Art 68 ¶1(2)).
	HardToCollect bool
	// RemoteRequest: a remote, waterborne or hard-to-reach area where
	// paying at a bank or electronically is truly difficult, and the
	// party asked to pay on the spot (Art 69).
	RemoteRequest bool
}

// eval is the evaluation of facts against a standard shared by Assess,
// Check and Classify. Building it does not allocate.
type eval struct {
	s      *Standard
	t      tally
	mandNP bool // a mandatory no-penalty factor applies
	bands  BandSet
	win    winner
	r      *crange // the range that applies, nil when none
	base   decimal.Decimal
	am     *amounts // the range in yuan, nil when none
	// The facts the checks read again. The evaluation copies them rather
	// than point to the Facts: escape analysis does not tell the fields
	// of a struct apart, and a pointer here would move the caller's facts
	// to the heap on every Check.
	party        PartyType
	factors      []FactorID
	declined     []FactorID
	others       []*Standard
	alreadyFined bool
}

// evaluate checks the facts and works out the bands and the range: an
// evaluation. Besides an error for unusable facts it returns pickErr:
// why no range applies, which matters only when a fine is imposed.
func (s *Standard) evaluate(op string, f *Facts) (ev eval, pickErr, err error) {
	ev = eval{s: s, party: f.Party, factors: f.Factors, declined: f.Declined, others: f.OtherNorms, alreadyFined: f.AlreadyFined}
	if s == nil || s.b == nil {
		return ev, nil, inputErr(op, "", "", "nil or zero standard")
	}
	code := s.spec.Code
	if !f.Party.valid() {
		return ev, nil, inputErr(op, "facts.party", code, "party type must be citizen or organisation")
	}
	if s.bases != 0 { // only the bases the standard multiplies are read
		for k := BaseIllegalGains; k <= BaseOther; k++ {
			if s.bases&(1<<k) != 0 && !bounded(f.Bases.of(k), MaxAmountDigits) {
				return ev, nil, inputErr(op, "facts.bases", code, "%s is negative, too precise or too large", k.English())
			}
		}
	}
	for i, id := range f.Factors {
		fac := s.b.factor(id)
		if fac == nil {
			return ev, nil, &Error{Op: op, Path: at("facts.factors", i), Code: code, Err: problemf(ErrUnknownFactor, "%q", id)}
		}
		if slices.Contains(f.Declined, id) {
			continue
		}
		ev.t.add(fac)
		ev.mandNP = ev.mandNP || fac.Effect == EffectNoPenalty && fac.Force == ForceMandatory
	}
	for i, id := range f.Declined {
		fac := s.b.factor(id)
		switch {
		case fac == nil:
			return ev, nil, &Error{Op: op, Path: at("facts.declined", i), Code: code, Err: problemf(ErrUnknownFactor, "%q", id)}
		case fac.Force != ForcePermissive:
			return ev, nil, inputErr(op, at("facts.declined", i), code, "factor %q is mandatory (应当) and cannot be declined", id)
		case !slices.Contains(f.Factors, id):
			return ev, nil, inputErr(op, at("facts.declined", i), code, "factor %q is declined but not among the facts", id)
		}
	}
	ev.bands, ev.win = ev.t.resolve(s.b.doc.Policy.Conflict)
	if len(s.ranges) > 0 {
		ev.r, ev.base, pickErr = s.pick(op, f)
		if ev.r != nil {
			ev.am = ev.r.amountsFor(ev.base, s.places)
		}
	}
	return ev, pickErr, nil
}

// pick returns the range that applies to the facts, and the base when it
// is a multiple. A range for the party's own type comes before one for
// any party; a multiple range applies when its base is positive and at
// least its MinBase, the fixed range otherwise.
func (s *Standard) pick(op string, f *Facts) (*crange, decimal.Decimal, error) {
	var mult, flat *crange
	for _, r := range s.ranges {
		if r.party != f.Party && r.party != PartyUnknown {
			continue
		}
		if r.form == FormMultiple {
			if mult == nil || r.party != PartyUnknown {
				mult = r
			}
		} else if flat == nil || r.party != PartyUnknown {
			flat = r
		}
	}
	if mult != nil {
		base := f.Bases.of(mult.base)
		if base.Sign() > 0 && base.Cmp(mult.minBase) >= 0 {
			return mult, base, nil
		}
	}
	if flat != nil {
		return flat, decimal.Decimal{}, nil
	}
	if mult != nil {
		return nil, decimal.Decimal{}, inputErr(op, "facts.bases", s.spec.Code,
			"the fine is a multiple of the %s, which is not given or below %s yuan, and there is no fallback range", mult.base.English(), show(mult.minBase))
	}
	return nil, decimal.Decimal{}, inputErr(op, "facts.party", s.spec.Code, "no statutory range for a %s", f.Party.English())
}

// Choice is one lawful outcome of an assessment: a combination of
// penalty kinds, the bands it may be used in, and the fines it allows.
type Choice struct {
	// Kinds are the penalty kinds imposed together.
	Kinds KindSet
	// Bands are the assessed bands in which the combination may be used.
	Bands BandSet
	// Fine is the allowed fine when Kinds has KindFine; empty otherwise.
	Fine Amounts
}

// FactorUse is how an assessment used one of the facts' factors.
type FactorUse struct {
	// Factor is the factor, as the benchmark defines it.
	Factor Factor
	// Applied reports whether the factor shaped the outcome.
	Applied bool
	// Declined reports whether the agency declined the permissive factor.
	Declined bool
	// Overridden reports whether the conflict rule outweighed the factor.
	Overridden bool
}

// Assessment is the result of [Standard.Assess]: what the discretion
// rules allow for the facts of a case, and why.
type Assessment struct {
	// Standard is the violation code.
	Standard string
	// Party is the party type the range was chosen for.
	Party PartyType
	// Form is the form of the statutory range that applies; FormUnknown
	// when the standard has no fine or no range was needed.
	Form RangeForm
	// Base is the base a multiple was computed from; zero otherwise.
	Base decimal.Decimal
	// Statutory is the statutory fine range in yuan, rounded inward to
	// the unit.
	Statutory Amounts
	// Unit is the smallest step of a fine.
	Unit decimal.Decimal
	// Bands are the bands the outcome may lie in.
	Bands BandSet
	// Allowed is the hull of the fines every choice allows; empty when no
	// fine is allowed.
	Allowed Amounts
	// Choices are the lawful outcomes that impose a penalty. Imposing
	// none is lawful exactly when Bands holds BandNoPenalty. With no
	// choices and no such band, nothing under the standard is lawful for
	// the facts: the assessed bands offer no combination, or FineBarred
	// says why the fine is barred.
	Choices []Choice
	// FineBarred are the reasons no fine is open under the standard,
	// none when one is: ReasonDoubleFine when the act was already fined,
	// and ReasonLowerNorm, with the norm in its Norm field, for each
	// other norm whose statutory maximum for the facts is higher, so that
	// the fine follows that norm (行政处罚法 Art 29; see [Governing]).
	// They are the reasons [Standard.Check] gives for any fine, and with
	// any of them Choices holds no combination with a fine. They are
	// given whenever a statutory range applies, even with Bands
	// {不予处罚}.
	FineBarred []Reason
	// Factors are the facts' factors with how they were used.
	Factors []FactorUse
	// Triggers are the procedure rules some allowed outcome meets.
	Triggers []Trigger
	// Citations are the standard's, then those of the applied factors,
	// then the benchmark's.
	Citations []xn.Citation
}

// Allows reports whether a decision imposing kinds with the given fine
// (zero for none) is one of the assessment's choices: the kinds are a
// choice's, and the fine is in its range and a multiple of the unit.
// No penalty at all is allowed when Bands holds BandNoPenalty.
// [Standard.Check] accepts the amounts and kinds Allows allows, and only
// those.
func (a Assessment) Allows(kinds KindSet, fine decimal.Decimal) bool {
	if !bounded(fine, MaxAmountDigits) {
		return false
	}
	if kinds == 0 {
		return a.Bands.Has(BandNoPenalty) && fine.IsZero()
	}
	for _, c := range a.Choices {
		if c.Kinds != kinds {
			continue
		}
		if !kinds.Has(KindFine) {
			return fine.IsZero()
		}
		if c.Fine.Contains(fine) && multipleOf(fine, -a.Unit.Exponent()) {
			return true
		}
	}
	return false
}

// Assess returns what the standard allows for the facts: the bands, the
// lawful choices of penalty kinds with their fines, the factors used and
// the procedures the outcomes trigger.
//
// The bands follow from the factors: a no-penalty ground that applies
// decides; otherwise mitigating and aggravating factors move the outcome
// from the ordinary band, and the benchmark's [ConflictRule] settles a
// conflict. Fines are rounded inward to the standard's unit. Where the
// act was already fined, or another norm it violates sets a higher fine
// (行政处罚法 Art 29), no choice has a fine and FineBarred says why.
//
// It returns an error wrapping [ErrInvalidInput] or [ErrUnknownFactor]
// for unusable facts: an unknown party type or factor, a declined
// mandatory factor, a missing base for a fine set only as a multiple.
func (s *Standard) Assess(f Facts) (Assessment, error) {
	ev, pickErr, err := s.evaluate("assess", &f)
	if err != nil {
		return Assessment{}, err
	}
	if pickErr != nil && ev.bands != BandsOf(BandNoPenalty) {
		return Assessment{}, pickErr
	}
	a := Assessment{Standard: s.spec.Code, Party: f.Party, Unit: s.unit, Bands: ev.bands}
	if ev.am != nil {
		a.Form, a.Statutory = ev.r.form, ev.am.stat.amounts(s.places)
		if ev.r.form == FormMultiple {
			a.Base = ev.base
		}
	}
	// Art 29: one act, one fine, under the norm with the higher fine.
	if ev.am != nil {
		a.FineBarred = ev.fineBars(nil, &f)
	}
	// Choices.
	if ev.bands != BandsOf(BandNoPenalty) {
		for _, c := range s.combos {
			eff := c.bands & ev.bands
			if eff == 0 || len(a.FineBarred) > 0 && c.kinds.Has(KindFine) {
				continue
			}
			ch := Choice{Kinds: c.kinds, Bands: eff}
			if c.kinds.Has(KindFine) {
				ch.Fine = ev.hull(eff)
				if ch.Fine.IsEmpty() {
					continue
				}
				a.Allowed = hull(a.Allowed, ch.Fine)
			}
			a.Choices = append(a.Choices, ch)
		}
	}
	// Factors.
	seen := map[FactorID]bool{}
	for _, id := range f.Factors {
		if seen[id] {
			continue
		}
		seen[id] = true
		fac := s.b.factor(id)
		use := FactorUse{Factor: *fac, Declined: slices.Contains(f.Declined, id)}
		if !use.Declined {
			use.Overridden = ev.overridden(fac)
			use.Applied = !use.Overridden
		}
		a.Factors = append(a.Factors, use)
	}
	// Triggers.
	for _, r := range allRules(s, &f, ev.r, ev.am) {
		if a.reachable(&r) {
			a.Triggers = append(a.Triggers, r.trigger())
		}
	}
	// Citations.
	a.Citations = slices.Clone(s.spec.Citations)
	for _, u := range a.Factors {
		if u.Applied && !slices.Contains(a.Citations, u.Factor.Citation) {
			a.Citations = append(a.Citations, u.Factor.Citation)
		}
	}
	if !s.b.cite.IsZero() {
		a.Citations = append(a.Citations, s.b.cite)
	}
	return a, nil
}

// overridden reports whether the conflict rule outweighed an applied
// factor.
func (ev *eval) overridden(f *Factor) bool {
	switch ev.win {
	case noPenaltyWins:
		return f.Effect != EffectNoPenalty
	case mitigationWins:
		return f.Effect == EffectHeavier
	case aggravationWins:
		return f.Effect.mitigating()
	case offset:
		return f.Effect == EffectHeavier || f.Effect.mitigating()
	}
	return false
}

// hull returns the fines allowed in the bands eff, rounded: one range,
// since the bands an assessment allows together are neighbours (减轻 and
// 从轻 meet at the minimum).
func (ev *eval) hull(eff BandSet) Amounts {
	var out Amounts
	if ev.am == nil {
		return out
	}
	for b := BandMitigated; b <= BandHeavier; b++ {
		if eff.Has(b) {
			out = hull(out, ev.am.round.at(b).amounts(ev.s.places))
		}
	}
	return out
}

func hull(a, b Amounts) Amounts {
	switch {
	case a.IsEmpty():
		return b
	case b.IsEmpty():
		return a
	}
	return Amounts{Min: decimal.Min(a.Min, b.Min), Max: decimal.Max(a.Max, b.Max)}
}

// reachable reports whether some choice of the assessment can meet r.
func (a *Assessment) reachable(r *rule) bool {
	any := func(ok func(c *Choice) bool) bool {
		for i := range a.Choices {
			if ok(&a.Choices[i]) {
				return true
			}
		}
		return false
	}
	fines := func(ok func(c *Choice) bool) bool {
		return any(func(c *Choice) bool { return c.Kinds.Has(KindFine) && ok(c) })
	}
	switch r.when {
	case CondAlways:
		if r.proc == ProcedureCollection {
			return fines(func(*Choice) bool { return true })
		}
		return true
	case CondFineAtLeast:
		return fines(func(c *Choice) bool { return c.Fine.Max.Cmp(r.amount) >= 0 })
	case CondFineAtMost:
		return any(func(c *Choice) bool {
			if r.kinds != 0 && c.Kinds&^r.kinds != 0 {
				return false
			}
			return !c.Kinds.Has(KindFine) && r.proc != ProcedureCollection || c.Kinds.Has(KindFine) && c.Fine.Min.Cmp(r.amount) <= 0
		})
	case CondKinds:
		return any(func(c *Choice) bool { return c.Kinds&r.kinds != 0 })
	case CondConfiscationAtLeast:
		return any(func(c *Choice) bool { return c.Kinds&confiscationKinds != 0 })
	case CondMitigated:
		return fines(func(c *Choice) bool { return c.Bands.Has(BandMitigated) })
	case CondHearingHeld:
		return true // an agency may hold a hearing it was not obliged to offer
	}
	return false
}
