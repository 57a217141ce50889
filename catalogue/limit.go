package catalogue

import (
	"slices"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// Limits are an item's time limits as they apply: the statutory limit
// (法定办结时限), from the item or else from its clock's rule, and the
// promised limit (承诺办结时限), from the item or else the statutory one.
type Limits struct {
	Statutory Limit
	Promised  Limit
	// Promise reports that the item states a promised limit of its own.
	Promise bool
}

// NotLonger reports whether period p never ends later than period q when
// both start on the same day, and whether the two can be compared at all:
//
//   - the same unit: p.N ≤ q.N;
//   - calendar days against working days: p.N ≤ q.N, since n calendar
//     days end, even rolled off rest days, no later than n working days;
//   - months against years, or years against months: exactly, twelve
//     months to the year (民法典 Art 202 counts both to the corresponding
//     day);
//   - working days against calendar days, and days of either kind
//     against months or years: not comparable. Ten working days may be
//     longer or shorter than fourteen calendar days depending on the
//     holidays between.
//
// Invalid periods (see [deadline.Period.Validate]) are not comparable.
func NotLonger(p, q deadline.Period) (ok, comparable bool) {
	if p.Validate() != nil || q.Validate() != nil {
		return false, false
	}
	switch {
	case p.Unit == q.Unit:
		return p.N <= q.N, true
	case p.Unit == deadline.Days && q.Unit == deadline.WorkingDays:
		return p.N <= q.N, true
	case p.Unit == deadline.Months && q.Unit == deadline.Years:
		return p.N <= 12*q.N, true
	case p.Unit == deadline.Years && q.Unit == deadline.Months:
		return 12*p.N <= q.N, true
	}
	return false, false
}

// checkLimit reports a limit that is not a valid period: no unit, a
// length that is not positive, too long.
func checkLimit(p *problems, path, code string, l Limit) bool {
	if err := l.Period().Validate(); err != nil || l.N <= 0 {
		p.add(path, code, "%d %s is not a valid time limit: it needs n > 0 and a unit (working_days, days, months, years)", l.N, l.Unit)
		return false
	}
	if !l.Basis.IsZero() {
		if err := l.Basis.Validate(); err != nil {
			p.add(path+".basis", code, "%v", err)
			return false
		}
	}
	return true
}

// checkNotLonger reports a limit short that may be longer than long.
func checkNotLonger(p *problems, path, code, what string, short Limit, longWhat string, long Limit) {
	ok, comparable := NotLonger(short.Period(), long.Period())
	switch {
	case !comparable:
		p.add(path, code, "%s %s is not comparable with %s %s: state both in the same unit, or the shorter one in calendar days against working days",
			what, short.Period(), longWhat, long.Period())
	case !ok:
		p.add(path, code, "%s %s is longer than %s %s", what, short.Period(), longWhat, long.Period())
	}
}

// runRule is the rule a case runs on for a limit of the item: the clock's
// rule with the limit's period. The rule keeps what the law excludes and
// restarts, and extends as the statutory limit allows (ext; a promise
// shortens the period, it does not change how the law counts it), and
// cites the limit's own document first, then the statutory provisions.
//
// The rule names no item, so that items with the same limit share one
// compiled definition.
func runRule(base deadline.Rule, l Limit, kind string, statutory []xiaoneng.Citation, ext deadline.Extension) deadline.Rule {
	r := base
	r.ID = base.ID + ":" + kind
	switch kind {
	case "promised":
		r.Name = base.Name + "（承诺时限）"
		r.NameEN = base.NameEN + " (promised limit)"
	case "green":
		r.Name = base.Name + "（绿色通道承诺时限）"
		r.NameEN = base.NameEN + " (green-channel limit)"
	default:
		r.Name = base.Name + "（法定时限）"
		r.NameEN = base.NameEN + " (statutory limit)"
	}
	r.Period = l.Period()
	r.Extension = ext
	r.Exclusions = slices.Clone(base.Exclusions)
	r.Restarts = slices.Clone(base.Restarts)
	var cites []xiaoneng.Citation
	if !l.Basis.IsZero() {
		cites = append(cites, l.Basis)
	}
	for _, c := range statutory {
		if !slices.Contains(cites, c) {
			cites = append(cites, c)
		}
	}
	r.Citations = cites
	return r
}
