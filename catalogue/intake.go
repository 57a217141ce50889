package catalogue

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
)

// Application is what the intake check (收件审查) reads of an application
// handed in at a unit's window.
type Application struct {
	// Item is the code of the item applied for.
	Item string
	// On is the day the application is received.
	On date.Date
	// Unit is the unit receiving the application. When it is set and is
	// not the item's implementing unit, the matter is outside its powers
	// (行政许可法 Art 32 ¶1(2)) and the result names the item's unit as
	// the competent one. Empty means the item's own unit.
	Unit string
	// Materials are the materials handed in, by the names the item's
	// list gives them, each found conforming or not by the officer.
	Materials map[string]Submitted
	// Refusal, when set, is the officer's finding that the application
	// cannot be accepted for a reason the materials do not show: the
	// matter needs no licence (Art 32 ¶1(1)), lies outside the unit's
	// powers (Art 32 ¶1(2)), or another ground of law.
	Refusal Refusal
}

// Submitted is one material as handed in: whether the officer found it
// conforming (齐全、符合法定形式), and a note on what is wrong with it.
type Submitted struct {
	Conforming bool
	Note       string
}

// Refusal is a ground for not accepting an application (不予受理), with
// the reason told to the applicant and, where the matter belongs
// elsewhere, the competent unit (告知申请人向有关行政机关申请).
type Refusal struct {
	Ground Ground
	// Reason says why, for the applicant; empty takes the ground's label.
	Reason string
	// Competent is the unit to apply to instead. Required for
	// GroundOutsideRemit.
	Competent string
	// Basis is the provision of the ground, if the caller cites one;
	// empty takes the procedure's. Required for GroundOther.
	Basis xiaoneng.Citation
}

// IsZero reports whether no refusal is set.
func (r Refusal) IsZero() bool { return r == Refusal{} }

// Ground is why an application is not accepted. Values are stored: they
// are never reordered, only appended.
type Ground uint8

// Grounds. The zero value, GroundUnknown, is no ground.
const (
	GroundUnknown Ground = iota
	// GroundNoLicenceNeeded: the matter needs no licence in law
	// (申请事项依法不需要取得行政许可, 行政许可法 Art 32 ¶1(1)), e.g.
	// selling only prepackaged food, which is filed, not licensed
	// (食品安全法 Art 35 ¶1).
	GroundNoLicenceNeeded
	// GroundOutsideRemit: the matter is outside the unit's powers
	// (不属于本行政机关职权范围, 行政许可法 Art 32 ¶1(2)).
	GroundOutsideRemit
	// GroundOther: another ground of law; cite it in Refusal.Basis.
	GroundOther
)

var groundLabels = [...]label{
	GroundUnknown:         {"unknown", "未知", "unknown"},
	GroundNoLicenceNeeded: {"no_licence_needed", "申请事项依法不需要取得行政许可", "the matter needs no licence"},
	GroundOutsideRemit:    {"outside_remit", "申请事项依法不属于本行政机关职权范围", "the matter is outside the agency's powers"},
	GroundOther:           {"other", "其他依法不予受理的情形", "another ground of law"},
}

// String returns the ground's code: "outside_remit".
func (g Ground) String() string { return labelOf(groundLabels[:], g).code }

// Chinese returns the ground in Chinese: 申请事项依法不属于本行政机关职权范围.
func (g Ground) Chinese() string { return labelOf(groundLabels[:], g).zh }

// English returns the ground in English.
func (g Ground) English() string { return labelOf(groundLabels[:], g).en }

// MarshalText writes the ground's code. It refuses GroundUnknown and
// values out of range.
func (g Ground) MarshalText() ([]byte, error) { return marshalLabel(groundLabels[:], g, "ground") }

// UnmarshalText reads a ground from its code or its Chinese label.
func (g *Ground) UnmarshalText(b []byte) error {
	return unmarshalLabel(groundLabels[:], g, b, "ground")
}

// Outcome is the outcome of the intake check. Exactly one holds for an
// application. Values are stored: they are never reordered, only
// appended.
type Outcome uint8

// Outcomes. The zero value, OutcomeUnknown, is never a result.
const (
	OutcomeUnknown Outcome = iota
	// OutcomeAccept: every required material is in and conforming;
	// accept (受理, 行政许可法 Art 32 ¶1(5)).
	OutcomeAccept
	// OutcomeAcceptDeferred: only deferrable materials are missing;
	// accept, and give the applicant working days to supply them
	// (容缺受理).
	OutcomeAcceptDeferred
	// OutcomeSupplement: some material that cannot be deferred is
	// missing or not conforming; tell the applicant everything to
	// supplement in one notice (一次告知补正, Art 32 ¶1(4)).
	OutcomeSupplement
	// OutcomeNotAccepted: not accepted (不予受理, Art 32 ¶1(1)(2)), with
	// the reason and, where the matter belongs elsewhere, the competent
	// unit.
	OutcomeNotAccepted
)

var outcomeLabels = [...]label{
	OutcomeUnknown:        {"unknown", "未知", "unknown"},
	OutcomeAccept:         {"accept", "受理", "accept"},
	OutcomeAcceptDeferred: {"accept_deferred", "容缺受理", "accept with materials to follow"},
	OutcomeSupplement:     {"supplement", "一次性告知补正", "notify all supplements at once"},
	OutcomeNotAccepted:    {"not_accepted", "不予受理", "not accepted"},
}

// String returns the outcome's code: "supplement".
func (o Outcome) String() string { return labelOf(outcomeLabels[:], o).code }

// Chinese returns the outcome in Chinese: 一次性告知补正.
func (o Outcome) Chinese() string { return labelOf(outcomeLabels[:], o).zh }

// English returns the outcome in English.
func (o Outcome) English() string { return labelOf(outcomeLabels[:], o).en }

// MarshalText writes the outcome's code. It refuses OutcomeUnknown and
// values out of range.
func (o Outcome) MarshalText() ([]byte, error) {
	return marshalLabel(outcomeLabels[:], o, "outcome")
}

// UnmarshalText reads an outcome from its code or its Chinese label.
func (o *Outcome) UnmarshalText(b []byte) error {
	return unmarshalLabel(outcomeLabels[:], o, b, "outcome")
}

// Result is the outcome of the intake check of one application, with
// everything a notice needs and everything a later check of the notice
// needs: the item and its version, the materials found conforming, and
// exactly the required materials that were not (required minus
// submitted-and-conforming), whatever the outcome.
//
// [Result.Event] turns it into the event to fire on the case; the
// notice (受理通知书, 补正告知书, 不予受理决定书) is produced from it
// ([Result.Notice]).
type Result struct {
	Outcome Outcome
	// Item, Version, Name and Unit identify the item as in force on the
	// day: its code, its first day in force, its name and its unit.
	Item    string
	Version date.Date
	Name    string
	Unit    string
	// Procedure is the item's procedure.
	Procedure string
	// On is the day the application was received.
	On date.Date
	// Missing are the required materials not handed in, or handed in but
	// not conforming, in the order of the item's list: exactly the
	// required materials minus those submitted and conforming.
	Missing []Shortfall
	// Conforming are the item's materials handed in and found
	// conforming, required or not, in the order of the item's list.
	Conforming []string
	// Extra are the names handed in that the item does not list, sorted;
	// they play no part in the outcome.
	Extra []string
	// Deferred are the clocks for supplying the missing materials under
	// 容缺受理, one per material, in the order of Missing.
	Deferred []Deferral
	// Refusal is the ground of a non-acceptance.
	Refusal Refusal
	// Citation is the provision of the outcome: the step of the item's
	// procedure that the outcome fires (行政许可法 Art 32 ¶1(5), (4), (2)),
	// or the ground's. 容缺受理 rests on local policy, not on a statute:
	// its Citation is zero, and its clocks cite the item's basis.
	Citation xiaoneng.Citation
	// Basis is the item's legal basis.
	Basis []xiaoneng.Citation
}

// Shortfall is a required material that is missing or not conforming
// (需要补正的材料).
type Shortfall struct {
	Material string
	// Submitted reports that the material was handed in but found not
	// conforming; false means it was not handed in.
	Submitted bool
	// Note is the officer's note on what is wrong with it.
	Note string
	// Requirement is what the item's list says makes it conforming.
	Requirement string
	// Deferrable and DeferDays are the item's: whether the material may
	// follow after acceptance, and within how many working days.
	Deferrable bool
	DeferDays  int
}

// Deferral is the clock for supplying one material deferred under 容缺
// 受理: started on the application's day, running DeferDays working days
// on the catalogue's calendar, citing the item's basis.
type Deferral struct {
	Material string
	Clock    deadline.Clock
	// Due is the last day to supply it.
	Due date.Date
	// Provisional reports that Due lies past the calendar's published
	// coverage, and was counted as if those days followed the weekly
	// pattern alone ([deadline.Status.Provisional]): the next holiday
	// notice may move it. Count the Clock again once the calendar holds
	// the notice.
	Provisional bool
}

// Intake checks an application (收件审查) for the item in force on its day
// and returns the outcome:
//
//   - not accepted (不予受理), when the application carries a refusal or
//     the receiving unit is not the item's, whatever the materials;
//   - accept (受理), when no required material is missing;
//   - 容缺受理, when every missing material is deferrable: the result
//     holds a clock per material, due after its working days (marked
//     Provisional when that day lies past the calendar's coverage);
//   - a one-time notice (一次告知补正) listing every missing or
//     non-conforming material, deferrable ones included, otherwise.
//
// The materials are matched by name to the item's list. The error wraps
// [ErrNotInCatalogue] or [ErrNotInForce] for an item the catalogue does
// not have in force that day, and [ErrInvalidInput] for no day, a
// refusal without a ground or, outside the unit's remit, without the
// competent unit, and a day of 容缺受理 the calendar does not cover.
func (c *Catalogue) Intake(a Application) (Result, error) {
	const op = "Intake"
	if a.On == 0 {
		return Result{}, inputError(op, a.Item, "no day of receipt")
	}
	i, err := c.find(op, a.Item, a.On)
	if err != nil {
		return Result{}, err
	}
	it, e := &c.spec.Items[i], &c.entries[i]
	r := Result{
		Item: it.Code, Version: it.From, Name: it.Name, Unit: it.Unit, Procedure: it.Procedure, On: a.On,
		Basis: slices.Clone(it.Basis),
	}
	deferrable := true
	var idxBuf [16]int
	missingIdx := idxBuf[:0]
	if n := len(it.Materials); n > 0 {
		// Room for every material: one allocation each, not a growing
		// slice.
		r.Missing = make([]Shortfall, 0, e.required)
		r.Conforming = make([]string, 0, n)
	}
	for j, m := range it.Materials {
		s, handed := a.Materials[m.Name]
		if handed && s.Conforming {
			r.Conforming = append(r.Conforming, m.Name)
			continue
		}
		if !m.Required {
			continue
		}
		sf := Shortfall{Material: m.Name, Submitted: handed, Requirement: m.Note, Deferrable: m.Deferrable, DeferDays: m.DeferDays}
		if handed {
			sf.Note = s.Note
		}
		r.Missing = append(r.Missing, sf)
		missingIdx = append(missingIdx, j)
		deferrable = deferrable && m.Deferrable
	}
	if len(r.Missing) == 0 {
		r.Missing = nil
	}
	if len(r.Conforming) == 0 {
		r.Conforming = nil
	}
	for name := range a.Materials {
		if !slices.ContainsFunc(it.Materials, func(m Material) bool { return m.Name == name }) {
			r.Extra = append(r.Extra, name)
		}
	}
	slices.Sort(r.Extra)

	switch {
	case !a.Refusal.IsZero():
		ref := a.Refusal
		switch {
		case ref.Ground == GroundUnknown || int(ref.Ground) >= len(groundLabels):
			return Result{}, inputError(op, it.Code, "the refusal has no ground")
		case ref.Ground == GroundOutsideRemit && text.Blank(ref.Competent):
			return Result{}, inputError(op, it.Code, "a matter outside the unit's powers needs the competent unit to apply to (行政许可法 Art 32 ¶1(2))")
		case ref.Ground == GroundOther && ref.Basis.IsZero():
			// The procedure's own citation is of the grounds Art 32 names,
			// none of which this is.
			return Result{}, inputError(op, it.Code, "a refusal on another ground of law needs the provision of that ground in Basis")
		}
		if !ref.Basis.IsZero() {
			if err := ref.Basis.Validate(); err != nil {
				return Result{}, inputError(op, it.Code, "the refusal's basis: %v", err)
			}
		}
		r.Outcome, r.Refusal = OutcomeNotAccepted, ref
	case a.Unit != "" && a.Unit != it.Unit:
		r.Outcome = OutcomeNotAccepted
		r.Refusal = Refusal{Ground: GroundOutsideRemit, Competent: it.Unit,
			Reason: fmt.Sprintf("“%s”由%s实施，不属于%s的职权范围", it.Name, it.Unit, a.Unit)}
	case len(r.Missing) == 0:
		r.Outcome = OutcomeAccept
	case deferrable:
		r.Outcome = OutcomeAcceptDeferred
		r.Deferred = make([]Deferral, len(r.Missing))
		for k, j := range missingIdx {
			clk, err := e.deferral[j].Start(a.On)
			var st deadline.Status
			if err == nil {
				// Near the end of the coverage the due day may lie past
				// it: counted on the weekly pattern, and marked.
				st, err = c.cov.Status(clk, a.On, a.On)
			}
			if err != nil {
				return Result{}, &Error{Op: op, Item: it.Code, Err: fmt.Errorf("%w: %w", ErrInvalidInput, err),
					Detail: "the clock for a deferred material cannot be counted from " + a.On.String()}
			}
			r.Deferred[k] = Deferral{Material: r.Missing[k].Material, Clock: clk, Due: st.Due, Provisional: st.Provisional}
		}
	default:
		r.Outcome = OutcomeSupplement
	}
	r.Citation = outcomeCitation(e.proc, r)
	return r, nil
}

// outcomeCitation is the provision of an outcome: the citation of the
// step it fires in the item's procedure, or the refusal's own.
func outcomeCitation(p *procInfo, r Result) xiaoneng.Citation {
	switch r.Outcome {
	case OutcomeAccept:
		return p.intake[triggerAccept]
	case OutcomeSupplement:
		return p.intake[triggerSupplement]
	case OutcomeNotAccepted:
		if !r.Refusal.Basis.IsZero() {
			return r.Refusal.Basis
		}
		cite := p.intake[triggerRefuse]
		if r.Refusal.Ground == GroundNoLicenceNeeded && cite == xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1, 2) {
			cite.Item = 1
		}
		return cite
	}
	return xiaoneng.Citation{}
}
