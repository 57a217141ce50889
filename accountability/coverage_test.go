package accountability_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// cannotCount reports whether err says a count reached past the
// calendar's coverage, in both packages' words.
func cannotCount(err error) bool {
	return errors.Is(err, accountability.ErrCannotCount) && errors.Is(err, deadline.ErrOutOfCoverage)
}

// TestCoverageNeverGuesses: an evaluation never guesses about the days
// its calendar does not cover. Records of cases that run across the end
// of the shipped calendar's coverage are judged twice: by an evaluator
// whose definitions count on the shipped calendar, and by one whose
// calendar agrees with it and goes on with any next year's arrangement.
//
// As of a day the coverage holds, the first always answers, and its
// findings are the second's but for those on clocks whose count needs
// days past the coverage (the due day of a limit not yet run out): it
// marks those Provisional, and only those, and they are lights, never a
// breach. As of a later day it answers exactly as the second does, or
// refuses with ErrCannotCount.
func TestCoverageNeverGuesses(t *testing.T) {
	ctx := context.Background()
	shipped := deadline.ChinaMainland()
	_, end := shipped.Coverage()
	wide, err := shipped.With(deadline.ExtendThrough(end + 3650))
	if err != nil {
		t.Fatal(err)
	}
	e, err := accountability.New(accountability.WithCalendar(shipped))
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		future := gen.Future(t, shipped, 730)
		var defs []*procedure.Definition
		for _, name := range procedure.ReferenceNames() {
			d, err := procedure.Reference(name, procedure.WithCalendar(future))
			if err != nil {
				t.Fatal(err)
			}
			defs = append(defs, d)
		}
		ex, err := accountability.New(accountability.WithDefinitions(defs...), accountability.WithCalendar(future))
		if err != nil {
			t.Fatal(err)
		}
		// Cases that start in the last months of the coverage, on the
		// calendar that goes on: the evaluation is what is tested.
		var in accountability.Input
		lastDay := end - 120
		for i := range rapid.IntRange(1, 4).Draw(t, "records") {
			d := rapid.SampledFrom(defs).Draw(t, "definition")
			c := d.NewCase("C-" + strconv.Itoa(i))
			first := (end - gen.DayOffset(t, 0, 120)).Time(9, deadline.ChinaStandardTime())
			for j := range rapid.IntRange(1, 12).Draw(t, "events") {
				ev := gen.Event(t, d, c)
				if j == 0 {
					ev.At = first
				}
				if rapid.IntRange(0, 3).Draw(t, "advance first") == 0 {
					_, _ = d.Advance(ctx, c, ev.At)
				}
				_ = d.Fire(ctx, c, ev)
			}
			if n := len(c.Events); n > 0 {
				lastDay = max(lastDay, deadline.DateOf(c.Events[n-1].At))
			}
			in.Records = append(in.Records, accountability.Record{Unit: "审批局", Case: c})
		}
		asOf := lastDay + gen.DayOffset(t, 0, 40)
		for i := range rapid.IntRange(0, 2).Draw(t, "inquiries") {
			asked := asOf - gen.DayOffset(t, 0, 10)
			q := accountability.Inquiry{ID: "Q-" + strconv.Itoa(i), Unit: "审批局", Officer: "王",
				At: asked.Time(10, deadline.ChinaStandardTime())}
			if answered := asked + gen.DayOffset(t, 0, 5); answered <= asOf && rapid.Bool().Draw(t, "answered") {
				q.Outcome, q.OutcomeAt = accountability.OutcomeAnswered, answered.Time(11, deadline.ChinaStandardTime())
			}
			in.Inquiries = append(in.Inquiries, q)
		}
		if rapid.Bool().Draw(t, "roster") {
			in.Roster.Officers = []accountability.Officer{{ID: "王", Unit: "审批局", Substitute: "赵"},
				{ID: "李", Unit: "审批局", Substitute: "赵"}, {ID: "张", Unit: "审批局"}, {ID: "赵", Unit: "审批局"}}
			from := asOf - gen.DayOffset(t, 0, 30)
			in.Roster.Absences = []accountability.Absence{{Officer: rapid.SampledFrom([]string{"王", "李"}).Draw(t, "away"),
				From: from, To: from + gen.DayOffset(t, 0, 20)}}
		}

		got, err := e.Evaluate(in, asOf)
		want, errX := ex.Evaluate(in, asOf)
		if errX != nil {
			// Past what even the next notice covers: neither answers.
			if err == nil {
				t.Fatalf("as of %s: answered %v, where a calendar that goes on could not: %v", asOf, got, errX)
			}
			return
		}
		if err != nil {
			if asOf <= end || !cannotCount(err) {
				t.Fatalf("as of %s: %v", asOf, err)
			}
			return
		}
		// The clocks whose count needs days past the coverage (the due
		// day of a limit that has not run out), as the weekly pattern
		// would have them: their lights are the next notice's to fix.
		provisional := func(f accountability.Finding) bool {
			if f.Clock == "" {
				return false
			}
			for _, r := range in.Records {
				for _, cc := range r.Case.Clocks {
					if r.Case.ID == f.Case && cc.Name == f.Clock {
						st, err := cc.Clock.Status(wide, asOf)
						return err == nil && st.Provisional
					}
				}
			}
			t.Fatalf("a finding on no clock of the records: %+v", f)
			return false
		}
		var exact, exactX []accountability.Finding
		for _, f := range got {
			if f.Provisional != provisional(f) {
				t.Fatalf("as of %s: provisional %v, yet its count on the weekly pattern says %v: %+v", asOf, f.Provisional, !f.Provisional, f)
			}
			if f.Provisional && (asOf > end || f.Severity != accountability.Warning) {
				t.Fatalf("as of %s: a provisional breach: %+v", asOf, f)
			}
			if !f.Provisional {
				exact = append(exact, f)
			}
		}
		for _, f := range want {
			if f.Provisional {
				t.Fatalf("provisional on a calendar that covers the days: %+v", f)
			}
			if !provisional(f) {
				exactX = append(exactX, f)
			}
		}
		if diff := cmp.Diff(exactX, exact); diff != "" {
			t.Fatalf("as of %s, the findings differ from a calendar that goes on (-there +here):\n%s", asOf, diff)
		}
	})
}

// TestCoverageEnd follows one licence across the end of the shipped
// calendar. Accepted on Tuesday 8 December 2026, its decision is due
// twenty working days later (行政许可法 Art 42 ¶1): on 31 December
// seventeen have passed, and three remain in January, whatever the next
// notice says of it. The yellow light (80 % used) is lit, provisional:
// its due day is counted as if January followed the weekly pattern. On 4
// January the count depends on the notice, and the evaluation refuses to
// guess; the case decided on 30 December is judged on any later day.
func TestCoverageEnd(t *testing.T) {
	e := defaultEvaluator(t)
	lic := ref(t, "licensing")
	open := build(t, lic, "XK-2026-1208",
		ev{wang, "receive", at(2026, 12, 7), voucher}, ev{wang, "accept", at(2026, 12, 8), voucher})
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: open}}}

	if fs := evaluate(t, e, in, day(2026, 12, 21)); len(fs) != 0 {
		t.Errorf("on 21 December, twelve of twenty days used: %+v", fs)
	}
	fs := evaluate(t, e, in, day(2026, 12, 31))
	if len(fs) != 1 || fs[0].Rule != accountability.RuleYellowLight || !fs[0].Provisional ||
		!strings.Contains(fs[0].Message, "2027-01-05") || !strings.Contains(fs[0].Message, "剩余3个工作日") {
		t.Fatalf("on 31 December: %+v; want one provisional yellow light, due 2027-01-05 with 3 working days left", fs)
	}

	_, err := e.Evaluate(in, day(2027, 1, 4))
	var ae *accountability.Error
	if !cannotCount(err) || !errors.As(err, &ae) || ae.Path != "records[0]" {
		t.Fatalf("on 4 January: %v; want records[0] refused with ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}

	// Refused on 30 December, in time: no clock runs any more, and the
	// case is judged on any later day.
	refused := build(t, lic, "XK-2026-1208",
		ev{wang, "receive", at(2026, 12, 7), voucher}, ev{wang, "accept", at(2026, 12, 8), voucher},
		ev{li, "refuse", at(2026, 12, 30), map[string]string{"reasons": "不符合条件", "appeal_rights": "可申请复议或起诉"}})
	in = accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: refused,
		Register: []accountability.RegisterEntry{{Event: 2, Day: day(2026, 12, 31), Officer: "李强", Reasons: "不符合条件", Basis: "行政许可法第三十八条", LeaderOpinion: "同意"}}}}}
	for _, d := range []date.Date{day(2026, 12, 31), day(2027, 1, 4), day(2027, 3, 1)} {
		if fs := evaluate(t, e, in, d); len(fs) != 0 {
			t.Errorf("refused in time, on %s: %+v", d, fs)
		}
	}
	// Granted on 30 December: the certificate's ten days (Art 44) run
	// into January, and whether they had run out by 4 January is the
	// next notice's to say.
	granted := build(t, lic, "XK-2026-1208",
		ev{wang, "receive", at(2026, 12, 7), voucher}, ev{wang, "accept", at(2026, 12, 8), voucher},
		ev{li, "grant", at(2026, 12, 30), decision})
	in = accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: granted}}}
	if fs := evaluate(t, e, in, day(2026, 12, 31)); len(fs) != 0 {
		t.Errorf("granted in time, on 31 December: %+v", fs)
	}
	if _, err := e.Evaluate(in, day(2027, 1, 4)); !cannotCount(err) {
		t.Errorf("granted, on 4 January: %v; want ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}

	// An inquiry of 31 December must be answered by the next working day,
	// which lies past the coverage: on 31 December it is in time.
	q := accountability.Input{Inquiries: []accountability.Inquiry{{ID: "Q-1", Unit: "审批局", Officer: "王敏", At: at(2026, 12, 31)}}}
	if fs := evaluate(t, e, q, day(2026, 12, 31)); len(fs) != 0 {
		t.Errorf("inquiry on its day: %+v", fs)
	}
	if _, err := e.Evaluate(q, day(2027, 1, 5)); !cannotCount(err) {
		t.Errorf("inquiry on 5 January: %v; want ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}

	// A calendar that holds the next notice (here, 1 January off)
	// answers, and nothing it says is provisional.
	spec := deadline.ChinaMainland().Spec()
	spec.To = date.New(2027, 12, 31)
	spec.Arrangements = append(spec.Arrangements, deadline.Arrangement{Year: 2027, Notices: []string{"https://example.org/2027"},
		Holidays: []deadline.Holiday{{Name: "元旦", Off: []date.Date{date.New(2027, 1, 1)}}}})
	next, err := deadline.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	en := defaultEvaluator(t, accountability.WithDefinitions(ref(t, "licensing", procedure.WithCalendar(next))))
	in = accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: open}}}
	fs = evaluate(t, en, in, day(2026, 12, 31))
	if len(fs) != 1 || fs[0].Provisional || !strings.Contains(fs[0].Message, "2027-01-06") {
		t.Fatalf("on 31 December, with the next notice: %+v; want one yellow light due 2027-01-06", fs)
	}
	if fs := evaluate(t, en, in, day(2027, 1, 7)); len(only(fs, accountability.RuleTimeLimit)) != 1 {
		t.Errorf("on 7 January, with the next notice: %+v; want the limit passed", fs)
	}
}

// TestCoverageWaits: a penalty filed on 1 September 2026 was due to be
// decided within ninety days (行政处罚法 Art 60), by 30 November. The
// intended penalty was notified on 31 December, and the party's five
// working days to request a hearing (Art 64 ¶1(1)) are no officer's delay.
// On 5 January 2027 the overrun is certain, but how much of it was the
// party's depends on the days of January: the evaluation refuses to
// guess rather than charge the officer with them.
func TestCoverageWaits(t *testing.T) {
	e := defaultEvaluator(t)
	pen := build(t, ref(t, "penalty"), "CF-2026-0901",
		ev{wang, "file", at(2026, 9, 1), map[string]string{"filing_basis": "举报", "act_ended": "2026-08-20", "discovered": "2026-08-28"}},
		ev{wang, "notify_intended", at(2026, 12, 31), map[string]string{"intended_penalty": "罚款5000元", "hearing_right": "true", "statement_by": "2027-01-08"}},
	)
	in := accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: pen}}}
	if fs := only(evaluate(t, e, in, day(2026, 12, 31)), accountability.RuleTimeLimit); len(fs) != 1 || fs[0].Provisional {
		t.Errorf("on 31 December: %+v; want the limit passed, not provisional", fs)
	}
	if fs, err := e.Evaluate(in, day(2027, 1, 5)); !cannotCount(err) {
		t.Errorf("on 5 January: %+v, %v; want ErrCannotCount and deadline.ErrOutOfCoverage", fs, err)
	}
}

// TestZeroEvaluatorCannotCount: the zero Evaluator has no calendar; an
// inquiry it cannot count is refused, not a panic.
func TestZeroEvaluatorCannotCount(t *testing.T) {
	var e accountability.Evaluator
	in := accountability.Input{Inquiries: []accountability.Inquiry{{ID: "Q-1", Unit: "审批局", Officer: "王敏", At: at(2026, 12, 31)}}}
	if _, err := e.Evaluate(in, day(2026, 12, 31)); !cannotCount(err) {
		t.Errorf("%v; want ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}
}
