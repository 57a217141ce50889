package gen

import (
	"context"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Case draws a case of definition d: up to n events drawn with [Event]
// or, half the time, [Step], the ones the definition refuses dropped, and
// now and then the automatic outcomes the law applies, so the log holds
// both kinds of event.
func Case(t *rapid.T, d *procedure.Definition, id string, n int) *procedure.Case {
	ctx := context.Background()
	c := d.NewCase(id)
	for tries := 0; tries < 4*n && len(c.Events) < n; tries++ {
		var e procedure.Event
		if rapid.Bool().Draw(t, "a step meant to be allowed") {
			e = Step(t, d, c)
		} else {
			e = Event(t, d, c)
		}
		if e.Actor.Officer == "" {
			continue
		}
		if rapid.IntRange(0, 4).Draw(t, "advance first") == 0 {
			if _, err := d.Advance(ctx, c, e.At); err != nil {
				continue
			}
		}
		_ = d.Fire(ctx, c, e)
	}
	if len(c.Events) > 0 && rapid.Bool().Draw(t, "advance at end") {
		last := c.Events[len(c.Events)-1].At
		_, _ = d.Advance(ctx, c, last.Add(time.Duration(rapid.IntRange(0, 30).Draw(t, "days")*24)*time.Hour))
	}
	return c
}

// Finding draws a finding of a built-in rule by one of a few officers of
// a few units, on a day of 2025, of any severity, sometimes exempt. It is
// for tests of ladders and scorecards, which read only those fields.
func Finding() *rapid.Generator[accountability.Finding] {
	return rapid.Custom(func(t *rapid.T) accountability.Finding {
		var rules []accountability.RuleID
		for _, r := range accountability.Rules() {
			rules = append(rules, r.ID)
		}
		f := accountability.Finding{
			Rule:     rapid.SampledFrom(rules).Draw(t, "rule"),
			Case:     "C-" + strconv.Itoa(rapid.IntRange(1, 50).Draw(t, "case")),
			Officer:  rapid.SampledFrom([]string{"王敏", "李强", "张华"}).Draw(t, "officer"),
			Unit:     rapid.SampledFrom([]string{"审批局", "市场监管局"}).Draw(t, "unit"),
			Day:      Day(2025, 1, 1) + DayOffset(t, 0, 364),
			Severity: accountability.Severity(rapid.IntRange(int(accountability.Warning), int(accountability.Serious)).Draw(t, "severity")),
		}
		if rapid.IntRange(0, 9).Draw(t, "exempt") == 0 {
			f.Exempt = &accountability.Exemption{Ground: accountability.GroundForceMajeure, Reason: "不可抗力"}
		}
		return f
	})
}

// RenewalCase draws a case of the reference licensing definition d whose
// licence comes up for renewal (行政许可法 Art 50): granted on the spot,
// issued and delivered on a day of 2016 to 2024, its holder applies for
// renewal thirty to sixty days before it expires; the agency then grants
// the renewal for five more years, or refuses it, on a day up to ten days
// past expiry (a decision the definition refuses once the term has
// ended), or never decides, and the case is advanced to a day up to ten
// days past expiry, so that the law deems the renewal granted when no
// decision came in time. It returns the case and the day it was advanced
// to.
func RenewalCase(t *rapid.T, d *procedure.Definition, id string) (*procedure.Case, date.Date) {
	ctx := context.Background()
	c := d.NewCase(id)
	cst := deadline.ChinaStandardTime()
	granted := Day(2016, 1, 1) + DayOffset(t, 0, 8*365)
	at := func(d date.Date) time.Time { return d.Time(0, cst).Add(10 * time.Hour) }
	officer := procedure.Actor{Officer: rapid.SampledFrom([]string{"王", "李", "张"}).Draw(t, "officer"), Unit: "窗口"}
	applied := granted + DayOffset(t, 30, 300)
	expires := applied + DayOffset(t, 30, 60)
	for _, e := range []procedure.Event{
		{Trigger: "receive", At: at(granted), Payload: map[string]string{"voucher": "凭证"}},
		{Trigger: "decide_on_spot", At: at(granted), Payload: map[string]string{"decision": "决定书", "complete": "true"}},
		{Trigger: "issue_certificate", At: at(granted), Payload: map[string]string{"certificate": "证号"}},
		{Trigger: "deliver", At: at(granted)},
		{Trigger: "apply_renewal", At: at(applied), Payload: map[string]string{"expires": expires.String()}},
	} {
		e.Actor, e.Reason = officer, "办理"
		if err := d.Fire(ctx, c, e); err != nil {
			t.Fatalf("renewal case: %s: %v", e.Trigger, err)
		}
	}
	end := expires + DayOffset(t, -10, 10)
	if rapid.Bool().Draw(t, "decided") {
		decided := applied + DayOffset(t, 0, int(end-applied))
		e := procedure.Event{Trigger: "grant_renewal", At: at(decided), Actor: officer, Reason: "办理",
			Payload: map[string]string{"expires": (expires + 5*365).String()}}
		if rapid.Bool().Draw(t, "refused") {
			e.Trigger, e.Payload = "refuse_renewal", map[string]string{"reasons": "理由", "appeal_rights": "复议、诉讼"}
		}
		if _, err := d.Advance(ctx, c, e.At); err == nil {
			_ = d.Fire(ctx, c, e)
		}
	}
	if _, err := d.Advance(ctx, c, at(end)); err != nil {
		t.Fatalf("renewal case: advance: %v", err)
	}
	return c, end
}
