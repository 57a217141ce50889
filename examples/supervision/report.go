package supervision

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The indicators the store computes for a scorecard (WithScorecard), each
// a fraction from 0 to 1 per unit.
const (
	// IndicatorOnTime is the unit's on-time rate (按时办结率): of the
	// agency limits of its cases that stopped by the report's instant,
	// the share that stopped in time; 1 when none stopped.
	IndicatorOnTime = "on_time"
	// IndicatorClean is the share of the unit's cases with no
	// sanctionable finding in the period; 1 when it had none.
	IndicatorClean = "clean"
)

// Input builds the input of an accountability evaluation for the period
// from from through to (days in China Standard Time), as the records
// stood at asOf:
//
//   - the cases registered by the end of the period and by asOf that
//     have an event on or after the period's first day, or a clock still
//     running after their last event, each rebuilt from its events up
//     to asOf, with its unit, its register entries made by asOf for
//     events by then, and its exemptions;
//   - the inquiries asked in the period by asOf, with the outcomes known
//     at asOf;
//   - the roster with every absence.
//
// Records are sorted by case ID, inquiries by ID.
func (s *Store) Input(ctx context.Context, from, to date.Date, asOf time.Time) (accountability.Input, error) {
	return s.input(ctx, "Input", from, to, asOf)
}

func (s *Store) input(ctx context.Context, op string, from, to date.Date, asOf time.Time) (accountability.Input, error) {
	var in accountability.Input
	if err := s.ready(ctx, op); err != nil {
		return in, err
	}
	if err := checkInstant("instant", asOf); err != nil {
		return in, fail(op, "", ErrInvalidInput, err, "")
	}
	if from == 0 || to < from {
		return in, fail(op, "", ErrInvalidInput, nil, fmt.Sprintf("a period from %s to %s", from, to))
	}
	cst := deadline.ChinaStandardTime()
	start, end := from.Time(0, cst), (to+1).Time(0, cst)
	if err := firstError(checkInstant("period start", start), checkInstant("period end", end)); err != nil {
		return in, fail(op, "", ErrInvalidInput, err, "")
	}
	at := asOf.UnixNano()
	where := "c.created_ns < ? AND c.created_ns <= ? AND (c.running OR c.last_ns >= ?)"
	args := []any{end.UnixNano(), at, start.UnixNano()}
	recs, err := eachCase(ctx, s, op, where, args, at, func(r replayed) (accountability.Record, bool, error) {
		return accountability.Record{Unit: r.info.Unit, Case: r.c}, true, nil
	})
	if err != nil {
		return in, err
	}
	slices.SortFunc(recs, func(a, b accountability.Record) int { return strings.Compare(a.Case.ID, b.Case.ID) })
	byCase := make(map[string]*accountability.Record, len(recs))
	for i := range recs {
		byCase[recs[i].Case.ID] = &recs[i]
	}
	if err := s.attach(ctx, s.db, where, args, byCase); err != nil {
		return in, s.dbError(op, "", err)
	}
	day := deadline.DateOf(asOf)
	for i := range recs {
		// An entry made after asOf, or for an event after it, was not
		// there yet.
		recs[i].Register = slices.DeleteFunc(recs[i].Register, func(e accountability.RegisterEntry) bool {
			return e.Day > day || e.Event >= len(recs[i].Case.Events)
		})
	}
	in.Records = recs
	if in.Inquiries, err = s.inquiries(ctx, s.db, start.UnixNano(), end.UnixNano(), at); err != nil {
		return in, s.dbError(op, "", err)
	}
	if in.Roster, err = s.roster(ctx, s.db); err != nil {
		return in, s.dbError(op, "", err)
	}
	return in, nil
}

// Report is the accountability report of the period from from through
// to, as of asOf: it builds the input (Store.Input), evaluates it with
// accountability.Evaluator.Evaluate as of asOf's day, keeps the findings
// whose day falls in the period, so that consecutive periods never count
// a breach twice, and gathers them with accountability.NewReport, with
// the sanctions of the store's ladder (WithLadder) and the ranking of its
// scorecard (WithScorecard), where set.
//
// An input the evaluator refuses (e.g. a record with an event by an
// officer removed from the roster) is an error wrapping ErrInvalidInput
// and accountability.ErrInvalidInput.
func (s *Store) Report(ctx context.Context, from, to date.Date, asOf time.Time) (accountability.Report, error) {
	const op = "Report"
	in, err := s.input(ctx, op, from, to, asOf)
	if err != nil {
		return accountability.Report{}, err
	}
	day := deadline.DateOf(asOf)
	all, err := s.eval.Evaluate(in, day)
	if err != nil {
		return accountability.Report{}, fail(op, "", ErrInvalidInput, err, "")
	}
	findings := slices.DeleteFunc(all, func(f accountability.Finding) bool { return f.Day < from || f.Day > to })
	var rank *accountability.Ranking
	if s.card != nil {
		r, err := s.card.Rank(s.unitScores(in, findings, day), findings, nil)
		if err != nil {
			return accountability.Report{}, fail(op, "", ErrInvalidInput, err, "ranking")
		}
		rank = &r
	}
	return accountability.NewReport(day, findings, s.ladder, rank), nil
}

// unitScores computes the indicators of every unit that has a record or
// a finding.
func (s *Store) unitScores(in accountability.Input, findings []accountability.Finding, day date.Date) []accountability.UnitScores {
	type tally struct{ limits, onTime, cases, clean int }
	units := map[string]*tally{}
	get := func(u string) *tally {
		t := units[u]
		if t == nil {
			t = &tally{}
			units[u] = t
		}
		return t
	}
	breached := map[string]bool{}
	for _, f := range findings {
		get(f.Unit)
		if f.Sanctionable() && f.Case != "" {
			breached[f.Case] = true
		}
	}
	for _, rec := range in.Records {
		t := get(rec.Unit)
		t.cases++
		if !breached[rec.Case.ID] {
			t.clean++
		}
		d := s.defs[rec.Case.Definition]
		for _, cc := range rec.Case.Clocks {
			if role, _ := d.ClockRole(cc.Spec); role != procedure.RoleLimit {
				continue
			}
			st, err := cc.Clock.Status(d.Calendar(), day)
			if err != nil || !st.Stopped {
				continue
			}
			t.limits++
			if !st.Late() {
				t.onTime++
			}
		}
	}
	ratio := func(n, of int) decimal.Decimal {
		if of == 0 {
			return decimal.NewFromInt(1)
		}
		return decimal.NewFromInt(int64(n)).Div(decimal.NewFromInt(int64(of))).Round(4)
	}
	out := make([]accountability.UnitScores, 0, len(units))
	for _, u := range slices.Sorted(maps.Keys(units)) {
		t := units[u]
		values := map[string]decimal.Decimal{}
		for _, ind := range s.indicators {
			switch ind {
			case IndicatorOnTime:
				values[ind] = ratio(t.onTime, t.limits)
			case IndicatorClean:
				values[ind] = ratio(t.clean, t.cases)
			}
		}
		out = append(out, accountability.UnitScores{Unit: u, Values: values})
	}
	return out
}
