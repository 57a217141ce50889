package deadline_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

func mustRule(t testing.TB, id string) deadline.Rule {
	t.Helper()
	r, err := deadline.LookupRule(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mustStart(t testing.TB, id string, on date.Date) deadline.Clock {
	t.Helper()
	c, err := deadline.Start(mustRule(t, id), on)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// step returns a function that takes the result of one ledger operation
// and fails the test on error: step(t)(c.Suspend(...)).
func step(t testing.TB) func(deadline.Clock, error) deadline.Clock {
	return func(c deadline.Clock, err error) deadline.Clock {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
}

func status(t testing.TB, c deadline.Clock, asOf date.Date) deadline.Status {
	t.Helper()
	st, err := c.Status(deadline.ChinaMainland(), asOf)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestStatuteScenarios reproduces the time limits of the statutes on the
// 2025 and 2026 calendars, with their holiday weeks and make-up days.
func TestStatuteScenarios(t *testing.T) {
	cal := deadline.ChinaMainland()
	type want struct {
		due                         date.Date
		elapsed, remaining, overdue int
		level                       deadline.Level
	}
	for _, tc := range []struct {
		name  string
		build func(t *testing.T) deadline.Clock
		asOf  date.Date
		want  want
	}{
		{"行政许可法 Art 42 ¶1: 20 working days from acceptance on Fri 26 Sep 2025, the day before the due date",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26)) },
			d(2025, 10, 29), want{d(2025, 10, 30), 19, 1, 0, deadline.LevelYellow}},
		{"Art 42 ¶1: one day overdue",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26)) },
			d(2025, 10, 31), want{d(2025, 10, 30), 21, 0, 1, deadline.LevelRed}},
		{"Art 42 ¶1: mid-way, inside the holiday",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26)) },
			d(2025, 10, 5), want{d(2025, 10, 30), 3, 17, 0, deadline.LevelGreen}},
		{"Art 42 ¶1: extended by 10 working days with the head's approval",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
				return step(t)(c.Extend(cal, d(2025, 10, 28), 10, "局长", "需现场核查"))
			},
			d(2025, 10, 31), want{d(2025, 11, 13), 21, 9, 0, deadline.LevelGreen}},
		{"Art 45: five working days of expert review are not counted",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
				return step(t)(c.Exclude(d(2025, 10, 13), d(2025, 10, 17), deadline.CauseExpertReview, "专家评审"))
			},
			d(2025, 10, 31), want{d(2025, 11, 6), 16, 4, 0, deadline.LevelYellow}}, // 80 % used
		{"Art 45: while testing runs the due date is open",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
				return step(t)(c.Suspend(d(2025, 10, 13), deadline.CauseTesting, "送检"))
			},
			d(2025, 10, 31), want{0, 6, 14, 0, deadline.LevelGreen}},
		{"Art 42 ¶2: joint handling, 45 + 15 working days with the government head's approval",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleLicensingJointDecision, d(2025, 9, 1))
				return step(t)(c.Extend(cal, d(2025, 10, 30), 15, "副县长", "多部门会商"))
			},
			d(2025, 11, 3), want{d(2025, 11, 28), 41, 19, 0, deadline.LevelGreen}},
		{"行政许可法 Art 32 ¶1(4): five working days for the one-time notice, across the 2025 Spring Festival",
			func(t *testing.T) deadline.Clock {
				return mustStart(t, deadline.RuleLicensingCorrectionNotice, d(2025, 1, 24))
			},
			d(2025, 2, 7), want{d(2025, 2, 7), 5, 0, 0, deadline.LevelYellow}},
		{"行政处罚法 Art 60: 90 days from filing end in the National Day break and roll to 9 October",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RulePenaltyDecision, d(2025, 7, 4)) },
			d(2025, 10, 5), want{d(2025, 10, 9), 93, 4, 0, deadline.LevelYellow}},
		{"Art 60: the first day after the rolled due date is overdue",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RulePenaltyDecision, d(2025, 7, 4)) },
			d(2025, 10, 10), want{d(2025, 10, 9), 98, 0, 1, deadline.LevelRed}},
		{"行政处罚法 Art 67 ¶3: 15 days to pay end in the 2026 Spring Festival",
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RulePenaltyPayment, d(2026, 2, 6)) },
			// Four days are left, but one working day: the due day.
			d(2026, 2, 20), want{d(2026, 2, 24), 14, 4, 0, deadline.LevelYellow}},
		{"行政处罚法 Art 64 ¶1(1), Art 85: five working days to request a hearing",
			func(t *testing.T) deadline.Clock {
				return mustStart(t, deadline.RulePenaltyHearingRequest, d(2026, 9, 30))
			},
			d(2026, 10, 9), want{d(2026, 10, 13), 2, 3, 0, deadline.LevelGreen}},
		{"政府信息公开条例 Art 30: the reply clock restarts on receipt of the correction",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleDisclosureReply, d(2025, 3, 3))
				c = step(t)(c.Suspend(d(2025, 3, 5), deadline.CauseConsultation, "征求第三方意见"))
				return step(t)(c.Restart(d(2025, 3, 20), deadline.CauseCorrection, "收到补正申请"))
			},
			d(2025, 4, 3), want{d(2025, 4, 18), 10, 10, 0, deadline.LevelGreen}},
		{"Art 33 ¶2–3: 20 + 20 working days, third-party consultation not counted",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleDisclosureReply, d(2026, 1, 30))
				c = step(t)(c.Exclude(d(2026, 2, 2), d(2026, 2, 13), deadline.CauseConsultation, "征求第三方意见"))
				return step(t)(c.Extend(cal, d(2026, 3, 2), 20, "公开办主任", "涉及多个部门"))
			},
			d(2026, 3, 2), want{d(2026, 4, 17), 7, 33, 0, deadline.LevelGreen}},
		{"信访工作条例 Art 34: 60 days, extended by 30 with the head's approval",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RulePetitionHandling, d(2025, 8, 1))
				return step(t)(c.Extend(cal, d(2025, 9, 25), 30, "主任", "情况复杂"))
			},
			d(2025, 9, 30), want{d(2025, 10, 30), 60, 30, 0, deadline.LevelGreen}},
		{"Art 34: stopped on time",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RulePetitionHandling, d(2025, 8, 1))
				return step(t)(c.Stop(d(2025, 9, 12), "出具处理意见书"))
			},
			d(2025, 12, 1), want{d(2025, 9, 30), 42, 18, 0, deadline.LevelGreen}},
		{"Art 34: stopped late",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RulePetitionHandling, d(2025, 8, 1))
				return step(t)(c.Stop(d(2025, 10, 3), "出具处理意见书"))
			},
			d(2025, 12, 1), want{d(2025, 9, 30), 63, 0, 3, deadline.LevelRed}},
		{"行政强制法 Art 25: 30 days of seizure, testing time not counted",
			func(t *testing.T) deadline.Clock {
				c := mustStart(t, deadline.RuleCompulsionSeizure, d(2025, 3, 3))
				return step(t)(c.Exclude(d(2025, 3, 10), d(2025, 3, 19), deadline.CauseTesting, "检测"))
			},
			d(2025, 3, 20), want{d(2025, 4, 14), 7, 25, 0, deadline.LevelGreen}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := status(t, tc.build(t), tc.asOf)
			got := want{st.Due, st.Elapsed, st.Remaining, st.Overdue, st.Level(deadline.DefaultPolicy())}
			if got != tc.want {
				t.Errorf("as of %s: got %+v, want %+v", tc.asOf, got, tc.want)
			}
		})
	}
}

func TestLedgerRefusals(t *testing.T) {
	cal := deadline.ChinaMainland()
	base := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
	extended := step(t)(base.Extend(cal, d(2025, 10, 9), 5, "局长", "复杂"))
	suspended := step(t)(base.Suspend(d(2025, 10, 13), deadline.CauseHearing, "听证"))
	excluded := step(t)(base.Exclude(d(2025, 10, 13), d(2025, 10, 17), deadline.CauseHearing, "听证"))
	stopped := step(t)(base.Stop(d(2025, 10, 20), "准予许可"))
	for _, tc := range []struct {
		name string
		do   func() (deadline.Clock, error)
		from deadline.Clock
		want error
	}{
		{"extension without approver", func() (deadline.Clock, error) { return base.Extend(cal, d(2025, 10, 9), 10, "", "复杂") }, base, deadline.ErrExtensionRefused},
		{"extension without reason", func() (deadline.Clock, error) { return base.Extend(cal, d(2025, 10, 9), 10, "局长", " ") }, base, deadline.ErrExtensionRefused},
		{"extension beyond the cap of Art 42", func() (deadline.Clock, error) { return base.Extend(cal, d(2025, 10, 9), 11, "局长", "复杂") }, base, deadline.ErrExtensionRefused},
		{"a second extension", func() (deadline.Clock, error) { return extended.Extend(cal, d(2025, 10, 10), 5, "局长", "复杂") }, extended, deadline.ErrExtensionRefused},
		{"extension after the period ended", func() (deadline.Clock, error) { return base.Extend(cal, d(2025, 10, 31), 10, "局长", "复杂") }, base, deadline.ErrExtensionRefused},
		{"extension of nothing", func() (deadline.Clock, error) { return base.Extend(cal, d(2025, 10, 9), 0, "局长", "复杂") }, base, deadline.ErrExtensionRefused},
		{"extension without a calendar", func() (deadline.Clock, error) { return base.Extend(nil, d(2025, 10, 9), 5, "局长", "复杂") }, base, deadline.ErrExtensionRefused},
		{"extension of a rule that allows none", func() (deadline.Clock, error) {
			return mustStart(t, deadline.RulePenaltyPayment, d(2025, 1, 1)).Extend(cal, d(2025, 1, 2), 5, "x", "y")
		}, mustStart(t, deadline.RulePenaltyPayment, d(2025, 1, 1)), deadline.ErrExtensionRefused},
		{"suspension while suspended", func() (deadline.Clock, error) { return suspended.Suspend(d(2025, 10, 14), deadline.CauseTesting, "x") }, suspended, deadline.ErrOverlap},
		{"suspension inside the last one", func() (deadline.Clock, error) { return excluded.Suspend(d(2025, 10, 16), deadline.CauseTesting, "x") }, excluded, deadline.ErrEntryRefused},
		{"a cause Art 45 does not name", func() (deadline.Clock, error) {
			return base.Suspend(d(2025, 10, 13), deadline.CauseCorrection, "补正")
		}, base, deadline.ErrEntryRefused},
		{"a restart the rule does not allow", func() (deadline.Clock, error) {
			return base.Restart(d(2025, 10, 13), deadline.CauseCorrection, "补正")
		}, base, deadline.ErrEntryRefused},
		{"resume when not suspended", func() (deadline.Clock, error) { return base.Resume(d(2025, 10, 13)) }, base, deadline.ErrEntryRefused},
		{"resume before the suspension", func() (deadline.Clock, error) { return suspended.Resume(d(2025, 10, 12)) }, suspended, deadline.ErrEntryRefused},
		{"inverted exclusion", func() (deadline.Clock, error) {
			return base.Exclude(d(2025, 10, 17), d(2025, 10, 13), deadline.CauseHearing, "x")
		}, base, deadline.ErrInvertedInterval},
		{"entry before the last one", func() (deadline.Clock, error) { return excluded.Stop(d(2025, 10, 16), "x") }, excluded, deadline.ErrEntryRefused},
		{"entry before the start", func() (deadline.Clock, error) { return base.Stop(d(2025, 9, 25), "x") }, base, deadline.ErrEntryRefused},
		{"entry after the stop", func() (deadline.Clock, error) { return stopped.Suspend(d(2025, 10, 21), deadline.CauseHearing, "x") }, stopped, deadline.ErrClockStopped},
		{"entry without a day", func() (deadline.Clock, error) { return base.Stop(0, "x") }, base, deadline.ErrEntryRefused},
		{"unknown entry kind", func() (deadline.Clock, error) { return base.Apply(cal, deadline.Entry{Kind: 99, On: d(2025, 10, 1)}) }, base, deadline.ErrEntryRefused},
		{"a clock never started", func() (deadline.Clock, error) { return deadline.Clock{}.Stop(d(2025, 10, 1), "x") }, deadline.Clock{}, deadline.ErrEntryRefused},
	} {
		before, _ := json.Marshal(tc.from)
		got, err := tc.do()
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		var de *deadline.Error
		if !errors.As(err, &de) {
			t.Errorf("%s: %T is not a *deadline.Error", tc.name, err)
		}
		after, _ := json.Marshal(tc.from)
		if !got.Equal(tc.from) || string(before) != string(after) {
			t.Errorf("%s: a refused entry changed the clock", tc.name)
		}
	}
}

// 行政许可法 Art 45 and Art 47 ¶1: expert review ends on Friday 17 October
// 2025, and the applicant, told of the right to a hearing that day, asks
// for one the same afternoon. The hearing's suspension begins on the day
// the review's ended: that day is not counted, once, and the count is the
// same as for one suspension from the 13th to the hearing on the 24th.
func TestSuspensionOnTheDayTheLastEnded(t *testing.T) {
	base := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
	review := step(t)(base.Exclude(d(2025, 10, 13), d(2025, 10, 17), deadline.CauseExpertReview, "专家评审"))
	split := step(t)(review.Exclude(d(2025, 10, 17), d(2025, 10, 24), deadline.CauseHearing, "听证"))
	whole := step(t)(base.Exclude(d(2025, 10, 13), d(2025, 10, 24), deadline.CauseHearing, "听证"))
	for asOf := d(2025, 10, 10); asOf <= d(2025, 11, 20); asOf++ {
		a, b := status(t, split, asOf), status(t, whole, asOf)
		if a != b {
			t.Fatalf("as of %s: two suspensions %+v, one %+v", asOf, a, b)
		}
	}
	if st := status(t, split, d(2025, 10, 27)); st.Due != d(2025, 11, 13) || st.Elapsed != 7 {
		t.Errorf("due %s after %d working days, want 2025-11-13 after 7", st.Due, st.Elapsed)
	}
	if _, err := review.Suspend(d(2025, 10, 17), deadline.CauseHearing, "听证"); err != nil {
		t.Errorf("a suspension on the day the last ended: %v", err)
	}
}

func TestStartRefusesBadRules(t *testing.T) {
	r := mustRule(t, deadline.RuleLicensingDecision)
	r.ID = ""
	r.Period.N = 0
	r.Extension.Approver = ""
	r.Citations = nil
	_, err := deadline.Start(r, d(2025, 1, 1))
	checkProblems(t, "Start", err, []wantProblem{
		{"rule.id", deadline.ErrInvalidRule},
		{"rule.period", deadline.ErrInvalidRule},
		{"rule.extension.approver", deadline.ErrInvalidRule},
		{"rule.citations", deadline.ErrInvalidRule},
	})
	_, err = deadline.Start(r, 0)
	checkProblems(t, "Start without a day", err, []wantProblem{
		{"rule.id", deadline.ErrInvalidRule},
		{"rule.period", deadline.ErrInvalidRule},
		{"rule.extension.approver", deadline.ErrInvalidRule},
		{"rule.citations", deadline.ErrInvalidRule},
		{"", deadline.ErrEntryRefused},
	})
	if _, err := deadline.Start(mustRule(t, deadline.RuleLicensingDecision), 0); !errors.Is(err, deadline.ErrEntryRefused) {
		t.Errorf("start without a day: %v", err)
	}
	if _, err := (deadline.Clock{}).Status(deadline.ChinaMainland(), d(2025, 1, 1)); !errors.Is(err, deadline.ErrEntryRefused) {
		t.Errorf("status of a clock never started: %v", err)
	}
}

func TestReferenceRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range deadline.ReferenceRules() {
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", r.ID, err)
		}
		if seen[r.ID] {
			t.Errorf("%s listed twice", r.ID)
		}
		seen[r.ID] = true
		got, err := deadline.LookupRule(r.ID)
		if err != nil || !got.Equal(r) {
			t.Errorf("LookupRule(%s) = %v, %v", r.ID, got.ID, err)
		}
		law := r.Citation().Law
		switch {
		case law == "行政许可法" && r.Period.Unit != deadline.WorkingDays:
			t.Errorf("%s: 行政许可法 Art 82 counts every licensing period in working days", r.ID)
		case law == "行政处罚法" && r.Period.Unit != deadline.Years:
			// Art 85: exactly the 2/3/5/7-day periods are working days.
			short := r.Period.N == 2 || r.Period.N == 3 || r.Period.N == 5 || r.Period.N == 7
			if short != (r.Period.Unit == deadline.WorkingDays) {
				t.Errorf("%s: %v breaks 行政处罚法 Art 85", r.ID, r.Period)
			}
		case law == "行政复议法":
			short := r.Period.N == 3 || r.Period.N == 5 || r.Period.N == 7 || r.Period.N == 10
			if short != (r.Period.Unit == deadline.WorkingDays) {
				t.Errorf("%s: %v breaks 行政复议法 Art 88 ¶2", r.ID, r.Period)
			}
		case law == "行政强制法":
			if (r.Period.N <= 10) != (r.Period.Unit == deadline.WorkingDays) {
				t.Errorf("%s: %v breaks 行政强制法 Art 69", r.ID, r.Period)
			}
		case law == "政府信息公开条例" && r.Period.Unit != deadline.WorkingDays:
			t.Errorf("%s: 政府信息公开条例 counts in working days", r.ID)
		}
	}
	if _, err := deadline.LookupRule("no-such-rule"); !errors.Is(err, deadline.ErrUnknownRule) {
		t.Errorf("unknown rule: %v", err)
	}
	// The result is a copy.
	rs := deadline.ReferenceRules()
	rs[0].Citations[0].Article = 999
	if deadline.ReferenceRules()[0].Citations[0].Article == 999 {
		t.Errorf("ReferenceRules shares its data")
	}
}

func TestExplain(t *testing.T) {
	cal := deadline.ChinaMainland()
	c := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
	c = step(t)(c.Exclude(d(2025, 10, 13), d(2025, 10, 14), deadline.CauseExpertReview, "专家评审"))
	ex, err := c.Explain(cal, d(2025, 10, 20))
	if err != nil {
		t.Fatal(err)
	}
	notes := map[date.Date]deadline.Note{}
	counted := 0
	for _, day := range ex.Days {
		notes[day.Date] = day.Note
		if day.Counted {
			counted++
			if day.N != counted {
				t.Errorf("%s numbered %d, want %d", day.Date, day.N, counted)
			}
		}
	}
	for day, want := range map[date.Date]deadline.Note{
		d(2025, 9, 27):  deadline.NoteWeekend,
		d(2025, 9, 28):  deadline.NoteMakeUpCounted,
		d(2025, 10, 1):  deadline.NoteHoliday,
		d(2025, 10, 8):  deadline.NoteHoliday,
		d(2025, 10, 11): deadline.NoteMakeUpCounted,
		d(2025, 10, 13): deadline.NoteSuspended,
		d(2025, 10, 14): deadline.NoteSuspended,
		d(2025, 10, 15): deadline.NoteCounted,
	} {
		if notes[day] != want {
			t.Errorf("%s: %v, want %v", day, notes[day], want)
		}
	}
	last := ex.Days[len(ex.Days)-1]
	if last.Date != ex.Status.Due || last.N != 20 || ex.Status.Due != d(2025, 11, 3) {
		t.Errorf("explanation ends on %s (n=%d); due %s, want 2025-11-03, the 20th", last.Date, last.N, ex.Status.Due)
	}
	text := ex.String()
	for _, want := range []string{"《行政许可法》第四十二条第一款", "《行政许可法》第八十二条", "2025-10-01–2025-10-08", "国庆节、中秋节", "专家评审", "2025-11-03"} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
	if len(ex.Skipped()) != len(ex.Days)-counted {
		t.Errorf("Skipped has %d days", len(ex.Skipped()))
	}
}

func TestExplainRolled(t *testing.T) {
	c := mustStart(t, deadline.RulePenaltyDecision, d(2025, 7, 4))
	ex, err := c.Explain(deadline.ChinaMainland(), d(2025, 7, 4))
	if err != nil {
		t.Fatal(err)
	}
	var rolled []date.Date
	for _, day := range ex.Days {
		if day.Note == deadline.NoteRolled {
			rolled = append(rolled, day.Date)
		}
	}
	want := []date.Date{d(2025, 10, 3), d(2025, 10, 4), d(2025, 10, 5), d(2025, 10, 6), d(2025, 10, 7), d(2025, 10, 8), d(2025, 10, 9)}
	// The due day itself is counted as the last day; the days between the
	// nominal end and it are passed over.
	if diff := cmp.Diff(want[:6], rolled); diff != "" {
		t.Errorf("rolled days (-want +got):\n%s", diff)
	}
	// Explain and Status agree on the count: the rolled days are part of
	// the period, so the due day is the 97th day and nothing is overdue.
	last := ex.Days[len(ex.Days)-1]
	st, _ := c.Status(deadline.ChinaMainland(), ex.Status.Due)
	if last.Date != d(2025, 10, 9) || last.N != st.Elapsed || last.N != 97 || last.Overdue {
		t.Errorf("due day %+v; Status as of the due day has Elapsed %d", last, st.Elapsed)
	}
	late, _ := c.Explain(deadline.ChinaMainland(), d(2025, 10, 10))
	if day := late.Days[len(late.Days)-1]; !day.Overdue || day.N != 98 || late.Status.Overdue != 1 {
		t.Errorf("the day after the due date: %+v, Status overdue %d", day, late.Status.Overdue)
	}
}

func TestClockJSON(t *testing.T) {
	cal := deadline.ChinaMainland()
	c := mustStart(t, deadline.RuleDisclosureReply, d(2026, 1, 30))
	c = step(t)(c.Exclude(d(2026, 2, 2), d(2026, 2, 13), deadline.CauseConsultation, "征求第三方意见"))
	c = step(t)(c.Extend(cal, d(2026, 3, 2), 20, "公开办主任", "涉及多个部门"))
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back deadline.Clock
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(c) {
		t.Errorf("round trip differs:\n%s", data)
	}
	for _, tc := range []struct {
		name, json string
		want       error
	}{
		{"malformed", `{"rule":`, deadline.ErrEntryRefused},
		{"unknown member", `{"rule":{},"start":"2025-01-01","ledger":[],"x":1}`, deadline.ErrEntryRefused},
		{"invalid rule", `{"rule":{"id":"x","period":{"n":0,"unit":"days"},"citations":[]},"start":"2025-01-01","ledger":[]}`, deadline.ErrInvalidRule},
		{"unknown unit", `{"rule":{"id":"x","period":{"n":5,"unit":"weeks"}},"start":"2025-01-01"}`, deadline.ErrEntryRefused},
		{"ledger out of order", strings.Replace(string(data), `"on":"2026-03-02"`, `"on":"2026-02-01"`, 1), deadline.ErrEntryRefused},
		{"extension beyond the cap", strings.Replace(string(data), `"units":20`, `"units":21`, 1), deadline.ErrExtensionRefused},
	} {
		var got deadline.Clock
		if err := got.UnmarshalJSON([]byte(tc.json)); !errors.Is(err, tc.want) || !got.IsZero() {
			t.Errorf("%s: %v, want %v and the clock untouched", tc.name, err, tc.want)
		}
	}
	// A late extension can only come from outside; Status refuses it.
	late := strings.Replace(string(data), `"on":"2026-03-02"`, `"on":"2026-03-20"`, 1)
	var lc deadline.Clock
	if err := json.Unmarshal([]byte(late), &lc); err != nil {
		t.Fatal(err)
	}
	if _, err := lc.Status(cal, d(2026, 3, 25)); !errors.Is(err, deadline.ErrExtensionRefused) {
		t.Errorf("late extension read from JSON: %v", err)
	}
}

func TestPolicy(t *testing.T) {
	for _, tc := range []struct {
		st   deadline.Status
		p    deadline.Policy
		want deadline.Level
	}{
		{deadline.Status{Elapsed: 10, Remaining: 10}, deadline.DefaultPolicy(), deadline.LevelGreen},
		{deadline.Status{Elapsed: 16, Remaining: 4}, deadline.DefaultPolicy(), deadline.LevelYellow}, // 80 % used
		{deadline.Status{Elapsed: 15, Remaining: 5}, deadline.DefaultPolicy(), deadline.LevelGreen},  // 75 % used
		{deadline.Status{Elapsed: 3, Remaining: 1}, deadline.DefaultPolicy(), deadline.LevelYellow},  // one day left
		{deadline.Status{Elapsed: 3, Remaining: 1}, deadline.Policy{YellowRemaining: -1}, deadline.LevelGreen},
		{deadline.Status{Elapsed: 4, Remaining: 0}, deadline.Policy{}, deadline.LevelYellow}, // zero policy: the due day
		{deadline.Status{Elapsed: 21, Overdue: 1}, deadline.DefaultPolicy(), deadline.LevelRed},
		{deadline.Status{Elapsed: 19, Remaining: 1, Stopped: true}, deadline.DefaultPolicy(), deadline.LevelGreen},
		{deadline.Status{Elapsed: 21, Overdue: 1, Stopped: true}, deadline.DefaultPolicy(), deadline.LevelRed},
	} {
		if got := tc.st.Level(tc.p); got != tc.want {
			t.Errorf("%+v under %+v: %v, want %v", tc.st, tc.p, got, tc.want)
		}
	}
	if err := (deadline.Policy{YellowUsedPercent: 120}).Validate(); !errors.Is(err, deadline.ErrInvalidPeriod) {
		t.Errorf("percentage over 100: %v", err)
	}
}

func TestTemplate(t *testing.T) {
	r := mustRule(t, deadline.RuleLicensingDecision)
	tmpl, err := deadline.NewTemplate(r)
	if err != nil {
		t.Fatal(err)
	}
	a, err1 := tmpl.Start(d(2025, 9, 26))
	b, err2 := deadline.Start(r, d(2025, 9, 26))
	if err1 != nil || err2 != nil || !a.Equal(b) {
		t.Errorf("a clock from a template differs from one started directly: %v, %v", err1, err2)
	}
	r.Citations[0].Article = 99 // the template copied the rule
	if tmpl.Rule().Citations[0].Article != 42 {
		t.Errorf("the template shares its rule with the caller")
	}
	term, err := tmpl.Term(31)
	if err != nil {
		t.Fatal(err)
	}
	clk, _ := term.Start(d(2026, 8, 10))
	if due, err := clk.Due(deadline.ChinaMainland()); err != nil || due != d(2026, 9, 10) {
		t.Errorf("a 31-day term from 2026-08-10 is due %s, %v; want 2026-09-10 (a Thursday, and it never rolls)", due, err)
	}
	if _, err := clk.Extend(deadline.ChinaMainland(), d(2026, 8, 20), 5, "x", "y"); !errors.Is(err, deadline.ErrExtensionRefused) {
		t.Errorf("a term cannot be extended: %v", err)
	}
	if tr := term.Rule(); tr.Roll != deadline.RollNone || tr.Period != (deadline.Period{N: 31, Unit: deadline.Days}) || len(tr.Citations) != 2 {
		t.Errorf("term rule %+v", tr)
	}
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"invalid rule", func() error { _, err := deadline.NewTemplate(deadline.Rule{}); return err }(), deadline.ErrInvalidRule},
		{"zero template", func() error { _, err := deadline.Template{}.Start(d(2025, 1, 1)); return err }(), deadline.ErrInvalidRule},
		{"no start day", func() error { _, err := tmpl.Start(0); return err }(), deadline.ErrEntryRefused},
		{"empty term", func() error { _, err := tmpl.Term(0); return err }(), deadline.ErrInvalidPeriod},
		{"term of a zero template", func() error { _, err := deadline.Template{}.Term(3); return err }(), deadline.ErrInvalidRule},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, tc.err, tc.want)
		}
	}
	c := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
	if c.LastDay() != d(2025, 9, 26) {
		t.Errorf("LastDay of a fresh clock = %s", c.LastDay())
	}
	c = step(t)(c.Suspend(d(2025, 10, 13), deadline.CauseTesting, "送检"))
	st, _ := c.Status(deadline.ChinaMainland(), c.LastDay())
	if c.LastDay() != d(2025, 10, 13) || st.HasDue() {
		t.Errorf("LastDay %s; a suspended clock has a due date: %v", c.LastDay(), st.HasDue())
	}
}

// TestLevelText: the three lights round-trip through their text form; a
// value that is no light is neither written nor read.
func TestLevelText(t *testing.T) {
	for l := deadline.LevelGreen; l <= deadline.LevelRed; l++ {
		b, err := l.MarshalText()
		var back deadline.Level
		if err != nil || back.UnmarshalText(b) != nil || back != l {
			t.Errorf("%d: %q %v → %v", l, b, err, back)
		}
	}
	if b, err := deadline.Level(3).MarshalText(); !errors.Is(err, deadline.ErrInvalidPeriod) {
		t.Errorf("Level(3) written as %q, %v", b, err)
	}
	back := deadline.LevelYellow
	for _, s := range []string{"unknown", "黄灯", "Red", ""} {
		if err := back.UnmarshalText([]byte(s)); !errors.Is(err, deadline.ErrInvalidPeriod) || back != deadline.LevelYellow {
			t.Errorf("%q read as %v, %v", s, back, err)
		}
	}
}

// TestWorkingDaysLeft: the warning lights count the working days left,
// as DESIGN.md and the local rules that set a reminder "one working day
// before" the limit do, also for a limit of calendar days.
func TestWorkingDaysLeft(t *testing.T) {
	national := deadline.ChinaMainland()
	// 2025 alone: a rule that does not roll is counted past it, its
	// working days are not.
	y2025, err := deadline.New(deadline.Spec{ID: "y2025", From: d(2025, 1, 1), To: d(2025, 12, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday}})
	if err != nil {
		t.Fatal(err)
	}
	// Art 60's limit, shortened to ten days that do not roll.
	plain := mustRule(t, deadline.RulePenaltyDecision)
	plain.ID, plain.Period, plain.Roll = "plain-10", deadline.Period{N: 10, Unit: deadline.Days}, deadline.RollNone
	penaltyDecision := func(filed date.Date) func(t *testing.T) deadline.Clock {
		return func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RulePenaltyDecision, filed) }
	}
	startPlain := func(on date.Date) func(t *testing.T) deadline.Clock {
		return func(t *testing.T) deadline.Clock {
			c, err := deadline.Start(plain, on)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	type want struct {
		remaining, left int
		known           bool
		level           deadline.Level
	}
	ahead := deadline.Policy{YellowRemaining: 1}
	for _, tc := range []struct {
		name string
		cal  *deadline.Calendar
		clk  func(t *testing.T) deadline.Clock
		asOf date.Date
		want want
	}{
		// 行政处罚法 Art 60: 90 days from filing on Tue 19 Aug 2025, due
		// on Monday 17 November.
		{"Art 60: the Thursday before a Monday due day, two working days left", national,
			penaltyDecision(d(2025, 8, 19)),
			d(2025, 11, 13), want{4, 2, true, deadline.LevelGreen}},
		{"Art 60: the Friday before, one working day left: yellow", national,
			penaltyDecision(d(2025, 8, 19)),
			d(2025, 11, 14), want{3, 1, true, deadline.LevelYellow}},
		{"Art 60: the Sunday before", national,
			penaltyDecision(d(2025, 8, 19)),
			d(2025, 11, 16), want{1, 1, true, deadline.LevelYellow}},
		{"Art 60: rolled off the National Day break to 9 October: on 30 September only the due day is a working day left", national,
			penaltyDecision(d(2025, 7, 4)),
			d(2025, 9, 30), want{9, 1, true, deadline.LevelYellow}},
		{"Art 60: the same, as of 29 September", national,
			penaltyDecision(d(2025, 7, 4)),
			d(2025, 9, 29), want{10, 2, true, deadline.LevelGreen}},
		{"Art 60: stopped on the Friday: counted from the stop, and green", national,
			func(t *testing.T) deadline.Clock {
				return step(t)(mustStart(t, deadline.RulePenaltyDecision, d(2025, 8, 19)).Stop(d(2025, 11, 14), "决定"))
			},
			d(2025, 12, 1), want{3, 1, true, deadline.LevelGreen}},
		{"Art 42 ¶1: a working-day limit counts its Remaining", national,
			func(t *testing.T) deadline.Clock { return mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26)) },
			d(2025, 10, 29), want{1, 1, true, deadline.LevelYellow}},
		{"a limit that does not roll, due past the calendar: at least 31 December, and the light in counting days", y2025,
			startPlain(d(2025, 12, 26)),
			d(2025, 12, 30), want{6, 1, false, deadline.LevelGreen}},
		{"the same, due inside the calendar: a weekend and the due day", y2025,
			startPlain(d(2025, 12, 11)),
			d(2025, 12, 18), want{3, 1, true, deadline.LevelYellow}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := tc.clk(t).Status(tc.cal, tc.asOf)
			if err != nil {
				t.Fatal(err)
			}
			got := want{st.Remaining, st.WorkingDaysLeft, st.WorkingDaysKnown, st.Level(ahead)}
			if got != tc.want {
				t.Errorf("as of %s (due %s): got %+v, want %+v", tc.asOf, st.Due, got, tc.want)
			}
		})
	}
	// A Status built by hand knows no working days: its zero is not
	// read as none left.
	if l := (deadline.Status{Unit: deadline.Days, Elapsed: 1, Remaining: 5}).Level(deadline.DefaultPolicy()); l != deadline.LevelGreen {
		t.Errorf("hand-built status with 5 days left: %v", l)
	}
	if l := (deadline.Status{Unit: deadline.Days, Elapsed: 1, Remaining: 5, WorkingDaysLeft: 1, WorkingDaysKnown: true}).Level(deadline.DefaultPolicy()); l != deadline.LevelYellow {
		t.Errorf("status with 1 working day of 5 days left: %v", l)
	}
	// KnownLevel: where the working days are not known, the light is
	// known only if it is the same for every count there may be.
	for _, tc := range []struct {
		st    deadline.Status
		want  deadline.Level
		known bool
	}{
		{deadline.Status{Unit: deadline.Days, Due: d(2027, 1, 10), Elapsed: 1, Remaining: 10, WorkingDaysLeft: 3}, deadline.LevelGreen, true},
		{deadline.Status{Unit: deadline.Days, Due: d(2027, 1, 10), Elapsed: 1, Remaining: 10, WorkingDaysLeft: 1}, deadline.LevelGreen, false},
		{deadline.Status{Unit: deadline.Days, Due: d(2027, 1, 10), Elapsed: 10, Remaining: 1}, deadline.LevelYellow, true},
		{deadline.Status{Unit: deadline.Days, Due: d(2027, 1, 10), Elapsed: 1, Remaining: 10, WorkingDaysLeft: 1, WorkingDaysKnown: true}, deadline.LevelYellow, true},
		{deadline.Status{Unit: deadline.WorkingDays, Due: d(2027, 1, 10), Elapsed: 1, Remaining: 10}, deadline.LevelGreen, true},
		{deadline.Status{Unit: deadline.Days, Elapsed: 1, Remaining: 10, Paused: true}, deadline.LevelGreen, true},
	} {
		if l, err := tc.st.KnownLevel(ahead); l != tc.want || (err == nil) != tc.known || err != nil && !errors.Is(err, deadline.ErrOutOfCoverage) {
			t.Errorf("%+v: KnownLevel %v, %v; want %v, known %t", tc.st, l, err, tc.want, tc.known)
		}
	}
}

// 行政许可法 Art 45: expert review is not counted. A licence accepted on
// 26 September 2025 is due on 30 October; review from 29 October, with
// one working day left, stops the count, and no light but red shows
// while it lasts: nothing runs late while time is not counted. Back from
// review on 20 November, one working day is left, and the light is
// yellow. A limit that ran out before its suspension began stays red.
func TestNoLightWhileSuspended(t *testing.T) {
	cal := deadline.ChinaMainland()
	p := deadline.DefaultPolicy()
	base := mustStart(t, deadline.RuleLicensingDecision, d(2025, 9, 26))
	review := step(t)(base.Suspend(d(2025, 10, 29), deadline.CauseExpertReview, "专家评审"))
	for _, tc := range []struct {
		name string
		clk  deadline.Clock
		asOf date.Date
		want deadline.Level
	}{
		{"one working day left, counting", base, d(2025, 10, 29), deadline.LevelYellow},
		{"under review", review, d(2025, 11, 10), deadline.LevelGreen},
		{"back from review", step(t)(review.Resume(d(2025, 11, 19))), d(2025, 11, 19), deadline.LevelYellow},
		{"suspended after the limit ran out", step(t)(base.Suspend(d(2025, 11, 3), deadline.CauseExpertReview, "专家评审")), d(2025, 11, 10), deadline.LevelRed},
	} {
		st, err := tc.clk.Status(cal, tc.asOf)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Level(p); got != tc.want {
			t.Errorf("%s: %v as of %s, want %v (%+v)", tc.name, got, tc.asOf, tc.want, st)
		}
	}
}
