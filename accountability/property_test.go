package accountability_test

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// references are the reference definitions, built once for the
// properties.
var references = func() []*procedure.Definition {
	var out []*procedure.Definition
	for _, name := range procedure.ReferenceNames() {
		d, err := procedure.Reference(name)
		if err != nil {
			panic(err)
		}
		out = append(out, d)
	}
	return out
}()

// drawInput draws records of random cases of the reference definitions,
// with refusal register entries now and then.
func drawInput(t *rapid.T) accountability.Input {
	var in accountability.Input
	for i := range rapid.IntRange(1, 6).Draw(t, "records") {
		d := rapid.SampledFrom(references).Draw(t, "definition")
		c := gen.Case(t, d, "C-"+strconv.Itoa(i), rapid.IntRange(1, 12).Draw(t, "events"))
		rec := accountability.Record{Unit: rapid.SampledFrom([]string{"审批局", "市场监管局"}).Draw(t, "unit"), Case: c}
		for j, e := range c.Events {
			if rapid.IntRange(0, 3).Draw(t, "register") == 0 {
				rec.Register = append(rec.Register, accountability.RegisterEntry{Event: j, Day: deadline.DateOf(e.At) + 1,
					Officer: e.Actor.Officer + "x", Reasons: "理由", Basis: "依据", LeaderOpinion: "同意"})
			}
		}
		in.Records = append(in.Records, rec)
	}
	return in
}

func asOfFor(t *rapid.T, in accountability.Input) date.Date {
	last := gen.Day(2015, 1, 1)
	for _, r := range in.Records {
		if n := len(r.Case.Events); n > 0 {
			last = max(last, deadline.DateOf(r.Case.Events[n-1].At))
		}
	}
	return last + gen.DayOffset(t, 0, 60)
}

// drawEvaluated draws an input and a day to evaluate it on, and
// evaluates it.
func drawEvaluated(t *rapid.T, e *accountability.Evaluator) (accountability.Input, date.Date, []accountability.Finding) {
	in := drawInput(t)
	asOf := asOfFor(t, in)
	fs, err := e.Evaluate(in, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return in, asOf, fs
}

func TestEvaluationDeterministicAndOrderFree(t *testing.T) {
	e := defaultEvaluator(t)
	rapid.Check(t, func(t *rapid.T) {
		in, asOf, a := drawEvaluated(t, e)
		shuffled := in
		shuffled.Records = slices.Clone(in.Records)
		perm := rapid.Permutation(shuffled.Records).Draw(t, "order")
		shuffled.Records = perm
		b, err := e.Evaluate(shuffled, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(a, b); diff != "" {
			t.Fatalf("findings depend on the order of records:\n%s", diff)
		}
	})
}

func TestFindingsRestOnTheRecord(t *testing.T) {
	e := defaultEvaluator(t)
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		fs, err := e.Evaluate(in, asOfFor(t, in))
		if err != nil {
			t.Fatal(err)
		}
		cases := map[string]*procedure.Case{}
		for _, r := range in.Records {
			cases[r.Case.ID] = r.Case
		}
		for _, f := range fs {
			c := cases[f.Case]
			if c == nil {
				t.Fatalf("finding of an unknown case: %+v", f)
			}
			for _, ev := range f.Evidence {
				if ev.Index < 0 || ev.Index >= len(c.Events) || c.Events[ev.Index].Trigger != ev.Trigger || !c.Events[ev.Index].At.Equal(ev.At) {
					t.Fatalf("evidence %+v is not in the record of %s", ev, f.Case)
				}
			}
			if len(f.Delay) > 0 {
				sum := 0
				for _, d := range f.Delay {
					sum += d.Days
				}
				if sum != f.Overdue {
					t.Fatalf("delay %+v sums to %d, the overrun is %d", f.Delay, sum, f.Overdue)
				}
			}
			if f.Citation.IsZero() || f.Severity == accountability.SeverityUnknown || f.Day == 0 || f.Message == "" || f.MessageEN == "" {
				t.Fatalf("incomplete finding %+v", f)
			}
		}
	})
}

// TestLightsOnlyOnRunningCounts: a yellow light is lit only on a limit
// whose count runs (not stopped, not suspended: 行政许可法 Art 45 time not
// counted) and so has a due day, which its message says; a red light only
// on one that has run out. No finding says the zero day.
func TestLightsOnlyOnRunningCounts(t *testing.T) {
	e := defaultEvaluator(t)
	rapid.Check(t, func(t *rapid.T) {
		in, asOf, fs := drawEvaluated(t, e)
		cases := map[string]*procedure.Case{}
		for _, r := range in.Records {
			cases[r.Case.ID] = r.Case
		}
		for _, f := range fs {
			if strings.Contains(f.Message, "0001-01-01") || strings.Contains(f.MessageEN, "0001-01-01") {
				t.Fatalf("a finding says the zero day: %+v", f)
			}
			if f.Rule != accountability.RuleYellowLight && f.Rule != accountability.RuleRedLight {
				continue
			}
			c := cases[f.Case]
			d := references[slices.IndexFunc(references, func(d *procedure.Definition) bool { id, _ := d.ID(); return id == c.Definition })]
			k := slices.IndexFunc(c.Clocks, func(cc procedure.CaseClock) bool { return cc.Name == f.Clock })
			st, err := c.Clocks[k].Clock.Status(d.Calendar(), asOf)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case st.Stopped:
				t.Fatalf("a light on a stopped clock: %+v\n%+v", f, st)
			case f.Rule == accountability.RuleYellowLight && (st.Paused || !st.HasDue() || st.Overdue > 0):
				t.Fatalf("a yellow light on a count that does not run toward a due day: %+v\n%+v", f, st)
			case f.Rule == accountability.RuleRedLight && st.Overdue == 0:
				t.Fatalf("a red light on a limit not run out: %+v\n%+v", f, st)
			}
		}
	})
}

// Waiting days are split off the days of the step they fell in, and
// nothing else changes: charging them to the steps' holders
// (Profile.ChargeWaiting) gives, finding by finding, the same overruns
// and the same days per step, with no waiting left; a waiting part names
// no officer or unit.
func TestWaitingSplitsStepDays(t *testing.T) {
	plain := defaultEvaluator(t)
	var profiles []accountability.Option
	for _, p := range accountability.ReferenceProfiles() {
		p.ChargeWaiting = true
		profiles = append(profiles, accountability.WithProfiles(p))
	}
	charged := defaultEvaluator(t, profiles...)
	// matches reports whether a finding's delay parts are, step by step,
	// the delay charged: attribute gives each step its waiting part, then
	// its holder's, either of which may be missing, and charging gives
	// the step one part, of their days, under the holder unless all of it
	// was waiting. Steps follow in order and two in a row may be of one
	// state, so a waiting part is tried with the holder's part after it
	// and alone.
	var matches func(parts, charged []accountability.StepDelay) bool
	matches = func(parts, charged []accountability.StepDelay) bool {
		if len(charged) == 0 || len(parts) == 0 {
			return len(charged) == 0 && len(parts) == 0
		}
		g, p := charged[0], parts[0]
		if p.Step != g.Step {
			return false
		}
		if p.Waiting && len(parts) > 1 {
			h := parts[1]
			if h.Step == g.Step && !h.Waiting && p.Days+h.Days == g.Days && h.Officer == g.Officer && h.Unit == g.Unit &&
				matches(parts[2:], charged[1:]) {
				return true
			}
		}
		return p.Days == g.Days && (p.Waiting || p.Officer == g.Officer && p.Unit == g.Unit) && matches(parts[1:], charged[1:])
	}
	type key struct {
		c     string
		rule  accountability.RuleID
		clock string
		day   date.Date
	}
	lic := references[slices.IndexFunc(references, func(d *procedure.Definition) bool { return d.Spec().ID == "licensing" })]
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		// Random walks seldom tell of a hearing late: licences that do,
		// the applicant's five days closed early, on time or late.
		for i := range rapid.IntRange(1, 3).Draw(t, "hearings") {
			in.Records = append(in.Records, accountability.Record{Unit: "审批局", Case: drawHearingCase(t, lic, "H-"+strconv.Itoa(i))})
		}
		asOf := asOfFor(t, in)
		a, err := plain.Evaluate(in, asOf)
		if err != nil {
			t.Fatal(err)
		}
		b, err := charged.Evaluate(in, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("%d findings, %d when waiting is charged", len(a), len(b))
		}
		byKey := map[key]accountability.Finding{}
		for _, f := range b {
			for _, d := range f.Delay {
				if d.Waiting {
					t.Fatalf("waiting charged, yet %+v", d)
				}
			}
			byKey[key{f.Case, f.Rule, f.Clock, f.Day}] = f
		}
		for _, f := range a {
			for _, d := range f.Delay {
				if d.Days <= 0 || d.Waiting && (d.Officer != "" || d.Unit != "") {
					t.Fatalf("delay part %+v", d)
				}
			}
			g, ok := byKey[key{f.Case, f.Rule, f.Clock, f.Day}]
			if !ok || f.Overdue != g.Overdue {
				t.Fatalf("finding %+v, charged %+v", f, g)
			}
			if !matches(f.Delay, g.Delay) {
				t.Fatalf("delay %+v; charged %+v", f.Delay, g.Delay)
			}
		}
	})
}

// drawHearingCase draws a licence accepted, its applicant told of the
// right to a hearing some days later, the five days to request one
// waived or closed some days after, and the licence granted later still;
// an event refused (an outcome of the law came first) is left out.
func drawHearingCase(t *rapid.T, d *procedure.Definition, id string) *procedure.Case {
	ctx := context.Background()
	c := d.NewCase(id)
	day0 := time.Date(2025, 9, 1, 10, 0, 0, 0, deadline.ChinaStandardTime()).AddDate(0, 0, rapid.IntRange(0, 300).Draw(t, "start"))
	at := day0
	actor := procedure.Actor{Officer: "王敏", Unit: "审批局"}
	for _, step := range []struct {
		trigger procedure.Trigger
		after   int
		payload map[string]string
	}{
		{"receive", 0, map[string]string{"voucher": "收件"}},
		{"accept", 1, map[string]string{"voucher": "受理"}},
		{"notify_hearing_right", rapid.IntRange(0, 40).Draw(t, "told"), nil},
		{rapid.SampledFrom([]procedure.Trigger{"waive_hearing", "hearing_window_closed"}).Draw(t, "closed"), rapid.IntRange(1, 15).Draw(t, "window"), map[string]string{"waiver": "书面放弃"}},
		{"grant", rapid.IntRange(0, 20).Draw(t, "granted"), map[string]string{"decision": "准予许可决定书"}},
	} {
		at = at.AddDate(0, 0, step.after)
		if _, err := d.Advance(ctx, c, at); err != nil {
			t.Fatal(err)
		}
		_ = d.Fire(ctx, c, procedure.Event{Trigger: step.trigger, At: at, Actor: actor, Reason: "办理", Payload: step.payload})
		actor.Officer = rapid.SampledFrom([]string{"王敏", "李强"}).Draw(t, "officer")
	}
	return c
}

// without returns a copy of the record without the given events, its
// register entries re-pointed or dropped with them.
func without(r accountability.Record, drop map[int]bool) accountability.Record {
	c := r.Case.Clone()
	index := map[int]int{}
	var kept []procedure.Event
	for i, e := range c.Events {
		if !drop[i] {
			index[i] = len(kept)
			kept = append(kept, e)
		}
	}
	c.Events = kept
	out := accountability.Record{Unit: r.Unit, Case: c}
	for _, x := range r.Register {
		if j, ok := index[x.Event]; ok {
			x.Event = j
			out.Register = append(out.Register, x)
		}
	}
	return out
}

// TestRemovingEvidenceRemovesFindings: the rules that read the log find
// nothing once the events they rest on are gone.
func TestRemovingEvidenceRemovesFindings(t *testing.T) {
	e := defaultEvaluator(t)
	rapid.Check(t, func(t *rapid.T) {
		in, asOf, fs := drawEvaluated(t, e)
		for _, f := range fs {
			if f.Rule != accountability.RuleRefusalRegister && f.Rule != accountability.RuleDeemedAcceptance &&
				f.Rule != accountability.RuleDeemedRenewal && f.Rule != accountability.RuleOneTimeNotice {
				continue
			}
			i := slices.IndexFunc(in.Records, func(r accountability.Record) bool { return r.Case.ID == f.Case })
			drop := map[int]bool{}
			for _, ev := range f.Evidence {
				drop[ev.Index] = true
			}
			if f.Rule == accountability.RuleOneTimeNotice {
				// Every later notice is judged against the first: with
				// the later ones gone, the one left is the first and only.
				first, later := f.Evidence[0], f.Evidence[len(f.Evidence)-1]
				drop = map[int]bool{}
				for j, x := range in.Records[i].Case.Events {
					drop[j] = j != first.Index && x.Trigger == later.Trigger
				}
			}
			rest := in
			rest.Records = slices.Clone(in.Records)
			rest.Records[i] = without(in.Records[i], drop)
			after, err := e.Evaluate(rest, asOf)
			if err != nil {
				t.Fatal(err)
			}
			count := func(list []accountability.Finding) int {
				n := 0
				for _, g := range list {
					if g.Rule == f.Rule && g.Case == f.Case {
						n++
					}
				}
				return n
			}
			if count(after) >= count(fs) || (f.Rule == accountability.RuleOneTimeNotice && count(after) != 0) {
				t.Fatalf("removing the evidence of %+v left %d findings of its rule", f, count(after))
			}
		}
	})
}

// TestEveryDeemedOutcomeIsABreach: each automatic outcome a profile lists
// as deemed (视为受理, 行政许可法 Art 32 ¶1(4); 视为准予延续, Art 50 ¶2) is
// found once, under the rule the profile assigns it, resting on that
// event and citing the transition's article; nothing else is found under
// those rules.
func TestEveryDeemedOutcomeIsABreach(t *testing.T) {
	e := defaultEvaluator(t)
	lic := ref(t, "licensing")
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		asOf := asOfFor(t, in)
		for i := range rapid.IntRange(0, 3).Draw(t, "renewals") {
			c, end := gen.RenewalCase(t, lic, "Y-"+strconv.Itoa(i))
			in.Records = append(in.Records, accountability.Record{Unit: "审批局", Case: c})
			asOf = max(asOf, end)
		}
		fs, err := e.Evaluate(in, asOf)
		if err != nil {
			t.Fatal(err)
		}
		type outcome struct {
			Case  string
			Event int
			Rule  accountability.RuleID
			Cite  string
		}
		var want, got []outcome
		for _, r := range in.Records {
			p, _ := accountability.ReferenceProfile(r.Case.Definition)
			d := references[slices.IndexFunc(references, func(d *procedure.Definition) bool { id, _ := d.ID(); return id == r.Case.Definition })]
			for i, x := range r.Case.Events {
				if !x.Auto || !slices.Contains(p.Deemed, x.Trigger) {
					continue
				}
				rule := cmp.Or(p.DeemedRules[x.Trigger], accountability.RuleDeemedAcceptance)
				var cite string
				for _, tr := range d.Spec().Transitions {
					if tr.Trigger == x.Trigger && tr.To == x.To {
						cite = tr.Citation.String()
					}
				}
				want = append(want, outcome{r.Case.ID, i, rule, cite})
			}
		}
		for _, f := range fs {
			if f.Rule != accountability.RuleDeemedAcceptance && f.Rule != accountability.RuleDeemedRenewal {
				continue
			}
			last := f.Evidence[len(f.Evidence)-1]
			got = append(got, outcome{f.Case, last.Index, f.Rule, f.Citation.String()})
		}
		byCase := func(a, b outcome) int { return cmp.Or(strings.Compare(a.Case, b.Case), a.Event-b.Event) }
		slices.SortFunc(want, byCase)
		slices.SortFunc(got, byCase)
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("deemed outcomes (-in the log +found):\n%s", diff)
		}
	})
}

func TestAddingABreachNeverLowersASanctionOrDeduction(t *testing.T) {
	ladders := []accountability.LadderSpec{accountability.ZhejiangLadder(), accountability.CountyLadder()}
	card, err := accountability.NewScorecard(accountability.ScorecardSpec{
		Name:       "效能考评",
		Indicators: []accountability.Indicator{{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(100)}},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Severity: accountability.Serious, Points: decimal.NewFromInt(5)}, {Points: decimal.NewFromInt(1)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	units := []accountability.UnitScores{{Unit: "审批局", Values: map[string]decimal.Decimal{"on_time": decimal.RequireFromString("0.9")}},
		{Unit: "市场监管局", Values: map[string]decimal.Decimal{"on_time": decimal.RequireFromString("0.8")}}}
	rapid.Check(t, func(t *rapid.T) {
		l, err := accountability.NewLadder(rapid.SampledFrom(ladders).Draw(t, "ladder"))
		if err != nil {
			t.Fatal(err)
		}
		fs := rapid.SliceOfN(gen.Finding(), 0, 30).Draw(t, "findings")
		more := append(slices.Clone(fs), gen.Finding().Draw(t, "breach"))
		rank := func(m accountability.Measure) int {
			return slices.IndexFunc(l.Spec().Measures, func(x accountability.Measure) bool { return x.ID == m.ID })
		}
		before := map[int]accountability.Measure{}
		for _, s := range l.Sanctions(fs) {
			before[s.Finding] = s.Measure
		}
		for _, s := range l.Sanctions(more) {
			if m, ok := before[s.Finding]; ok && rank(s.Measure) < rank(m) {
				t.Fatalf("finding %d fell from %s to %s", s.Finding, m.Name, s.Measure.Name)
			}
		}
		a, err1 := card.Rank(units, fs, nil)
		b, err2 := card.Rank(units, more, nil)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		deducted := func(r accountability.Ranking, unit string) decimal.Decimal {
			for _, row := range r.Rows {
				if row.Unit == unit {
					return row.Deducted
				}
			}
			return decimal.Zero
		}
		for _, u := range units {
			if deducted(b, u.Unit).LessThan(deducted(a, u.Unit)) {
				t.Fatalf("%s's deduction fell from %s to %s", u.Unit, deducted(a, u.Unit), deducted(b, u.Unit))
			}
		}
	})
}

// TestEscalationOrderFree: the measures a ladder gives do not depend on
// the order its escalations are listed in, since a measure one raises is
// counted by the others (LEGAL.md Part 4, example (d) chains two).
func TestEscalationOrderFree(t *testing.T) {
	spec := accountability.ZhejiangLadder()
	month, year := deadline.Period{N: 1, Unit: deadline.Months}, deadline.Period{N: 1, Unit: deadline.Years}
	spec.Escalations = append(spec.Escalations,
		accountability.Escalation{Count: 2, Of: "written-warning", Within: year, Then: "suspension"},
		accountability.Escalation{Count: 2, Of: "circular", Within: month, Then: "written-warning"},
		accountability.Escalation{Count: 3, Of: "suspension", Within: year, Then: "transfer"})
	rapid.Check(t, func(t *rapid.T) {
		a := spec
		a.Escalations = rapid.Permutation(spec.Escalations).Draw(t, "order")
		la, err1 := accountability.NewLadder(spec)
		lb, err2 := accountability.NewLadder(a)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		fs := rapid.SliceOfN(gen.Finding(), 0, 40).Draw(t, "findings")
		x, y := la.Sanctions(fs), lb.Sanctions(fs)
		if len(x) != len(y) {
			t.Fatalf("%d sanctions, then %d", len(x), len(y))
		}
		for i := range x {
			if x[i].Finding != y[i].Finding || x[i].Measure != y[i].Measure {
				t.Fatalf("finding %d: %s as listed, %s reordered", x[i].Finding, x[i].Measure.ID, y[i].Measure.ID)
			}
		}
	})
}

func TestEscalationMonotoneInCount(t *testing.T) {
	l, err := accountability.NewLadder(accountability.CountyLadder())
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		f := gen.Finding().Draw(t, "finding")
		f.Exempt, f.Severity = nil, accountability.Minor
		n := rapid.IntRange(1, 8).Draw(t, "n")
		gap := rapid.IntRange(0, 120).Draw(t, "gap")
		last := -1
		for k := 1; k <= n; k++ {
			var fs []accountability.Finding
			for i := range k {
				g := f
				g.Day = f.Day + date.Date(i*gap)
				fs = append(fs, g)
			}
			s := l.Sanctions(fs)
			r := slices.IndexFunc(l.Spec().Measures, func(m accountability.Measure) bool { return m.ID == s[len(s)-1].Measure.ID })
			if r < last {
				t.Fatalf("with %d repeats %d days apart the measure fell", k, gap)
			}
			last = r
		}
	})
}

// TestReportOrderFree: a report's lines do not depend on the order of the
// findings, and an officer's line shows the unit of the officer's latest
// finding (of two that day, the first in sort order), however the
// findings come.
func TestReportOrderFree(t *testing.T) {
	l, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		t.Fatal(err)
	}
	asOf := gen.Day(2026, 1, 1)
	rapid.Check(t, func(t *rapid.T) {
		fs := rapid.SliceOfN(gen.Finding(), 0, 30).Draw(t, "findings")
		shuffled := rapid.Permutation(fs).Draw(t, "shuffled")
		a, b := accountability.NewReport(asOf, fs, l, nil), accountability.NewReport(asOf, shuffled, l, nil)
		for _, diff := range []string{gocmp.Diff(a.Officers, b.Officers), gocmp.Diff(a.Units, b.Units), gocmp.Diff(a.Rules, b.Rules)} {
			if diff != "" {
				t.Fatalf("the findings' order changed the report:\n%s", diff)
			}
		}
		for _, o := range a.Officers {
			var latest *accountability.Finding
			for i := range fs {
				f := &fs[i]
				if f.Officer == o.Officer && (latest == nil || f.Day > latest.Day || f.Day == latest.Day && f.Unit < latest.Unit) {
					latest = f
				}
			}
			if latest == nil || o.Unit != latest.Unit {
				t.Fatalf("officer %s shown in %s, latest finding %+v", o.Officer, o.Unit, latest)
			}
		}
	})
}

// TestVacantPostMirrorsSubstitute: a post left empty (AB角, RuleVacantPost)
// is found on the days a designated substitute would have been: the same
// cases, steps, days and overruns, with the unit's finding in place of
// the substitute's. (The roster places no officer in a unit, so every
// officer's act is the post's handling, the substitute's among them.)
func TestVacantPostMirrorsSubstitute(t *testing.T) {
	e := defaultEvaluator(t, accountability.WithRules(accountability.RuleSubstitute, accountability.RuleVacantPost))
	officers := []string{"王", "李", "张"}
	type idle struct {
		Case, Unit, Officer string
		Step                procedure.State
		Day                 date.Date
		Overdue             int
		Evidence            []accountability.EventRef
	}
	keys := func(fs []accountability.Finding, r accountability.RuleID) []idle {
		var out []idle
		for _, f := range fs {
			if f.Rule == r {
				out = append(out, idle{f.Case, f.Unit, f.Officer, f.Step, f.Day, f.Overdue, f.Evidence})
			}
		}
		return out
	}
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		asOf := asOfFor(t, in)
		for range rapid.IntRange(1, 3).Draw(t, "absences") {
			from := asOf - date.Date(rapid.IntRange(0, 200).Draw(t, "absent from"))
			in.Roster.Absences = append(in.Roster.Absences, accountability.Absence{Officer: rapid.SampledFrom(officers).Draw(t, "absent"),
				From: from, To: from + date.Date(rapid.IntRange(0, 40).Draw(t, "absent for")), Substitute: rapid.SampledFrom(officers).Draw(t, "substitute")})
		}
		with, err := e.Evaluate(in, asOf)
		if err != nil {
			t.Skip(err)
		}
		empty := in
		empty.Roster.Absences = slices.Clone(in.Roster.Absences)
		for i := range empty.Roster.Absences {
			empty.Roster.Absences[i].Substitute = ""
		}
		without, err := e.Evaluate(empty, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys(with, accountability.RuleVacantPost)) != 0 || len(keys(without, accountability.RuleSubstitute)) != 0 {
			t.Fatalf("a vacant post with a substitute, or a substitute with none: %+v / %+v", with, without)
		}
		want := keys(with, accountability.RuleSubstitute)
		for i := range want {
			want[i].Officer = ""
		}
		// The findings of one case, rule and day are sorted by officer,
		// which the vacant posts do not name: compared as sets.
		byKey := func(a, b idle) int {
			return cmp.Or(strings.Compare(a.Case, b.Case), strings.Compare(string(a.Step), string(b.Step)),
				cmp.Compare(a.Day, b.Day), cmp.Compare(a.Overdue, b.Overdue))
		}
		got := keys(without, accountability.RuleVacantPost)
		slices.SortStableFunc(want, byKey)
		slices.SortStableFunc(got, byKey)
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("the vacant posts differ from the substitutes' findings (-substitutes +vacant):\n%s", diff)
		}
	})
}

// TestIdleCountedBetweenActs: the idleness the AB角 rules find is that of
// a day-by-day count. 王 holds a licence under review and is away; the
// substitute 张 (when one is designated), his colleague 李 and 赵 of
// another unit act on the case on days drawn, telling the interested
// parties (行政许可法 Art 36), which leaves it under review, and 王 may
// decide it himself, and issue and deliver the licence the same day. Counted day by day, a stretch of working days with
// no act of the post (张's or 李's or 王's, not 赵's) longer than the
// allowance is idle: the finding says the days of those stretches, by
// how many they passed it and the first day past it.
func TestIdleCountedBetweenActs(t *testing.T) {
	lic := ref(t, "licensing")
	cal := lic.Calendar()
	wang := procedure.Actor{Officer: "王", Unit: "审批局"}
	actors := []procedure.Actor{{Officer: "张", Unit: "审批局"}, {Officer: "李", Unit: "审批局"}, {Officer: "赵", Unit: "市场监管局"}}
	rapid.Check(t, func(t *rapid.T) {
		th := accountability.DefaultThresholds()
		th.IdleDays = rapid.IntRange(0, 4).Draw(t, "idle days")
		e, err := accountability.New(accountability.WithThresholds(th),
			accountability.WithRules(accountability.RuleSubstitute, accountability.RuleVacantPost))
		if err != nil {
			t.Fatal(err)
		}
		on := func(d date.Date) time.Time { return d.Time(0, deadline.ChinaStandardTime()).Add(10 * time.Hour) }
		accepted := gen.Day(2016, 1, 1) + gen.DayOffset(t, 0, 8*365)
		from := accepted + gen.DayOffset(t, 0, 20)
		to := from + gen.DayOffset(t, 0, 25)
		asOf := from + gen.DayOffset(t, -2, 40)
		substitute := rapid.SampledFrom([]string{"张", ""}).Draw(t, "substitute")
		ctx := context.Background()
		c := lic.NewCase("XK-I")
		fire := func(tr procedure.Trigger, d date.Date, by procedure.Actor, payload map[string]string) {
			if err := lic.Fire(ctx, c, procedure.Event{Trigger: tr, At: on(d), Actor: by, Reason: "办理", Payload: payload}); err != nil {
				t.Fatalf("%s on %s: %v", tr, d, err)
			}
		}
		fire("receive", accepted, wang, map[string]string{"voucher": "凭证"})
		fire("accept", accepted, wang, map[string]string{"voucher": "凭证"})
		acts := map[date.Date]bool{} // the days the post acted
		decided := date.Date(0)
		if rapid.Bool().Draw(t, "decided") {
			decided = accepted + 1 + gen.DayOffset(t, 0, int(to-accepted)+5)
		}
		for _, d := range gen.DaysIn(accepted+1, to+3).Draw(t, "acts") {
			if decided != 0 && d >= decided {
				break
			}
			by := rapid.SampledFrom(actors).Draw(t, "actor")
			fire("notify_interested", d, by, map[string]string{"parties": "相邻住户"})
			acts[d] = acts[d] || by.Officer != "赵"
		}
		if decided != 0 {
			// Decided, issued and delivered: the licence in force, no
			// limit of the agency runs.
			fire("grant", decided, wang, map[string]string{"decision": "决定书"})
			fire("issue_certificate", decided, wang, map[string]string{"certificate": "证号"})
			fire("deliver", decided, wang, nil)
		}
		roster := accountability.Roster{
			Officers: []accountability.Officer{{ID: "王", Unit: "审批局", Substitute: substitute}, {ID: "张", Unit: "审批局"},
				{ID: "李", Unit: "审批局"}, {ID: "赵", Unit: "市场监管局"}},
			Absences: []accountability.Absence{{Officer: "王", From: from, To: to}},
		}
		fs, err := e.Evaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, asOf)
		if err != nil {
			t.Fatal(err)
		}

		// The oracle: the days of the absence the step covers, but for
		// the days it began and ended, counted one by one.
		lo, hi := max(from-1, accepted), min(to, asOf)
		if decided != 0 && decided <= hi {
			hi = decided - 1
		}
		days, over, first, run := 0, 0, date.Date(0), 0
		end := func() {
			if run > th.IdleDays {
				days, over = days+run, over+run-th.IdleDays
			}
			run = 0
		}
		for d := lo + 1; d <= hi; d++ {
			if acts[d] {
				end()
				continue
			}
			if ok, err := cal.IsWorkingDay(d); err != nil {
				t.Fatal(err)
			} else if ok {
				run++
				if run == th.IdleDays+1 && first == 0 {
					first = d
				}
			}
		}
		end()
		rule := accountability.RuleSubstitute
		if substitute == "" {
			rule = accountability.RuleVacantPost
		}
		if days == 0 {
			if len(fs) != 0 {
				t.Fatalf("no stretch over %d idle working days, yet %+v", th.IdleDays, fs)
			}
			return
		}
		if len(fs) != 1 || fs[0].Rule != rule || fs[0].Day != first || fs[0].Overdue != over || fs[0].Officer != substitute ||
			!strings.HasSuffix(fs[0].Message, "案件闲置 "+strconv.Itoa(days)+" 个工作日") {
			t.Fatalf("got %+v\nwant %s from %s, %d idle, %d over", fs, rule, first, days, over)
		}
	})
}
