package procedure_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The helpers prefixed xn are shared by the statute scenarios of the
// penalty, penalty-simplified and disclosure definitions.

// xnAt is the given hour China Standard Time on the given day.
func xnAt(y int, m time.Month, d, hour int) time.Time {
	return time.Date(y, m, d, hour, 0, 0, 0, deadline.ChinaStandardTime())
}

// xnDay is 10:00 China Standard Time on the given day.
func xnDay(y int, m time.Month, d int) time.Time { return xnAt(y, m, d, 10) }

// xnMidnight is 00:00 China Standard Time on the given day: the instant a
// due day that ended at 24:00 the day before gives way to its outcome.
func xnMidnight(y int, m time.Month, d int) time.Time { return xnAt(y, m, d, 0) }

var xnOfficer = procedure.Actor{Officer: "李明", Unit: "综合行政执法局"}

// xnStep is one event of a scenario and what should follow: the state
// after it when it is allowed, or the sentinel and the unmet guards when
// it is refused. An unmet guard is named by its key, or key=value to tell
// apart guards on one key (e.g. fine=200).
type xnStep struct {
	trigger procedure.Trigger
	at      time.Time
	payload map[string]string
	state   procedure.State
	err     error
	unmet   []string
}

// xnRun fires the steps on a new case and checks each outcome.
func xnRun(t *testing.T, d *procedure.Definition, id string, steps []xnStep) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, d.NewCase(id), steps)
}

// xnContinue fires the steps on case c and checks each outcome.
func xnContinue(t *testing.T, d *procedure.Definition, c *procedure.Case, steps []xnStep) *procedure.Case {
	t.Helper()
	ctx := context.Background()
	for i, s := range steps {
		before := c.Clone()
		err := d.Fire(ctx, c, procedure.Event{Trigger: s.trigger, At: s.at, Actor: xnOfficer, Reason: "依法办理", Payload: s.payload})
		if s.err == nil {
			if err != nil || c.State != s.state {
				t.Fatalf("step %d (%s): state %s, %v; want %s", i, s.trigger, c.State, err, s.state)
			}
			continue
		}
		var pe *procedure.Error
		if !errors.Is(err, s.err) || !errors.As(err, &pe) {
			t.Fatalf("step %d (%s): error %v, want %v", i, s.trigger, err, s.err)
		}
		if pe.State != before.State || pe.Trigger != s.trigger {
			t.Errorf("step %d (%s): error names state %s, trigger %s", i, s.trigger, pe.State, pe.Trigger)
		}
		for _, want := range s.unmet {
			if !xnUnmet(d, before.State, s.trigger, pe.Unmet, want) {
				t.Errorf("step %d (%s): guard %q is not among the unmet %q", i, s.trigger, want, pe.Unmet)
			}
		}
		if diff := cmp.Diff(before, c); diff != "" {
			t.Fatalf("step %d (%s): a refused event changed the case:\n%s", i, s.trigger, diff)
		}
	}
	return c
}

// xnUnmet reports whether a guard named want (key or key=value) of a
// transition from state on trigger is among the unmet guards: its
// Chinese and English descriptions both appear in one entry.
func xnUnmet(d *procedure.Definition, state procedure.State, trigger procedure.Trigger, unmet []string, want string) bool {
	key, value, byValue := strings.Cut(want, "=")
	for _, tr := range d.Transitions(state) {
		if tr.Trigger != trigger {
			continue
		}
		for _, g := range tr.Guards {
			if g.Key != key || (byValue && g.Value != value) {
				continue
			}
			for _, u := range unmet {
				if strings.Contains(u, g.Desc) && strings.Contains(u, g.DescEN) {
					return true
				}
			}
		}
	}
	return false
}

// xnDue returns the running clocks of a case on day asOf, by name.
func xnDue(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date) map[string]procedure.ClockStatus {
	t.Helper()
	due, err := d.Due(c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]procedure.ClockStatus{}
	for _, s := range due {
		out[s.Name] = s
	}
	return out
}

// xnWantDue checks the due date of a running clock on day asOf.
func xnWantDue(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date, clock string, want date.Date) {
	t.Helper()
	st, ok := xnDue(t, d, c, asOf)[clock]
	if !ok {
		t.Errorf("clock %s is not running on %s", clock, asOf)
		return
	}
	if st.Due != want {
		t.Errorf("clock %s due %s, want %s", clock, st.Due, want)
	}
}

// xnFacts checks the facts a case records, "" for one it must not.
func xnFacts(t *testing.T, c *procedure.Case, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if c.Facts[k] != v {
			t.Errorf("fact %s is %q, want %q (facts %v)", k, c.Facts[k], v, c.Facts)
		}
	}
}

// xnReplay checks that the case's events rebuild the case.
func xnReplay(t *testing.T, d *procedure.Definition, c *procedure.Case) {
	t.Helper()
	replayed, err := d.Replay(context.Background(), c.ID, c.Events)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	if diff := cmp.Diff(c, replayed); diff != "" {
		t.Errorf("replay differs (-live +replay):\n%s", diff)
	}
}

// xnAdvance advances the case to asOf and checks the automatic events.
func xnAdvance(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf time.Time, want ...procedure.Event) {
	t.Helper()
	ctx := context.Background()
	got, err := d.Advance(ctx, c, asOf)
	if err != nil {
		t.Fatalf("Advance: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("Advance fired %d events, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Trigger != want[i].Trigger || !got[i].At.Equal(want[i].At) || !got[i].Auto {
			t.Errorf("automatic event %d: %s at %s (auto %v), want %s at %s", i, got[i].Trigger, got[i].At, got[i].Auto, want[i].Trigger, want[i].At)
		}
	}
	if more, err := d.Advance(ctx, c, asOf); err != nil || len(more) != 0 {
		t.Errorf("Advance again fired %d events, %v", len(more), err)
	}
}

func xnDefinition(t testing.TB, name string) *procedure.Definition {
	t.Helper()
	d, err := procedure.Reference(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func d8(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// Payloads of the general procedure.
var (
	penFile        = map[string]string{"filing_basis": "群众举报，现场检查发现无证经营", "party": "某商贸有限公司", "act_ended": "2025-03-15", "discovered": "2025-08-20"}
	penInvestigate = map[string]string{"officers": "李明、赵刚", "credentials": "执法证001、002", "record": "现场检查笔录"}
	penWaive       = map[string]string{"waiver": "当事人书面声明放弃陈述、申辩"}
)

// penNotice is a pre-decision notice with a period to state and defend
// ending on by, with or without the right to a hearing.
func penNotice(by string, hearing bool) map[string]string {
	p := map[string]string{"intended_penalty": "拟罚款五万元；事实、理由、依据见告知书", "statement_by": by}
	if hearing {
		p["hearing_right"] = "true"
	}
	return p
}

// penDecision is a decision document, with a fine when fine is not empty.
func penDecision(fine string) map[string]string {
	p := map[string]string{"decision": "某执罚决字〔2025〕12号"}
	if fine != "" {
		p["fine"] = fine
	}
	return p
}

// penDecided brings a case of the general procedure d to a decision on
// day on with the given fine, or none.
func penDecided(t *testing.T, d *procedure.Definition, id string, on time.Time, fine string) *procedure.Case {
	t.Helper()
	return penDecidedAs(t, d, id, on, penDecision(fine))
}

// penDecidedAs brings a case of the general procedure d to the decision
// the payload gives, on day on.
func penDecidedAs(t *testing.T, d *procedure.Definition, id string, on time.Time, decision map[string]string) *procedure.Case {
	t.Helper()
	return xnRun(t, d, id, []xnStep{
		{trigger: "file", at: on.AddDate(0, 0, -20), payload: penFile, state: "investigating"},
		{trigger: "notify_intended", at: on.AddDate(0, 0, -7), payload: penNotice(on.AddDate(0, 0, -1).Format("2006-01-02"), false), state: "notified"},
		{trigger: "decide_penalty", at: on, payload: decision, state: "decided"},
	})
}

// TestPenaltyGeneralProcedure walks the general procedure of 行政处罚法
// (2021) through its articles on the 2025 and 2026 calendars.
func TestPenaltyGeneralProcedure(t *testing.T) {
	d := xnDefinition(t, "penalty")
	ctx := context.Background()

	t.Run("Art 54 ¶2, Art 60: filed 1 Sep 2025, the 90 days end on Sun 30 Nov and roll to Mon 1 Dec (民法典 Art 203)", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-001", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: map[string]string{"party": "某公司"}, err: procedure.ErrInvalidTransition, unmet: []string{"filing_basis"}},
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
		})
		st := xnDue(t, d, c, d8(2025, 9, 1))["decision"]
		if st.Due != d8(2025, 12, 1) || st.Limit != 90 || st.Citation.Article != 60 {
			t.Errorf("decision due %s (limit %d, %s), want 2025-12-01 (90, Art 60)", st.Due, st.Limit, st.Citation)
		}
		if c.Facts["party"] != "某商贸有限公司" {
			t.Errorf("facts %v: the party is not recorded", c.Facts)
		}
	})

	t.Run("Art 54 ¶2: a lead that does not meet the filing standard is not filed", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-002", []xnStep{
			{trigger: "decline_filing", at: xnDay(2025, 9, 1), err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
			{trigger: "decline_filing", at: xnDay(2025, 9, 1), payload: map[string]string{"reasons": "不属于本机关管辖"}, state: "not_filed"},
		})
		if len(c.Clocks) != 0 {
			t.Errorf("a case not filed keeps clocks %v", c.Clocks)
		}
	})

	t.Run("Art 42 ¶1, Art 55: investigation by two officers who show credentials and keep a record", func(t *testing.T) {
		xnRun(t, d, "CF-2025-003", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "investigate", at: xnDay(2025, 9, 2), payload: map[string]string{"officers": "李明、赵刚", "record": "询问笔录"},
				err: procedure.ErrInvalidTransition, unmet: []string{"credentials"}},
			{trigger: "investigate", at: xnDay(2025, 9, 2), payload: penInvestigate, state: "investigating"},
		})
	})

	t.Run("Art 56: evidence preserved on 30 Sep 2025 is decided on within 7 working days, by 16 Oct, across the National Day break", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-004", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "preserve_evidence", at: xnDay(2025, 9, 30), payload: map[string]string{"risk": "货物可能被转移"},
				err: procedure.ErrInvalidTransition, unmet: []string{"approver"}},
			{trigger: "preserve_evidence", at: xnDay(2025, 9, 30), payload: map[string]string{"risk": "货物可能被转移", "approver": "王局长"}, state: "investigating"},
			{trigger: "preserve_evidence", at: xnDay(2025, 10, 9), payload: map[string]string{"risk": "账册可能灭失", "approver": "王局长"},
				err: procedure.ErrInvalidTransition, unmet: []string{"evidence"}},
		})
		// Oct 1–8 are the holiday; Oct 9, 10, Sat 11 (make-up), 13, 14,
		// 15 and 16 are the seven working days.
		xnWantDue(t, d, c, d8(2025, 10, 9), "evidence", d8(2025, 10, 16))
		xnContinue(t, d, c, []xnStep{
			{trigger: "notify_intended", at: xnDay(2025, 10, 15), payload: penNotice("2025-10-22", false),
				err: procedure.ErrInvalidTransition, unmet: []string{"evidence"}},
			{trigger: "decide_no_penalty_minor", at: xnDay(2025, 10, 15), payload: map[string]string{"reasons": "首次违法，危害后果轻微并及时改正"},
				err: procedure.ErrInvalidTransition, unmet: []string{"evidence"}},
			{trigger: "decide_preserved", at: xnDay(2025, 10, 16), payload: map[string]string{"disposal": "解除先行登记保存"}, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 16), payload: penNotice("2025-10-23", false), state: "notified"},
		})
		if st, ok := c.Clock("evidence"); !ok || st.IsZero() {
			t.Fatal("no evidence clock")
		}
		if _, running := xnDue(t, d, c, d8(2025, 10, 16))["evidence"]; running {
			t.Error("the evidence clock still runs after the decision on the evidence")
		}
	})

	t.Run("Art 44, 63 ¶1, 64 ¶1(1): told on Thu 25 Sep 2025, the party may ask for a hearing until 9 Oct (make-up Sun 28 Sep counted)", func(t *testing.T) {
		base := []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 9, 25), payload: map[string]string{"hearing_right": "true", "statement_by": "2025-10-10"},
				err: procedure.ErrInvalidTransition, unmet: []string{"intended_penalty"}},
			{trigger: "notify_intended", at: xnDay(2025, 9, 25), payload: penNotice("2025-09-25", true),
				err: procedure.ErrInvalidTransition, unmet: []string{"statement_by"}},
			{trigger: "notify_intended", at: xnDay(2025, 9, 25), payload: penNotice("2025-10-10", true), state: "hearing_notice"},
		}
		c := xnRun(t, d, "CF-2025-005", base)
		st := xnDue(t, d, c, d8(2025, 9, 25))["hearing_request"]
		if st.Due != d8(2025, 10, 9) || st.Limit != 5 || st.Unit != deadline.WorkingDays {
			t.Errorf("hearing request due %s (%d %v), want 2025-10-09 (5 working days)", st.Due, st.Limit, st.Unit)
		}
		xnWantDue(t, d, c, d8(2025, 9, 25), "statement", d8(2025, 10, 10))
		if due := xnDue(t, d, c, d8(2025, 10, 9)); due["hearing_request"].Role != procedure.RoleParty || due["statement"].Role != procedure.RoleParty || due["decision"].Role == procedure.RoleParty {
			t.Errorf("the hearing request and statement periods are the party's, the decision period the agency's: %+v", due)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "request_hearing", at: xnAt(2025, 10, 9, 23), state: "hearing_pending"},
		})
		if c.Facts["hearing"] != "requested" {
			t.Errorf("facts %v", c.Facts)
		}

		// No request by the end of 9 October: the right lapses.
		late := xnRun(t, d, "CF-2025-006", base)
		xnContinue(t, d, late, []xnStep{
			{trigger: "request_hearing", at: xnDay(2025, 10, 10), err: procedure.ErrExpired},
			{trigger: "hearing_window_closed", at: xnDay(2025, 10, 9), err: procedure.ErrInvalidTransition, unmet: []string{"hearing_request"}},
		})
		xnAdvance(t, d, late, xnDay(2025, 10, 10), procedure.Event{Trigger: "hearing_window_closed", At: xnMidnight(2025, 10, 10)})
		if late.State != "notified" || late.Facts["hearing"] != "not_requested" {
			t.Errorf("state %s, facts %v", late.State, late.Facts)
		}
		if _, ok := xnDue(t, d, late, d8(2025, 10, 10))["hearing_request"]; ok {
			t.Error("the hearing request clock still runs")
		}
		xnReplay(t, d, late)
	})

	t.Run("Art 64 ¶1(2), Art 85, (4), (8), Art 65: notice seven working days ahead, a presiding officer who did not investigate, a signed record", func(t *testing.T) {
		xnRun(t, d, "CF-2025-007", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 20), payload: penNotice("2025-10-27", true), state: "hearing_notice"},
			{trigger: "request_hearing", at: xnDay(2025, 10, 24), state: "hearing_pending"},
			{trigger: "hold_hearing", at: xnDay(2025, 10, 27), payload: map[string]string{"presiding_officer": "法制科张华", "hearing_record": "听证笔录"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
			// Seven working days from Mon 27 Oct: 28–31 Oct, 3–5 Nov.
			{trigger: "notify_hearing", at: xnDay(2025, 10, 27), payload: map[string]string{"hearing_date": "2025-11-04"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
			{trigger: "notify_hearing", at: xnDay(2025, 10, 27), payload: map[string]string{"hearing_date": "2025-11-05"}, state: "hearing_pending"},
			{trigger: "hold_hearing", at: xnDay(2025, 11, 5), payload: map[string]string{"hearing_record": "听证笔录"},
				err: procedure.ErrInvalidTransition, unmet: []string{"presiding_officer"}},
			// Not before the day notified.
			{trigger: "hold_hearing", at: xnDay(2025, 11, 4), payload: map[string]string{"presiding_officer": "法制科张华", "hearing_record": "听证笔录"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
			{trigger: "hold_hearing", at: xnDay(2025, 11, 5), payload: map[string]string{"presiding_officer": "法制科张华", "hearing_record": "听证笔录"}, state: "notified"},
		})
	})

	// Art 58 ¶1(2): a case that went through a hearing, whose penalties
	// (Art 63) directly concern the party's major rights, is reviewed
	// for legality after the hearing and before the decision; a review
	// passed before it did not see the hearing record. An agency that
	// reads the clause otherwise removes the fact from hold_hearing's set.
	t.Run("Art 58 ¶1(2): a case heard is reviewed for legality after the hearing", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-020", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "pass_legal_review", at: xnDay(2025, 10, 17), payload: map[string]string{"reviewer": "法制科张华", "opinion": "同意"}, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 20), payload: penNotice("2025-10-27", true), state: "hearing_notice"},
			{trigger: "request_hearing", at: xnDay(2025, 10, 21), state: "hearing_pending"},
			{trigger: "notify_hearing", at: xnDay(2025, 10, 22), payload: map[string]string{"hearing_date": "2025-10-31"}, state: "hearing_pending"},
			{trigger: "hold_hearing", at: xnDay(2025, 10, 31), payload: map[string]string{"presiding_officer": "法制科李明", "hearing_record": "听证笔录"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 11, 3), payload: penDecision("50000"), err: procedure.ErrInvalidTransition, unmet: []string{"legal_review=required"}},
			{trigger: "pass_legal_review", at: xnDay(2025, 11, 3), payload: map[string]string{"reviewer": "法制科张华", "opinion": "同意"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 11, 4), payload: penDecision("50000"), state: "decided"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 64 ¶1(6): a party who stays away without good reason waives the hearing", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-008", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 20), payload: penNotice("2025-10-27", true), state: "hearing_notice"},
			{trigger: "request_hearing", at: xnDay(2025, 10, 21), state: "hearing_pending"},
			// No one stays away from a hearing not yet notified, or before
			// its day.
			{trigger: "abandon_hearing", at: xnDay(2025, 10, 21), payload: map[string]string{"absence": "未到场"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
			{trigger: "notify_hearing", at: xnDay(2025, 10, 22), payload: map[string]string{"hearing_date": "2025-10-31"}, state: "hearing_pending"},
			{trigger: "abandon_hearing", at: xnDay(2025, 10, 23), payload: map[string]string{"absence": "未到场"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
			{trigger: "abandon_hearing", at: xnDay(2025, 10, 31), err: procedure.ErrInvalidTransition, unmet: []string{"absence"}},
			{trigger: "abandon_hearing", at: xnDay(2025, 10, 31), payload: map[string]string{"absence": "当事人无正当理由未到场"}, state: "notified"},
		})
		if c.Facts["hearing"] != "deemed_waived" {
			t.Errorf("facts %v", c.Facts)
		}
	})

	t.Run("Art 63 ¶1: a waived hearing ends the request period at once", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-009", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 20), payload: penNotice("2025-10-27", true), state: "hearing_notice"},
			{trigger: "waive_hearing", at: xnDay(2025, 10, 21), err: procedure.ErrInvalidTransition, unmet: []string{"waiver"}},
			{trigger: "waive_hearing", at: xnDay(2025, 10, 21), payload: map[string]string{"waiver": "当事人书面放弃听证"}, state: "notified"},
		})
		if _, ok := xnDue(t, d, c, d8(2025, 10, 21))["hearing_request"]; ok {
			t.Error("the hearing request clock still runs after the waiver")
		}
	})

	t.Run("Art 45, 62: no decision while the period to state and defend runs, unless the party waives it", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-010", []xnStep{
			{trigger: "file", at: xnDay(2025, 12, 1), payload: penFile, state: "investigating"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 2), payload: penDecision("5000"), err: procedure.ErrInvalidTransition},
			{trigger: "notify_intended", at: xnDay(2025, 12, 8), payload: penNotice("2025-12-15", false), state: "notified"},
			// The party has the whole of 15 December.
			{trigger: "decide_penalty", at: xnAt(2025, 12, 15, 17), payload: penDecision("5000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"statement", "statement=waived"}},
			{trigger: "state_defence", at: xnDay(2025, 12, 11), err: procedure.ErrInvalidTransition, unmet: []string{"submission"}},
			{trigger: "state_defence", at: xnDay(2025, 12, 11), payload: map[string]string{"submission": "已整改，首次违法"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 16), payload: penDecision("5000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"defence"}},
			{trigger: "review_defence", at: xnDay(2025, 12, 16), payload: map[string]string{"review": "申辩理由部分成立，从轻处罚"}, state: "notified"},
			{trigger: "review_defence", at: xnDay(2025, 12, 16), payload: map[string]string{"review": "再次复核"},
				err: procedure.ErrInvalidTransition, unmet: []string{"defence"}},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 16), payload: map[string]string{"decision": "某执罚决字〔2025〕20号", "fine": "8000", "heavier": "true"},
				err: procedure.ErrInvalidTransition, unmet: []string{"heavier"}},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 16), payload: map[string]string{"fine": "3000"},
				err: procedure.ErrInvalidTransition, unmet: []string{"decision"}},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 16), payload: penDecision("3000"), state: "decided"},
		})
		if c.Facts["fine"] != "3000" || c.Facts["defence"] != "reviewed" {
			t.Errorf("facts %v", c.Facts)
		}
		due := xnDue(t, d, c, d8(2025, 12, 16))
		if _, ok := due["decision"]; ok {
			t.Error("the decision clock still runs after the decision")
		}
		if _, ok := due["statement"]; ok {
			t.Error("the statement clock still runs after the decision")
		}

		waived := xnRun(t, d, "CF-2025-011", []xnStep{
			{trigger: "file", at: xnDay(2025, 12, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 12, 8), payload: penNotice("2025-12-15", false), state: "notified"},
			{trigger: "waive_statement", at: xnDay(2025, 12, 9), err: procedure.ErrInvalidTransition, unmet: []string{"waiver"}},
			{trigger: "waive_statement", at: xnDay(2025, 12, 9), payload: penWaive, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 9), payload: penDecision("5000"), state: "decided"},
		})
		xnReplay(t, d, waived)
	})

	t.Run("Art 44: a new notice reopens the period; a waiver of the earlier one does not carry over", func(t *testing.T) {
		xnRun(t, d, "CF-2025-012", []xnStep{
			{trigger: "file", at: xnDay(2025, 12, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 12, 8), payload: penNotice("2025-12-15", false), state: "notified"},
			{trigger: "waive_statement", at: xnDay(2025, 12, 9), payload: penWaive, state: "notified"},
			{trigger: "notify_intended", at: xnDay(2025, 12, 10), payload: penNotice("2025-12-17", true), state: "hearing_notice"},
			{trigger: "waive_hearing", at: xnDay(2025, 12, 11), payload: map[string]string{"waiver": "放弃听证"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 11), payload: penDecision("50000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"statement=waived"}},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 18), payload: penDecision("50000"), state: "decided"},
		})
	})

	t.Run("Art 58: no decision without a required legal review, nor after a failed one; Art 57 ¶2: collective discussion after the review", func(t *testing.T) {
		xnRun(t, d, "CF-2025-013", []xnStep{
			{trigger: "file", at: xnDay(2025, 12, 1), payload: penFile, state: "investigating"},
			{trigger: "require_legal_review", at: xnDay(2025, 12, 2), err: procedure.ErrInvalidTransition, unmet: []string{"legal_review_ground"}},
			{trigger: "require_legal_review", at: xnDay(2025, 12, 2), payload: map[string]string{"legal_review_ground": "第五十八条第一款第三项：案情疑难复杂"}, state: "investigating"},
			{trigger: "require_collective_discussion", at: xnDay(2025, 12, 2), payload: map[string]string{"collective_ground": "重大违法行为"}, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 12, 8), payload: penNotice("2025-12-15", false), state: "notified"},
			{trigger: "waive_statement", at: xnDay(2025, 12, 9), payload: penWaive, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 9), payload: penDecision("200000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"legal_review=required", "collective_discussion"}},
			{trigger: "discuss_collectively", at: xnDay(2025, 12, 9), payload: map[string]string{"minutes": "集体讨论记录"},
				err: procedure.ErrInvalidTransition, unmet: []string{"legal_review=required"}},
			{trigger: "fail_legal_review", at: xnDay(2025, 12, 10), payload: map[string]string{"opinion": "证据不足，建议补充调查"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 10), payload: penDecision("200000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"legal_review=failed"}},
			{trigger: "pass_legal_review", at: xnDay(2025, 12, 12), payload: map[string]string{"opinion": "同意"},
				err: procedure.ErrInvalidTransition, unmet: []string{"reviewer"}},
			{trigger: "pass_legal_review", at: xnDay(2025, 12, 12), payload: map[string]string{"reviewer": "法制科张华", "opinion": "同意"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 12), payload: penDecision("200000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"collective_discussion"}},
			{trigger: "discuss_collectively", at: xnDay(2025, 12, 12), payload: map[string]string{"minutes": "局务会议纪要"}, state: "notified"},
			// Art 58 ¶1(2): a hearing on major rights calls for a new review.
			{trigger: "require_legal_review", at: xnDay(2025, 12, 15), payload: map[string]string{"legal_review_ground": "第五十八条第一款第二项"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 15), payload: penDecision("200000"),
				err: procedure.ErrInvalidTransition, unmet: []string{"legal_review=required"}},
			{trigger: "pass_legal_review", at: xnDay(2025, 12, 15), payload: map[string]string{"reviewer": "法制科张华", "opinion": "同意"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 12, 15), payload: penDecision("200000"), state: "decided"},
		})
	})

	t.Run("Art 57 ¶1: the outcomes of the investigation", func(t *testing.T) {
		for _, row := range []struct {
			name    string
			trigger procedure.Trigger
			payload map[string]string
			state   procedure.State
			ground  string
		}{
			{"Art 57 ¶1(2): minor violation, no penalty", "decide_no_penalty_minor", map[string]string{"reasons": "违法行为轻微并及时改正"}, "no_penalty", "minor"},
			{"Art 57 ¶1(3): facts not established, no penalty", "decide_no_penalty_unfounded", map[string]string{"reasons": "违法事实不能成立"}, "no_penalty", "not_established"},
			{"Art 57 ¶1(4), Art 27 ¶1: suspected crime, transferred", "transfer", map[string]string{"judicial_organ": "某市公安局"}, "transferred", ""},
		} {
			t.Run(row.name, func(t *testing.T) {
				c := xnRun(t, d, "CF-2025-014", []xnStep{
					{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
					{trigger: row.trigger, at: xnDay(2025, 9, 15), err: procedure.ErrInvalidTransition},
					{trigger: row.trigger, at: xnDay(2025, 9, 15), payload: row.payload, state: row.state},
				})
				if c.Facts["no_penalty_ground"] != row.ground {
					t.Errorf("facts %v", c.Facts)
				}
				if due := xnDue(t, d, c, d8(2025, 9, 15)); len(due) != 0 {
					t.Errorf("clocks still running: %v", due)
				}
			})
			t.Run(row.name+", after the notice", func(t *testing.T) {
				c := xnRun(t, d, "CF-2025-015", []xnStep{
					{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
					{trigger: "notify_intended", at: xnDay(2025, 9, 10), payload: penNotice("2025-09-17", false), state: "notified"},
					{trigger: row.trigger, at: xnDay(2025, 9, 15), payload: row.payload, state: row.state},
				})
				if due := xnDue(t, d, c, d8(2025, 9, 15)); len(due) != 0 {
					t.Errorf("clocks still running: %v", due)
				}
			})
			t.Run(row.name+", while a hearing may still be requested", func(t *testing.T) {
				c := xnRun(t, d, "CF-2025-020", []xnStep{
					{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
					{trigger: "notify_intended", at: xnDay(2025, 9, 12), payload: penNotice("2025-09-19", true), state: "hearing_notice"},
					{trigger: row.trigger, at: xnDay(2025, 9, 15), payload: row.payload, state: row.state},
				})
				if due := xnDue(t, d, c, d8(2025, 9, 15)); len(due) != 0 {
					t.Errorf("clocks still running: %v", due)
				}
			})
		}
	})

	decided := func(t *testing.T, id string, on time.Time, fine string) *procedure.Case {
		t.Helper()
		return penDecided(t, d, id, on, fine)
	}

	// overdue brings a fine of 20,000 yuan decided on Fri 30 Jan 2026 and
	// served on Mon 2 Feb to the add-on, advanced to asOf: its fifteen days
	// end in the Spring Festival break and roll to Tue 24 Feb (Art 67 ¶3).
	overdue := func(t *testing.T, id string, asOf time.Time) *procedure.Case {
		t.Helper()
		c := decided(t, id, xnDay(2026, 1, 30), "20000")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "awaiting_payment"},
		})
		xnAdvance(t, d, c, asOf, procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		return c
	}

	t.Run("Art 61 ¶1: decided Fri 13 Feb 2026, served within 7 working days, by 2 Mar (make-up Sat 14 and 28 Feb counted)", func(t *testing.T) {
		c := decided(t, "CF-2026-001", xnDay(2026, 2, 13), "20000")
		st := xnDue(t, d, c, d8(2026, 2, 13))["delivery"]
		if st.Due != d8(2026, 3, 2) || st.Limit != 7 || st.Citation.Article != 61 {
			t.Errorf("delivery due %s (%d, %s), want 2026-03-02", st.Due, st.Limit, st.Citation)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 27), err: procedure.ErrInvalidTransition, unmet: []string{"service"}},
			{trigger: "deliver_electronically", at: xnDay(2026, 2, 27), err: procedure.ErrInvalidTransition, unmet: []string{"consent"}},
			{trigger: "deliver_electronically", at: xnDay(2026, 2, 27), payload: map[string]string{"consent": "送达地址确认书"}, state: "awaiting_payment"},
		})
		if c.Facts["service"] != "electronic" {
			t.Errorf("facts %v", c.Facts)
		}
	})

	t.Run("Art 67 ¶3, Art 72 ¶1(1): served Mon 2 Feb 2026, the 15 days end in the Spring Festival and roll to Tue 24 Feb; unpaid, the add-on fine accrues", func(t *testing.T) {
		c := decided(t, "CF-2026-002", xnDay(2026, 1, 30), "20000")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达，送达回证"}, state: "awaiting_payment"},
		})
		st := xnDue(t, d, c, d8(2026, 2, 2))["payment"]
		if st.Due != d8(2026, 2, 24) || st.Limit != 15 || st.Unit != deadline.Days {
			t.Errorf("payment due %s (%d %v), want 2026-02-24 (15 days)", st.Due, st.Limit, st.Unit)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "pay", at: xnAt(2026, 2, 25, 9), payload: map[string]string{"receipt": "缴款书"}, err: procedure.ErrExpired},
		})
		xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		if c.State != "add_on_accruing" || c.Facts["overdue"] != "true" {
			t.Fatalf("state %s, facts %v", c.State, c.Facts)
		}
		// Two periods the agency must let pass run, neither a limit of its
		// own: the thirty days of add-on before it enforces the fine itself
		// (行政强制法 Art 46 ¶1), 25 February to 26 March, and the party's
		// six months to sue (行政诉讼法 Art 46 ¶1) before it applies to the
		// court (行政强制法 Art 53), from service on 2 February to Sunday 2
		// August, rolled to Monday 3 August.
		due := xnDue(t, d, c, d8(2026, 2, 25))
		if len(due) != 2 || due["add_on"].Due != d8(2026, 3, 26) || due["challenge"].Due != d8(2026, 8, 3) {
			t.Errorf("clocks running: %v", due)
		}
		court := map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
		self := map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "强制执行决定书"}
		xnContinue(t, d, c, []xnStep{
			{trigger: "pay", at: xnDay(2026, 3, 2), payload: map[string]string{"receipt": "缴款书"}, err: procedure.ErrInvalidTransition, unmet: []string{"add_on"}},
			// 行政强制法 Art 35, 54: no enforcement without a demand first.
			{trigger: "enforce", at: xnDay(2026, 3, 3), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"demand"}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), err: procedure.ErrInvalidTransition, unmet: []string{"demand"}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-03"},
				err: procedure.ErrInvalidTransition, unmet: []string{"perform_by"}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-13"}, state: "add_on_accruing"},
			// Art 54, Art 69: ten working days after service, 4–17 March.
			{trigger: "enforce", at: xnDay(2026, 3, 17), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"demand", "challenge"}},
			// Art 46 ¶1: enforcing itself waits for thirty days of add-on.
			{trigger: "enforce", at: xnDay(2026, 3, 18), payload: self, err: procedure.ErrInvalidTransition, unmet: []string{"add_on"}},
			// Art 53: the court only once the party can no longer sue.
			{trigger: "enforce", at: xnDay(2026, 3, 18), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: map[string]string{"route": "court"}, err: procedure.ErrInvalidTransition, unmet: []string{"measure"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: court, state: "enforcement"},
			{trigger: "complete_enforcement", at: xnDay(2026, 9, 14), payload: map[string]string{"result": "法院划拨罚款及加处罚款"}, state: "executed"},
			{trigger: "close", at: xnDay(2026, 9, 15), err: procedure.ErrInvalidTransition, unmet: []string{"archive"}},
			{trigger: "close", at: xnDay(2026, 9, 15), payload: map[string]string{"archive": "卷宗归档"}, state: "closed"},
		})
		xnReplay(t, d, c)

		paid := decided(t, "CF-2026-003", xnDay(2026, 1, 30), "20000")
		xnContinue(t, d, paid, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "awaiting_payment"},
			{trigger: "pay", at: xnAt(2026, 2, 24, 23), payload: map[string]string{"receipt": "电子缴款凭证"}, state: "executed"},
		})
		late := overdue(t, "CF-2026-004", xnDay(2026, 3, 10))
		xnContinue(t, d, late, []xnStep{
			{trigger: "pay", at: xnDay(2026, 3, 10), payload: map[string]string{"receipt": "缴款书", "add_on": "8400"}, state: "executed"},
		})
		if late.Facts["add_on"] != "8400" {
			t.Errorf("facts %v", late.Facts)
		}
	})

	// A decision without a fine (an order to stop, say) is enforced, if
	// the party does not comply, only after a written demand (行政强制法
	// Art 35): by the agency itself once the time the demand set has
	// passed (Art 37), by the court on application ten working days after
	// the demand was served (Art 54, Art 69).
	t.Run("行政强制法 Art 35, 37, 54: enforcing a decision without a fine", func(t *testing.T) {
		self := map[string]string{"route": "self", "measure": "代履行", "enforcement_decision": "强制执行决定书"}
		court := map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
		for _, tc := range []struct {
			route map[string]string
			early time.Time // refused
			on    time.Time // accepted
		}{
			// The demand's time runs to Thu 12 Feb.
			{self, xnDay(2026, 2, 12), xnDay(2026, 2, 13)},
			// Ten working days after Mon 2 Feb (3–6, 9–13 and Sat 14 Feb,
			// a make-up working day), and the six months to sue (行政诉讼法
			// Art 46 ¶1, 行政强制法 Art 53), to Sun 2 Aug rolled to Mon 3
			// Aug.
			{court, xnDay(2026, 8, 3), xnDay(2026, 8, 4)},
		} {
			c := decided(t, "CF-2026-006", xnDay(2026, 1, 30), "")
			xnContinue(t, d, c, []xnStep{
				{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
				{trigger: "enforce", at: xnDay(2026, 2, 2), payload: tc.route, err: procedure.ErrInvalidTransition},
				{trigger: "serve_demand", at: xnDay(2026, 2, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-02-12"}, state: "delivered"},
				{trigger: "enforce", at: tc.early, payload: tc.route, err: procedure.ErrInvalidTransition},
				{trigger: "enforce", at: tc.on, payload: tc.route, state: "enforcement"},
			})
			xnReplay(t, d, c)
		}
		// Art 37: the agency enforces by its own power only by a written
		// decision, once the party has failed to perform without good
		// reason.
		c := decided(t, "CF-2026-008", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-02-12"}, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 2, 13), payload: map[string]string{"route": "self", "measure": "代履行"}, err: procedure.ErrInvalidTransition, unmet: []string{"enforcement_decision"}},
		})
	})

	// An agency without power to enforce applies to the court within
	// three months of the day the party's time to seek reconsideration or
	// to sue ended (行政强制法 Art 53): six months from service on Mon 2
	// Feb 2026 end on Sun 2 Aug, rolled to Mon 3 Aug (行政诉讼法 Art 46 ¶1,
	// 民法典 Art 203); three months from then end on Tue 3 Nov.
	t.Run("行政强制法 Art 53: the court within three months of the end of the time to sue", func(t *testing.T) {
		court := map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
		c := decided(t, "CF-2026-007", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-02-12"}, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 11, 4), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"challenge=court_application"}},
			{trigger: "enforce", at: xnDay(2026, 11, 3), payload: court, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	// 行政处罚法 Art 72 ¶2: where payment was deferred, the three months
	// to apply to the court count from the end of the deferred term. The
	// time to sue, from service on Mon 2 Feb 2026, ends on Mon 3 Aug and
	// its three months on Tue 3 Nov; the deferral to Fri 30 Oct keeps the
	// court open to Sat 30 Jan 2027, whichever ends later.
	t.Run("Art 72 ¶2: after a deferral, the court within three months of its end", func(t *testing.T) {
		court := map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
		c := decided(t, "CF-2026-009", xnDay(2026, 1, 30), "20000")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "awaiting_payment"},
			{trigger: "defer_payment", at: xnDay(2026, 2, 10), payload: map[string]string{"hardship": "经营困难", "approver": "王局长", "pay_by": "2026-10-30"}, state: "awaiting_payment"},
		})
		xnAdvance(t, d, c, xnDay(2026, 10, 31), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 10, 31)})
		xnContinue(t, d, c, []xnStep{
			{trigger: "serve_demand", at: xnDay(2026, 11, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-11-09"}, state: "add_on_accruing"},
		})
		// Without the deferral the court would be closed after 3 Nov.
		undeferred := overdue(t, "CF-2026-010", xnDay(2026, 2, 25))
		xnContinue(t, d, undeferred, []xnStep{
			{trigger: "serve_demand", at: xnDay(2026, 11, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-11-09"}, state: "add_on_accruing"},
			// The refusal names what the later window needs: a deferral,
			// and an application within three months of its end.
			{trigger: "enforce", at: xnDay(2026, 11, 17), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"pay_by", "payment=court_application"}},
		})
		// The demand served on Mon 2 Nov has run its ten working days by
		// Mon 16 Nov.
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 11, 16), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"demand"}},
			{trigger: "enforce", at: xnDay(2026, 11, 17), payload: court, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 66 ¶2: deferred payment, approved, moves the end of the period and the add-on with it", func(t *testing.T) {
		c := decided(t, "CF-2026-005", xnDay(2026, 1, 30), "20000")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "awaiting_payment"},
			{trigger: "defer_payment", at: xnDay(2026, 2, 10), payload: map[string]string{"hardship": "经营困难", "pay_by": "2026-04-30"},
				err: procedure.ErrInvalidTransition, unmet: []string{"approver"}},
			{trigger: "defer_payment", at: xnDay(2026, 2, 10), payload: map[string]string{"hardship": "经营困难", "approver": "王局长", "pay_by": "2026-04-30"}, state: "awaiting_payment"},
		})
		xnWantDue(t, d, c, d8(2026, 2, 10), "payment", d8(2026, 4, 30))
		xnAdvance(t, d, c, xnDay(2026, 3, 1))
		xnAdvance(t, d, c, xnDay(2026, 5, 1), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 5, 1)})
		xnReplay(t, d, c)
	})

	t.Run("Art 69, 70, 71: collected on the spot in a remote area on Fri 26 Sep 2025, handed over by Mon 29 Sep, paid into the bank by 9 Oct", func(t *testing.T) {
		c := decided(t, "CF-2025-016", xnDay(2025, 9, 24), "5000")
		remote := map[string]string{"remote": "山区，距最近银行网点60公里", "bill": "财政票据0001"}
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2025, 9, 26), payload: map[string]string{"service": "宣告后当场交付"}, state: "awaiting_payment"},
			{trigger: "collect_on_spot", at: xnDay(2025, 9, 26), payload: remote, err: procedure.ErrInvalidTransition, unmet: []string{"party_request"}},
			{trigger: "collect_on_spot", at: xnDay(2025, 9, 26), payload: map[string]string{"remote": "山区", "party_request": "当事人提出"},
				err: procedure.ErrInvalidTransition, unmet: []string{"bill"}},
			{trigger: "collect_on_spot", at: xnDay(2025, 9, 26), payload: map[string]string{"remote": "山区", "party_request": "当事人提出", "bill": "财政票据0001"}, state: "cash_collected"},
		})
		// Sat 27 Sep is a rest day, Sun 28 Sep a make-up working day.
		xnWantDue(t, d, c, d8(2025, 9, 26), "cash_handover", d8(2025, 9, 29))
		xnContinue(t, d, c, []xnStep{
			{trigger: "hand_over_cash", at: xnDay(2025, 9, 29), state: "cash_handed_over"},
		})
		xnWantDue(t, d, c, d8(2025, 9, 29), "cash_deposit", d8(2025, 10, 9))
		xnContinue(t, d, c, []xnStep{
			{trigger: "deposit_cash", at: xnDay(2025, 10, 9), err: procedure.ErrInvalidTransition, unmet: []string{"bank_receipt"}},
			{trigger: "deposit_cash", at: xnDay(2025, 10, 9), payload: map[string]string{"bank_receipt": "银行回单"}, state: "executed"},
			{trigger: "close", at: xnDay(2025, 10, 10), payload: map[string]string{"archive": "卷宗归档"}, state: "closed"},
		})
		xnReplay(t, d, c)

		water := decided(t, "CF-2025-017", xnDay(2025, 9, 24), "5000")
		xnContinue(t, d, water, []xnStep{
			{trigger: "deliver", at: xnDay(2025, 9, 26), payload: map[string]string{"service": "宣告后当场交付"}, state: "awaiting_payment"},
			{trigger: "collect_on_spot", at: xnDay(2025, 9, 26), payload: map[string]string{"remote": "长江航道", "party_request": "船方提出", "bill": "财政票据0002", "on_water": "true"}, state: "cash_afloat"},
			{trigger: "land", at: xnDay(2025, 9, 30), state: "cash_collected"},
		})
		// Art 71: two working days from landing on 30 Sep: 9 and 10 Oct.
		xnWantDue(t, d, water, d8(2025, 9, 30), "cash_handover", d8(2025, 10, 10))
	})

	t.Run("Art 61 ¶1, Art 66 ¶1: a penalty without a fine is served and carried out", func(t *testing.T) {
		c := decided(t, "CF-2025-018", xnDay(2025, 11, 3), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2025, 11, 4), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "carry_out", at: xnDay(2025, 11, 20), err: procedure.ErrInvalidTransition, unmet: []string{"performance"}},
			{trigger: "carry_out", at: xnDay(2025, 11, 20), payload: map[string]string{"performance": "已停业整顿"}, state: "executed"},
			{trigger: "close", at: xnDay(2025, 11, 21), payload: map[string]string{"archive": "卷宗归档"}, state: "closed"},
		})
		if due := xnDue(t, d, c, d8(2025, 11, 21)); len(due) != 0 {
			t.Errorf("clocks still running: %v", due)
		}
	})

	t.Run("the whole procedure with a hearing, replayed", func(t *testing.T) {
		c := xnRun(t, d, "CF-2025-019", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "investigate", at: xnDay(2025, 9, 2), payload: penInvestigate, state: "investigating"},
			{trigger: "preserve_evidence", at: xnDay(2025, 9, 30), payload: map[string]string{"risk": "货物可能被转移", "approver": "王局长"}, state: "investigating"},
			{trigger: "decide_preserved", at: xnDay(2025, 10, 16), payload: map[string]string{"disposal": "移交查封扣押"}, state: "investigating"},
			{trigger: "require_legal_review", at: xnDay(2025, 10, 17), payload: map[string]string{"legal_review_ground": "第五十八条第一款第一项"}, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 10, 20), payload: penNotice("2025-10-27", true), state: "hearing_notice"},
			{trigger: "state_defence", at: xnDay(2025, 10, 21), payload: map[string]string{"submission": "违法所得计算有误"}, state: "hearing_notice"},
			{trigger: "request_hearing", at: xnDay(2025, 10, 24), state: "hearing_pending"},
			{trigger: "notify_hearing", at: xnDay(2025, 10, 24), payload: map[string]string{"hearing_date": "2025-11-04"}, state: "hearing_pending"},
			{trigger: "hold_hearing", at: xnDay(2025, 11, 4), payload: map[string]string{"presiding_officer": "法制科张华", "hearing_record": "听证笔录"}, state: "notified"},
			{trigger: "review_defence", at: xnDay(2025, 11, 4), payload: map[string]string{"review": "经复核，违法所得核减"}, state: "notified"},
			{trigger: "pass_legal_review", at: xnDay(2025, 11, 5), payload: map[string]string{"reviewer": "法制科张华", "opinion": "同意"}, state: "notified"},
			{trigger: "decide_penalty", at: xnDay(2025, 11, 6), payload: penDecision("50000"), state: "decided"},
		})
		// Seven working days from 6 Nov: 7, 10–14, 17 Nov.
		xnWantDue(t, d, c, d8(2025, 11, 6), "delivery", d8(2025, 11, 17))
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2025, 11, 7), payload: map[string]string{"service": "宣告后当场交付"}, state: "awaiting_payment"},
		})
		// Fifteen days from 7 Nov end on Sat 22 Nov and roll to Mon 24 Nov.
		xnWantDue(t, d, c, d8(2025, 11, 7), "payment", d8(2025, 11, 24))
		xnContinue(t, d, c, []xnStep{
			{trigger: "pay", at: xnDay(2025, 11, 24), payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
			{trigger: "close", at: xnDay(2025, 11, 25), payload: map[string]string{"archive": "卷宗归档"}, state: "closed"},
		})
		for _, cc := range c.Clocks {
			st, err := cc.Clock.Status(d.Calendar(), d8(2025, 11, 25))
			if err != nil || !st.Stopped {
				t.Errorf("clock %s not stopped at closure: %v", cc.Name, err)
			}
		}
		xnReplay(t, d, c)
		if _, err := d.Replay(ctx, c.ID, c.Events[:len(c.Events)-1]); err != nil {
			t.Errorf("a prefix of the log does not replay: %v", err)
		}
	})
}

// TestStatuteDefinitionsCite checks the conventions of the penalty and
// disclosure definitions: every state and trigger named in Chinese and
// English, every transition and automatic outcome citing its provision
// of a law the definition rests on (its basis: 行政处罚法, and 行政强制法
// for enforcement), every guard saying what must hold.
func TestStatuteDefinitionsCite(t *testing.T) {
	for _, name := range []string{"penalty", "penalty-simplified", "disclosure"} {
		t.Run(name, func(t *testing.T) {
			spec := xnDefinition(t, name).Spec()
			var laws []string
			for _, b := range spec.Basis {
				laws = append(laws, string(b.Law))
			}
			isLaw := func(c xiaoneng.Citation) bool { return slices.Contains(laws, string(c.Law)) }
			for _, s := range spec.States {
				if s.Name == "" || s.NameEN == "" {
					t.Errorf("state %s is not named in both languages", s.ID)
				}
			}
			for _, tr := range spec.Triggers {
				if tr.Name == "" || tr.NameEN == "" {
					t.Errorf("trigger %s is not named in both languages", tr.ID)
				}
			}
			for i, tr := range spec.Transitions {
				if tr.Citation.Article == 0 || !isLaw(tr.Citation) {
					t.Errorf("transitions[%d] %s -%s-> %s cites %q", i, tr.From, tr.Trigger, tr.To, tr.Citation)
				}
				for _, g := range tr.Guards {
					if g.Desc == "" || g.DescEN == "" || (!g.Citation.IsZero() && !isLaw(g.Citation)) {
						t.Errorf("transitions[%d] guard %s: %q / %q, %s", i, g.Key, g.Desc, g.DescEN, g.Citation)
					}
				}
			}
			for i, to := range spec.Timeouts {
				if to.Citation.Article == 0 || !isLaw(to.Citation) {
					t.Errorf("timeouts[%d] cites %q", i, to.Citation)
				}
			}
		})
	}
}

// TestPenaltyLimitation: 行政处罚法 Art 36 ¶1 bars a penalty for a
// violation not discovered within two years, five where citizens' life,
// health or financial safety is involved and harm resulted; ¶2 counts
// from the act or, if it continued, from its end. The filing records the
// day the act ended and the day it was discovered, which may precede the
// filing; the reference rules roll a period's end off rest days (民法典
// Art 203).
func TestPenaltyLimitation(t *testing.T) {
	d := xnDefinition(t, "penalty")
	filing := func(ended, discovered string, harm bool) map[string]string {
		p := map[string]string{"filing_basis": "群众举报，现场检查发现违法行为", "party": "某商贸有限公司", "act_ended": ended, "discovered": discovered}
		if harm {
			p["safety_harm"] = "true"
		}
		return p
	}
	cases := []struct {
		name    string
		filed   time.Time
		payload map[string]string
		err     error
		unmet   []string
	}{
		// Fri 10 Mar 2023 to Mon 10 Mar 2025 is two years.
		{"Art 36 ¶1: discovered on the last day of the two years, filed ten days later", xnDay(2025, 3, 20), filing("2023-03-10", "2025-03-10", false), nil, nil},
		{"Art 36 ¶1: discovered a day after the two years", xnDay(2025, 3, 20), filing("2023-03-10", "2025-03-11", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"Art 36 ¶1: five years where life, health or financial safety was harmed", xnDay(2025, 3, 20), filing("2020-03-10", "2025-03-10", true), nil, nil},
		{"Art 36 ¶1: the same act without harm to safety is time-barred", xnDay(2025, 3, 20), filing("2020-03-10", "2025-03-10", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"Art 36 ¶1: five years and a day", xnDay(2025, 3, 20), filing("2020-03-10", "2025-03-11", true), procedure.ErrInvalidTransition, []string{"act_ended=limitation_safety"}},
		{"Art 36 ¶2: a continuing act counts from the day it ended", xnDay(2025, 6, 3), filing("2024-01-31", "2025-06-01", false), nil, nil},
		// Two years from Sun 1 Oct 2023 end on Wed 1 Oct 2025, in the
		// National Day break (1–8 Oct), and roll to Thu 9 Oct.
		{"Art 36 ¶1, 民法典 Art 203: an end on a holiday rolls to the next working day", xnDay(2025, 10, 10), filing("2023-10-01", "2025-10-09", false), nil, nil},
		{"Art 36 ¶1, 民法典 Art 203: the day after the rolled end is late", xnDay(2025, 10, 10), filing("2023-10-01", "2025-10-10", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"a discovery after the filing is refused", xnDay(2025, 3, 20), filing("2024-03-10", "2025-03-21", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"a discovery before the act is refused", xnDay(2025, 3, 20), filing("2024-03-10", "2024-03-09", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"an act without its date is refused", xnDay(2025, 3, 20), filing("", "2025-03-09", false), procedure.ErrInvalidTransition, []string{"act_ended=limitation"}},
		{"a date that is not a day is refused as malformed", xnDay(2025, 3, 20), filing("2024-02-30", "2025-03-09", false), procedure.ErrInvalidEvent, nil},
		// Two years from Wed 1 Dec 2004 end on Fri 1 Dec 2006; a discovery
		// after that needs the 2006 calendar, which the calendar (from
		// 2007) does not have, to know whether the end rolled.
		{"a period whose end the calendar cannot roll is not guessed", xnDay(2007, 1, 10), filing("2004-12-01", "2006-12-05", false), procedure.ErrCannotCount, nil},
		// The same act discovered by the nominal end needs no calendar.
		{"a discovery by the nominal end needs no calendar", xnDay(2007, 1, 10), filing("2004-12-01", "2006-11-30", false), nil, nil},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			steps := []xnStep{{trigger: "file", at: c.filed, payload: c.payload, state: "investigating", err: c.err, unmet: c.unmet}}
			got := xnRun(t, d, fmt.Sprintf("CF-LIM-%d", i), steps)
			if c.err == nil && (got.Facts["act_ended"] != c.payload["act_ended"] || got.Facts["discovered"] != c.payload["discovered"]) {
				t.Errorf("facts %v do not record the act and its discovery", got.Facts)
			}
		})
	}
}

// TestPenaltyHearingNoticeWorkingDays: 行政处罚法 Art 64 ¶1(2) has the
// agency give notice of a hearing seven days before it, and Art 85 makes
// the Law's "七日" working days. The hearing date is therefore on or after
// the seventh working day after the notice, counted on the calendar with
// its holidays and make-up working days, not seven calendar days ahead.
func TestPenaltyHearingNoticeWorkingDays(t *testing.T) {
	d := xnDefinition(t, "penalty")
	// pending is a case whose party asked for a hearing on day asked.
	pending := func(t *testing.T, id string, filed, told, asked time.Time, by string) *procedure.Case {
		return xnRun(t, d, id, []xnStep{
			{trigger: "file", at: filed, payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: told, payload: penNotice(by, true), state: "hearing_notice"},
			{trigger: "request_hearing", at: asked, state: "hearing_pending"},
		})
	}
	cases := []struct {
		name    string
		notice  time.Time
		hearing string
		ok      bool
	}{
		// Notice on Fri 26 Sep 2025: Sun 28 Sep (make-up working day),
		// 29, 30 Sep, then the National Day break (1–8 Oct), 9, 10 Oct,
		// Sat 11 Oct (make-up working day), Mon 13 Oct.
		{"Art 64 ¶1(2), Art 85: seven calendar days ahead falls in the National Day break", xnDay(2025, 9, 26), "2025-10-03", false},
		{"Art 64 ¶1(2), Art 85: the sixth working day is too early", xnDay(2025, 9, 26), "2025-10-11", false},
		{"Art 64 ¶1(2), Art 85: the seventh working day, make-up days counted", xnDay(2025, 9, 26), "2025-10-13", true},
		// Notice on Mon 27 Oct 2025: seven calendar days is Mon 3 Nov,
		// the fifth working day; the seventh is Wed 5 Nov.
		{"Art 64 ¶1(2), Art 85: a week ahead is five working days", xnDay(2025, 10, 27), "2025-11-03", false},
		{"Art 64 ¶1(2), Art 85: a hearing after the seventh working day", xnDay(2025, 10, 27), "2025-11-10", true},
		{"Art 64 ¶1(2): a hearing date before the notice", xnDay(2025, 10, 27), "2025-10-20", false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := pending(t, fmt.Sprintf("CF-HN-%d", i), xnDay(2025, 9, 1), xnDay(2025, 9, 15), xnDay(2025, 9, 16), "2025-09-22")
			step := xnStep{trigger: "notify_hearing", at: tc.notice, payload: map[string]string{"hearing_date": tc.hearing}, state: "hearing_pending"}
			if !tc.ok {
				step.state, step.err, step.unmet = "", procedure.ErrInvalidTransition, []string{"hearing_date"}
			}
			xnContinue(t, d, c, []xnStep{step})
		})
	}

	t.Run("Art 85 near the end of the calendar's coverage: no count is guessed", func(t *testing.T) {
		_, end := d.Calendar().Coverage()
		day := func(offset int) time.Time {
			return (end + date.Date(offset)).Time(0, deadline.ChinaStandardTime()).Add(10 * time.Hour)
		}
		c := pending(t, "CF-HN-END", day(-40), day(-20), day(-19), (end - 10).String())
		notice := day(-3)
		// The seventh working day after the notice lies past the
		// coverage: a covered hearing date is before it, and a date past
		// the coverage cannot be judged.
		xnContinue(t, d, c, []xnStep{
			{trigger: "notify_hearing", at: notice, payload: map[string]string{"hearing_date": end.String()},
				err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
		})
		before := c.Clone()
		err := d.Fire(context.Background(), c, procedure.Event{Trigger: "notify_hearing", At: notice, Actor: xnOfficer, Reason: "依法办理",
			Payload: map[string]string{"hearing_date": (end + 30).String()}})
		if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) {
			t.Fatalf("a hearing date past the coverage: %v, want ErrCannotCount and deadline.ErrOutOfCoverage", err)
		}
		if diff := cmp.Diff(before, c); diff != "" {
			t.Errorf("the refused event changed the case:\n%s", diff)
		}
	})
}
