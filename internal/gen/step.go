package gen

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Step draws an event meant to be allowed in case c of definition d, so
// that a random walk goes deep into a procedure rather than stopping at
// the first guard it misses: one of the steps out of the case's state,
// those that move on to another state that is not terminal tried first,
// with every guard an event can satisfy satisfied — the payload's keys,
// values, numbers and dates, and an instant after the periods of the
// clocks the step waits out, on or after the days recorded for it,
// within the days it allows, outside the rest time — and the facts it
// records in the forms later guards read them. Each step drawn is tried
// on a copy of the case; the first that Fire allows is returned. When
// none is (a fact or a clock the event cannot change fails, or the state
// is terminal), Step returns Event's draw.
//
// The walk is not checked by Step: a model test checks the event Step
// returns as it checks any other.
func Step(t *rapid.T, d *procedure.Definition, c *procedure.Case) procedure.Event {
	if d.IsTerminal(c.State) {
		return Event(t, d, c)
	}
	memo := memoOf(d)
	// The steps are tried by where they go: usually those that move on
	// first, then those that stay, then those that end the case; now and
	// then those that stay come first, rarely those that end it. Within
	// a class the order is drawn. The rarer orders are values in the
	// middle of the range, as rapid draws its ends more often.
	order := []int{stepOn, stepStay, stepEnd}
	switch rapid.IntRange(0, 19).Draw(t, "which steps first") {
	case 9:
		order = []int{stepEnd, stepOn, stepStay}
	case 3, 7, 11, 15:
		order = []int{stepStay, stepOn, stepEnd}
	}
	var from []procedure.TransitionSpec
	for _, class := range order {
		var in []procedure.TransitionSpec
		for _, tr := range memo.spec.Transitions {
			if tr.From == c.State && stepClass(d, tr) == class {
				in = append(in, tr)
			}
		}
		for len(in) > 0 {
			i := rapid.IntRange(0, len(in)-1).Draw(t, "step drawn")
			from = append(from, in[i])
			in = slices.Delete(in, i, i+1)
		}
	}
	for _, tr := range from {
		e, ok := stepFor(t, d, memo, c, tr)
		if !ok {
			continue
		}
		if d.Fire(context.Background(), c.Clone(), e) == nil {
			return e
		}
	}
	return Event(t, d, c)
}

// The classes of a step, by where it goes.
const (
	stepOn   = iota // to another state
	stepStay        // to the same state
	stepEnd         // to a terminal state
)

func stepClass(d *procedure.Definition, tr procedure.TransitionSpec) int {
	switch {
	case d.IsTerminal(tr.To):
		return stepEnd
	case tr.To == tr.From:
		return stepStay
	}
	return stepOn
}

// stepFor draws an event for transition tr of case c meant to satisfy
// its guards. It reports false when the event's instant cannot satisfy
// them all (a step allowed only within days that have passed).
func stepFor(t *rapid.T, d *procedure.Definition, memo *specMemo, c *procedure.Case, tr procedure.TransitionSpec) (procedure.Event, bool) {
	cal := d.Calendar()
	var last time.Time
	if n := len(c.Events); n > 0 {
		last = c.Events[n-1].At
	} else {
		last = FirstInstant(t)
	}
	lo := deadline.DateOf(last) + date.Date(rapid.IntRange(0, 3).Draw(t, "days later"))
	hi := date.Date(1 << 30)
	for _, g := range tr.Guards {
		switch g.Kind {
		case procedure.GuardClockExpired:
			for _, cc := range c.Clocks {
				if cc.Name == g.Key {
					if due, err := cc.Clock.Due(cal); err == nil && !g.Not {
						lo = max(lo, due+1)
					}
				}
			}
		case procedure.GuardDateReached:
			if on, err := deadline.ParseDate(c.Facts[g.Key]); err == nil && !g.Not {
				after, _ := strconv.Atoi(g.Value)
				lo = max(lo, on+date.Date(after))
			}
		case procedure.GuardWithin:
			for _, cc := range c.Clocks {
				if cc.Name == g.Key && !g.Not {
					within, _ := strconv.Atoi(g.Value)
					hi = min(hi, cc.Clock.Started()+date.Date(within))
				}
			}
		}
	}
	day := lo
	if hi < lo {
		if hi < deadline.DateOf(last) {
			return procedure.Event{}, false
		}
		day = max(hi, deadline.DateOf(last))
	}
	// In office hours on a working day, so that a step barred at night
	// or on a rest day is allowed, unless that goes past the last day.
	if w, err := cal.NextWorkingDay(day - 1); err == nil && w <= hi {
		day = w
	}
	at := day.Time(9, deadline.ChinaStandardTime()).Add(time.Duration(rapid.IntRange(0, 7*60).Draw(t, "minute of the day")) * time.Minute)
	if at.Before(last) {
		at = last
	}
	day = deadline.DateOf(at)
	payload := map[string]string{}
	for _, g := range tr.Guards {
		switch g.Kind {
		case procedure.GuardPayload:
			switch {
			case !g.Not && g.Value != "":
				payload[g.Key] = g.Value
			case !g.Not:
				payload[g.Key] = stepValue(t, memo, g.Key, day)
			case g.Value == "true":
				if rapid.Bool().Draw(t, "say false") {
					payload[g.Key] = "false"
				}
			case g.Value == "false":
				payload[g.Key] = "true"
			case g.Value != "":
				if v := memo.values[g.Key]; len(v) > 1 {
					if w := rapid.SampledFrom(v).Draw(t, "another value"); w != g.Value {
						payload[g.Key] = w
					}
				}
			}
		case procedure.GuardAtMost, procedure.GuardAtLeast:
			bound, err := strconv.Atoi(g.Value)
			if g.Than != "" {
				bound, err = strconv.Atoi(strings.TrimSuffix(c.Facts[g.Than], ".00"))
			}
			if err != nil {
				continue
			}
			n := rapid.IntRange(0, max(bound, 1)).Draw(t, "number")
			if (g.Kind == procedure.GuardAtLeast) != g.Not {
				n = bound + n
			} else {
				n = min(n, bound)
			}
			payload[g.Key] = strconv.Itoa(n)
		case procedure.GuardDaysBefore:
			n, working := daysBefore(g.Value)
			if working {
				n = 2*n + 4
			}
			ahead := n + rapid.IntRange(0, 10).Draw(t, "days more")
			if g.Not {
				ahead = rapid.IntRange(0, max(n-1, 0)).Draw(t, "days ahead")
			}
			payload[g.Key] = (day + date.Date(ahead)).String()
		case procedure.GuardInPeriod:
			on := day - date.Date(rapid.IntRange(0, 10).Draw(t, "days before the event"))
			if g.On != "" {
				payload[g.On] = on.String()
			}
			back := rapid.IntRange(0, 300).Draw(t, "days of the period")
			if g.Not {
				back = 7 * 366
			}
			payload[g.Key] = (on - date.Date(back)).String()
		case procedure.GuardOutsideRest:
			if g.Key != "" && (g.Not || rapid.IntRange(0, 5).Draw(t, "emergency") == 0) {
				payload[g.Key] = "财物有灭失危险"
			}
		}
	}
	for _, e := range tr.Effects {
		effectPayload(t, d, e, day, payload, true)
	}
	for _, k := range tr.Record {
		if _, ok := payload[k]; ok || exceptionKey(tr, k) {
			continue
		}
		if memo.optional[k] && rapid.IntRange(0, 2).Draw(t, "left unrecorded") == 0 {
			continue
		}
		payload[k] = stepValue(t, memo, k, day)
	}
	if len(payload) == 0 {
		payload = nil
	}
	actor := procedure.Actor{Officer: rapid.SampledFrom([]string{"王", "李", "张"}).Draw(t, "officer"), Unit: "窗口"}
	return procedure.Event{Trigger: tr.Trigger, At: at, Actor: actor, Reason: "办理", Payload: payload}, true
}

// stepValue draws a value for key k of an event on day: one a guard
// compares k with, or else one of the form guards read k in.
func stepValue(t *rapid.T, memo *specMemo, k string, day date.Date) string {
	switch {
	case len(memo.values[k]) > 0:
		return rapid.SampledFrom(memo.values[k]).Draw(t, "value a guard reads")
	case memo.kinds[k] == "number":
		return strconv.Itoa(rapid.IntRange(1, 5000).Draw(t, "number"))
	case memo.kinds[k] == "date":
		return (day + date.Date(rapid.IntRange(1, 60).Draw(t, "days from the event"))).String()
	}
	return "记录"
}

// daysBefore reads a days_before guard's value: "7", "7 days" or
// "7 working_days".
func daysBefore(v string) (n int, working bool) {
	f := strings.Fields(v)
	if len(f) == 0 {
		return 0, false
	}
	n, _ = strconv.Atoi(f[0])
	return n, len(f) > 1 && f[1] == "working_days"
}
