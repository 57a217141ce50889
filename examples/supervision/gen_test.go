package supervision_test

import (
	"strconv"
	"sync/atomic"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The generators of the properties. They are the module's own, not
// internal/gen's: that package imports every library package, and this
// module's tests need only procedure's.

// genText draws a payload value: Chinese, ASCII with the characters JSON
// escapes, or empty.
func genText(t *rapid.T, label string) string {
	return rapid.SampledFrom([]string{
		"营业执照复印件；场所证明", "准予许可决定书", `引号"与\反斜杠`, "line\nbreak\ttab", "<&>", "😀", "", "1", "是",
	}).Draw(t, label)
}

// genEvent draws an event for case c of definition d, in the manner of
// internal/gen's Event: mostly a trigger the definition allows from the
// case's state, sometimes any trigger; a payload filling the keys the
// guards and effects of those steps read, sometimes leaving one out; an
// instant after the last event in 2025, usually within a few days.
func genEvent(t *rapid.T, d *procedure.Definition, c *procedure.Case, officers []string) procedure.Event {
	spec := d.Spec()
	at := cst(2025, 1, 2, 8).Add(time.Duration(rapid.IntRange(0, 200*24*60).Draw(t, "first minute")) * time.Minute)
	if n := len(c.Events); n > 0 {
		at = c.Events[n-1].At.Add(time.Duration(rapid.IntRange(0, 12*24*60).Draw(t, "minutes")) * time.Minute)
	}
	var from []procedure.TransitionSpec
	for _, tr := range spec.Transitions {
		if tr.From == c.State {
			from = append(from, tr)
		}
	}
	var trig procedure.Trigger
	if len(from) > 0 && rapid.IntRange(0, 9).Draw(t, "allowed") > 0 {
		trig = rapid.SampledFrom(from).Draw(t, "step").Trigger
	} else {
		trig = rapid.SampledFrom(spec.Triggers).Draw(t, "trigger").ID
	}
	var payload map[string]string
	if rapid.IntRange(0, 4).Draw(t, "payload map") > 0 {
		payload = map[string]string{}
	}
	set := func(k, v string) {
		if payload == nil {
			payload = map[string]string{}
		}
		payload[k] = v
	}
	day := deadline.DateOf(at)
	for _, tr := range spec.Transitions {
		if tr.Trigger != trig || tr.From != c.State {
			continue
		}
		for _, g := range tr.Guards {
			if rapid.IntRange(0, 9).Draw(t, "omit") == 0 {
				continue
			}
			switch g.Kind {
			case procedure.GuardPayload:
				v := g.Value
				if v == "" {
					v = genText(t, "value")
					if v == "" {
						v = "有"
					}
				}
				set(g.Key, v)
			case procedure.GuardAtMost, procedure.GuardAtLeast:
				bound := g.Value
				if g.Than != "" {
					bound = c.Facts[g.Than]
				}
				base, _ := strconv.Atoi(bound)
				set(g.Key, strconv.Itoa(max(0, base+rapid.IntRange(-3, 3).Draw(t, "near"))))
			case procedure.GuardDaysBefore:
				set(g.Key, (day + date.Date(rapid.IntRange(0, 60).Draw(t, "days ahead"))).String())
			}
		}
		for _, e := range tr.Effects {
			if e.Per != "" {
				set(e.Per, rapid.SampledFrom([]string{"市场监管局", "生态环境局"}).Draw(t, "per"))
			}
			if e.Until != "" {
				set(e.Until, (day + date.Date(rapid.IntRange(-2, 90).Draw(t, "until"))).String())
			}
			if (e.Op == procedure.OpSuspend || e.Op == procedure.OpRestart) && e.Cause == 0 {
				r, _ := d.Rule(e.Clock)
				list := r.Exclusions
				if e.Op == procedure.OpRestart {
					list = r.Restarts
				}
				if len(list) > 0 {
					set("cause", rapid.SampledFrom(list).Draw(t, "cause").Cause.String())
				}
			}
			if e.Op == procedure.OpExtend {
				if e.Units == 0 {
					set("units", strconv.Itoa(rapid.IntRange(1, 20).Draw(t, "units")))
				}
				set("approver", "负责人")
			}
		}
		for _, k := range tr.Record {
			if _, ok := payload[k]; !ok {
				set(k, "记录")
			}
		}
	}
	if rapid.IntRange(0, 5).Draw(t, "extra key") == 0 {
		set("备注", genText(t, "note"))
	}
	officer := rapid.SampledFrom(officers).Draw(t, "officer")
	return procedure.Event{Trigger: trig, At: at, Actor: procedure.Actor{Officer: officer, Unit: "审批局"},
		Reason: genText(t, "reason"), Payload: payload}
}

// budget caps the checks of a property whose every check writes to a
// database: with -rapid.checks=1000 under the race detector, a thousand
// checks of a dozen transactions each would take minutes. Past the cap a
// check returns at once, having drawn nothing. Once a check fails the
// cap is lifted, so that rapid shrinks and reproduces the failure as
// usual.
type budget struct {
	left   atomic.Int64
	failed atomic.Bool
}

func newBudget(n int64) *budget {
	b := &budget{}
	b.left.Store(n)
	return b
}

// check runs prop unless the budget is spent.
func (b *budget) check(t *rapid.T, prop func(*rapid.T)) {
	if !b.failed.Load() && b.left.Load() <= 0 {
		return
	}
	passed := false
	defer func() {
		if passed {
			b.left.Add(-1)
		} else {
			b.failed.Store(true)
		}
	}()
	prop(t)
	passed = !t.Failed()
}
