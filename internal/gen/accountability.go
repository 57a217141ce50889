package gen

import (
	"context"
	"strconv"
	"time"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Case draws a case of definition d: up to n events drawn with [Event],
// the ones the definition refuses dropped, and now and then the automatic
// outcomes the law applies, so the log holds both kinds of event.
func Case(t *rapid.T, d *procedure.Definition, id string, n int) *procedure.Case {
	ctx := context.Background()
	c := d.NewCase(id)
	for tries := 0; tries < 4*n && len(c.Events) < n; tries++ {
		e := Event(t, d, c)
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
