package gen

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"
	"weak"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Departments are the values drawn for payload keys that tell clock
// instances apart (e.g. the departments of a joint licence).
var departments = []string{"市场监管局", "生态环境局", "消防救援支队"}

// FirstInstant draws the instant of a case's first event, between 2015
// and 2024, in China Standard Time, so that a case of a few dozen events
// stays inside the calendar's coverage.
func FirstInstant(t *rapid.T) time.Time {
	day := Day(2015, 1, 1) + DayOffset(t, 0, 9*365)
	return day.Time(0, deadline.ChinaStandardTime()).Add(time.Duration(rapid.IntRange(7*60, 19*60).Draw(t, "minute")) * time.Minute)
}

// DayOffset draws a number of days in [lo, hi] as a date offset.
func DayOffset(t *rapid.T, lo, hi int) date.Date {
	return date.Date(rapid.IntRange(lo, hi).Draw(t, "days"))
}

// Event draws an event for case c of definition d: mostly a trigger the
// definition allows from the case's state, sometimes any trigger; a
// payload that fills the keys the guards and effects of those steps read,
// sometimes leaving one out or giving an odd value; an instant after the
// last event, usually within a few working days; and an actor, rarely
// none.
func Event(t *rapid.T, d *procedure.Definition, c *procedure.Case) procedure.Event {
	spec := SpecOf(d)
	at := FirstInstant(t)
	if n := len(c.Events); n > 0 {
		step := time.Duration(rapid.IntRange(0, 12*24*60).Draw(t, "minutes")) * time.Minute
		at = c.Events[n-1].At.Add(step)
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
	// A step that waits for a day the case recorded (a hearing held on
	// the day notified) is drawn on that day or after it half the time:
	// the event's instant is otherwise rarely late enough.
	for _, tr := range spec.Transitions {
		if tr.Trigger != trig || tr.From != c.State {
			continue
		}
		for _, g := range tr.Guards {
			if g.Kind != procedure.GuardDateReached {
				continue
			}
			after, _ := strconv.Atoi(g.Value)
			if due, err := deadline.ParseDate(c.Facts[g.Key]); err == nil && deadline.DateOf(at) < due+date.Date(after) && rapid.Bool().Draw(t, "wait for the day") {
				due += date.Date(after)
				at = due.Time(0, deadline.ChinaStandardTime()).Add(time.Duration(rapid.IntRange(8*60, 18*60).Draw(t, "minute of the day")) * time.Minute)
			}
		}
	}
	payload := map[string]string{}
	day := deadline.DateOf(at)
	memo := memoOf(d)
	kinds := memo.kinds
	// The payload is drawn for one of the step's transitions first, the
	// one the event is meant for; the others add only keys it lacks, so
	// that a route told apart by a value (challenged=reconsideration or
	// litigation) is drawn as often as the others.
	var routes []procedure.TransitionSpec
	for _, tr := range spec.Transitions {
		if tr.Trigger == trig && tr.From == c.State {
			routes = append(routes, tr)
		}
	}
	if len(routes) > 1 {
		i := rapid.IntRange(0, len(routes)-1).Draw(t, "route")
		routes[0], routes[i] = routes[i], routes[0]
	}
	for k, tr := range routes {
		for _, g := range tr.Guards {
			if k > 0 && (payload[g.Key] != "" || g.On != "" && payload[g.On] != "") {
				continue
			}
			if rapid.IntRange(0, 9).Draw(t, "omit") == 0 {
				continue
			}
			switch g.Kind {
			case procedure.GuardPayload:
				v := g.Value
				if v == "" || rapid.IntRange(0, 4).Draw(t, "other value") == 0 {
					v = rapid.SampledFrom([]string{"是", "否", "1", g.Key}).Draw(t, "value")
				}
				payload[g.Key] = v
			case procedure.GuardAtMost, procedure.GuardAtLeast:
				bound := g.Value
				if g.Than != "" {
					bound = c.Facts[g.Than]
				}
				base, _ := strconv.Atoi(bound)
				payload[g.Key] = strconv.Itoa(max(0, base+rapid.IntRange(-3, 3).Draw(t, "near"))) +
					rapid.SampledFrom([]string{"", ".00", ".5"}).Draw(t, "cents")
				if rapid.IntRange(0, 19).Draw(t, "not a number") == 0 {
					payload[g.Key] = "一百"
				}
			case procedure.GuardDaysBefore:
				payload[g.Key] = (day + date.Date(rapid.IntRange(0, 60).Draw(t, "days ahead"))).String()
				if rapid.IntRange(0, 19).Draw(t, "not a day") == 0 {
					payload[g.Key] = "2025-02-30"
				}
			case procedure.GuardInPeriod:
				// The day tested is a few days before the event, rarely
				// after it; the period's start up to six years before
				// that, around the end of a period of years as often as not.
				on := day - date.Date(rapid.IntRange(-1, 30).Draw(t, "days before the event"))
				if g.On != "" {
					payload[g.On] = on.String()
				}
				back := rapid.IntRange(0, 6*366).Draw(t, "days of the period")
				if rapid.Bool().Draw(t, "near a period's end") {
					back = 365*rapid.IntRange(1, 6).Draw(t, "years") + rapid.IntRange(-3, 4).Draw(t, "days off")
				}
				payload[g.Key] = (on - date.Date(back)).String()
			case procedure.GuardOutsideRest:
				// An emergency is stated now and then: otherwise the
				// event's instant decides.
				if g.Key != "" && rapid.IntRange(0, 3).Draw(t, "emergency") == 0 {
					payload[g.Key] = "财物有灭失危险"
				}
			}
		}
		for _, e := range tr.Effects {
			effectPayload(t, d, e, day, payload, false)
		}
		for _, k := range tr.Record {
			if _, ok := payload[k]; ok || exceptionKey(tr, k) {
				continue
			}
			// A fact some guard asks only to be there or not (a fine
			// decided, a demolition ordered) is left out now and then, so
			// that the steps for its absence are reached too.
			if memo.optional[k] && rapid.IntRange(0, 3).Draw(t, "left unrecorded") == 0 {
				continue
			}
			// A fact a guard reads as a flag, a number or a date is
			// recorded in that form, rarely in another.
			v := "记录"
			if rapid.IntRange(0, 9).Draw(t, "odd record") > 0 {
				switch kinds[k] {
				case "flag":
					v = rapid.SampledFrom([]string{"true", "false"}).Draw(t, "flag")
				case "number":
					v = strconv.Itoa(rapid.IntRange(0, 5000).Draw(t, "number"))
				case "date":
					v = (day + date.Date(rapid.IntRange(-30, 60).Draw(t, "days from the event"))).String()
				}
			}
			payload[k] = v
		}
	}
	actor := procedure.Actor{Officer: rapid.SampledFrom([]string{"王", "李", "张"}).Draw(t, "officer"), Unit: "窗口"}
	if rapid.IntRange(0, 29).Draw(t, "no actor") == 0 {
		actor = procedure.Actor{}
	}
	if len(payload) == 0 {
		payload = nil
	}
	return procedure.Event{Trigger: trig, At: at, Actor: actor, Reason: "办理", Payload: payload}
}

// effectPayload fills the payload keys effect e reads for an event on
// day: the key telling its clock instances apart, the day a term runs
// until, the cause of a suspension or restart, and an extension's units
// and approver. Valid values only when valid is set; otherwise now and
// then a term that ends before the day, a cause the rule does not allow,
// or no units.
func effectPayload(t *rapid.T, d *procedure.Definition, e procedure.Effect, day date.Date, payload map[string]string, valid bool) {
	if e.Per != "" {
		payload[e.Per] = rapid.SampledFrom(departments).Draw(t, "per")
	}
	if e.Until != "" {
		lo, hi := -2, 90
		if valid {
			lo, hi = 30, 400
		}
		payload[e.Until] = (day + date.Date(rapid.IntRange(lo, hi).Draw(t, "until"))).String()
	}
	if (e.Op == procedure.OpSuspend || e.Op == procedure.OpRestart) && e.Cause == 0 {
		r, _ := d.Rule(e.Clock)
		list := r.Exclusions
		if e.Op == procedure.OpRestart {
			list = r.Restarts
		}
		switch {
		case len(list) > 0 && (valid || rapid.IntRange(0, 9).Draw(t, "odd cause") > 0):
			payload["cause"] = rapid.SampledFrom(list).Draw(t, "cause").Cause.String()
		case !valid:
			payload["cause"] = deadline.Cause(rapid.IntRange(0, 12).Draw(t, "any cause")).String()
		}
	}
	if e.Op == procedure.OpExtend {
		if e.Units == 0 {
			lo := 0
			if valid {
				lo = 1
			}
			payload["units"] = strconv.Itoa(rapid.IntRange(lo, 40).Draw(t, "units"))
		}
		payload["approver"] = "负责人"
	}
}

// exceptionKey reports whether k is the key of the exception of an
// outside_rest guard of transition tr: drawn with the guard, or left out,
// rather than recorded as any other key.
func exceptionKey(tr procedure.TransitionSpec, k string) bool {
	return slices.ContainsFunc(tr.Guards, func(g procedure.GuardSpec) bool {
		return g.Kind == procedure.GuardOutsideRest && g.Key == k
	})
}

// ValueKinds returns, for each payload or fact key a guard of spec reads
// as more than text, the form it reads it in: "flag" ("true" or
// "false"), "number" or "date" (YYYY-MM-DD), worked out from the guards
// the plain way.
func ValueKinds(spec procedure.Spec) map[string]string {
	kinds := map[string]string{}
	for _, tr := range spec.Transitions {
		for _, g := range tr.Guards {
			switch g.Kind {
			case procedure.GuardPayload, procedure.GuardFact:
				if g.Value == "true" || g.Value == "false" {
					kinds[g.Key] = "flag"
				}
			case procedure.GuardAtMost, procedure.GuardAtLeast:
				kinds[g.Key] = "number"
				if g.Than != "" {
					kinds[g.Than] = "number"
				}
			case procedure.GuardDaysBefore, procedure.GuardDateReached:
				kinds[g.Key] = "date"
			case procedure.GuardInPeriod:
				kinds[g.Key] = "date"
				if g.On != "" {
					kinds[g.On] = "date"
				}
			}
		}
	}
	return kinds
}

// specs holds, by definition (a weak pointer, so that a definition a
// property makes afresh for each run is dropped with it), its spec and
// the kinds of its values (a *specMemo), which Event and the model
// tests' oracles read at every step: Definition.Spec makes a deep copy,
// and a penalty's takes longer than the step it is read for.
var specs sync.Map

type specMemo struct {
	spec  procedure.Spec
	kinds map[string]string
	// optional are the facts a fact guard tests for presence alone.
	optional map[string]bool
	// values are, by key, the values payload and fact guards compare it
	// with, in the order the spec first names them.
	values map[string][]string
}

func memoOf(d *procedure.Definition) *specMemo {
	key := weak.Make(d)
	if m, ok := specs.Load(key); ok {
		return m.(*specMemo)
	}
	spec := d.Spec()
	optional := map[string]bool{}
	values := map[string][]string{}
	for _, tr := range spec.Transitions {
		for _, g := range tr.Guards {
			if g.Kind == procedure.GuardFact && g.Value == "" {
				optional[g.Key] = true
			}
			if (g.Kind == procedure.GuardFact || g.Kind == procedure.GuardPayload) && g.Value != "" && !slices.Contains(values[g.Key], g.Value) {
				values[g.Key] = append(values[g.Key], g.Value)
			}
		}
	}
	m, loaded := specs.LoadOrStore(key, &specMemo{spec, ValueKinds(spec), optional, values})
	if !loaded {
		runtime.AddCleanup(d, func(key weak.Pointer[procedure.Definition]) { specs.Delete(key) }, key)
	}
	return m.(*specMemo)
}

// SpecOf returns d.Spec(), made once per definition and shared: the
// caller must not change it.
func SpecOf(d *procedure.Definition) procedure.Spec { return memoOf(d).spec }

// KindsOf returns ValueKinds(d.Spec()), made once per definition and
// shared: the caller must not change it.
func KindsOf(d *procedure.Definition) map[string]string { return memoOf(d).kinds }

// Triggers returns the triggers of a definition's spec, for tests that
// draw among them.
func Triggers(d *procedure.Definition) []procedure.Trigger {
	var out []procedure.Trigger
	for _, t := range d.Spec().Triggers {
		out = append(out, t.ID)
	}
	return slices.Clip(out)
}

// RestTime draws when an agency may not enforce: a night across
// midnight, within one day, or none, on the minute or not, and either
// reading of the rest days.
func RestTime(t *rapid.T) procedure.RestTime {
	bound := func(label string) clock.Clock {
		c := clock.Clock(rapid.IntRange(0, 24*60-1).Draw(t, label)) * clock.Minute
		if rapid.IntRange(0, 3).Draw(t, label+" off the minute") == 0 {
			c += clock.Clock(rapid.IntRange(1, 59).Draw(t, label+" seconds")) * clock.Second
		}
		return c
	}
	r := procedure.RestTime{NightFrom: bound("night from"), NightTo: bound("night to")}
	if rapid.IntRange(0, 9).Draw(t, "no night") == 0 {
		r.NightTo = r.NightFrom
	}
	r.HolidaysOnly = rapid.Bool().Draw(t, "holidays only")
	return r
}

// InstantNear draws an instant on a day in [from, to], in one of a few
// zones: half the time within a second of one of the bounds given (a
// time of day in China Standard Time), otherwise at any nanosecond of
// the day.
func InstantNear(t *rapid.T, from, to date.Date, bounds ...clock.Clock) time.Time {
	day := from + DayOffset(t, 0, int(to-from))
	at := day.Time(0, deadline.ChinaStandardTime())
	if len(bounds) > 0 && rapid.Bool().Draw(t, "near a bound") {
		b := rapid.SampledFrom(bounds).Draw(t, "bound")
		at = at.Add(time.Duration(b) + time.Duration(rapid.IntRange(-1000, 1000).Draw(t, "ms off"))*time.Millisecond)
		// A bound near midnight may move the instant to a day the
		// calendar does not cover.
		if d := deadline.DateOf(at); d < from || d > to {
			at = day.Time(0, deadline.ChinaStandardTime()).Add(time.Duration(b))
		}
	} else {
		at = at.Add(time.Duration(rapid.Int64Range(0, int64(24*time.Hour)-1).Draw(t, "nanoseconds")))
	}
	zone := rapid.SampledFrom([]*time.Location{deadline.ChinaStandardTime(), time.UTC, time.FixedZone("UTC-5", -5*3600), time.FixedZone("UTC+14", 14*3600)}).Draw(t, "zone")
	return at.In(zone)
}
