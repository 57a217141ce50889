package procedure_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The fast paths of firing, each against the plain way it replaces.

// TestParseCause checks the cause look-up against Cause.UnmarshalText.
func TestParseCause(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, s string) {
		var want deadline.Cause
		err := want.UnmarshalText([]byte(s))
		got, ok := procedure.ParseCause(s)
		if ok != (err == nil) || (ok && got != want) {
			t.Fatalf("parseCause(%q) = %v, %v; UnmarshalText: %v, %v", s, got, ok, want, err)
		}
	}
	for i := range 256 {
		c := deadline.Cause(i)
		check(t, c.String())
		check(t, c.Chinese())
		check(t, strings.ToUpper(c.String()))
	}
	rapid.Check(t, func(t *rapid.T) { check(t, rapid.String().Draw(t, "s")) })
}

// TestParseDate checks the date reader against deadline.ParseDate: every
// day of the years where the calendar's rules change, of three centuries
// around today, and random strings of digits and dashes.
func TestParseDate(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, s string) {
		want, err := deadline.ParseDate(s)
		got, ok := procedure.ParseDate(s)
		if ok != (err == nil) || got != want {
			t.Fatalf("parseDate(%q) = %v, %v; ParseDate: %v, %v", s, got, ok, want, err)
		}
	}
	var years []int
	for y := range 9 {
		years = append(years, y, 96+y, 196+y, 396+y, 1596+y, 9991+y)
	}
	for y := 1900; y <= 2200; y++ {
		years = append(years, y)
	}
	buf := []byte("0000-00-00")
	for _, y := range years {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				buf[0], buf[1], buf[2], buf[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
				buf[5], buf[6], buf[8], buf[9] = byte('0'+m/10), byte('0'+m%10), byte('0'+d/10), byte('0'+d%10)
				check(t, string(buf))
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		s := string(rapid.SliceOfN(rapid.SampledFrom([]byte("0123456789-/ a")), 0, 12).Draw(t, "s"))
		if rapid.Bool().Draw(t, "shape") {
			s = rapid.StringMatching(`[0-9]{4}-[0-9]{2}-[0-9]{2}`).Draw(t, "date")
		}
		check(t, s)
	})
}

// TestEnded checks the end-of-day test against OfficeHours.LastMoment,
// for a day that ends at 24:00 and for closing times.
func TestEnded(t *testing.T) {
	var defs []*procedure.Definition
	var hours []deadline.OfficeHours
	for _, closing := range []clock.Clock{0, clock.New(0, 0, 1, 0), clock.New(8, 30, 0, 0), clock.New(17, 0, 0, 0), clock.New(23, 59, 59, 999)} {
		h := deadline.OfficeHours{Close: closing}
		d, err := procedure.Reference("licensing", procedure.WithOfficeHours(h))
		if err != nil {
			t.Fatal(err)
		}
		defs, hours = append(defs, d), append(hours, h)
	}
	rapid.Check(t, func(t *rapid.T) {
		i := rapid.IntRange(0, len(defs)-1).Draw(t, "hours")
		due := date.New(1950, 1, 1) + gen.DayOffset(t, 0, 200*365)
		loc := rapid.SampledFrom([]*time.Location{deadline.ChinaStandardTime(), time.UTC, time.FixedZone("-11", -11*3600)}).Draw(t, "location")
		at := due.Time(0, deadline.ChinaStandardTime()).Add(time.Duration(rapid.Int64Range(-3*24*3600e9, 3*24*3600e9).Draw(t, "ns")))
		if rapid.Bool().Draw(t, "on a boundary") {
			at = hours[i].LastMoment(due).Add(time.Duration(rapid.IntRange(-1, 1).Draw(t, "ns off")))
		}
		at = at.In(loc)
		if got, want := defs[i].Ended(due, at), !at.Before(hours[i].LastMoment(due)); got != want {
			t.Fatalf("ended(%s, %s) with %+v = %v, LastMoment says %v", due, at, hours[i], got, want)
		}
	})
}

// TestCompiledGuards checks the compiled guards of every transition of
// every reference definition against the plain evaluation of their specs
// (oracleHolds), on random cases and events: whether they hold and which
// fail, in order. One firing serves all the transitions of an event, as
// when stateless tries several, so the payload date read once is shared.
func TestCompiledGuards(t *testing.T) {
	for _, name := range procedure.ReferenceNames() {
		t.Run(name, func(t *testing.T) {
			d, err := procedure.Reference(name)
			if err != nil {
				t.Fatal(err)
			}
			spec := d.Spec()
			rapid.Check(t, func(t *rapid.T) {
				c := gen.Case(t, d, "G-1", rapid.IntRange(0, 4).Draw(t, "events"))
				e := gen.Event(t, d, c)
				// Fill the keys of every date and number guard of the
				// definition, near their bounds, so that every transition
				// is tested on them, and the date keys share one firing.
				if e.Payload == nil {
					e.Payload = map[string]string{}
				}
				for _, tr := range spec.Transitions {
					for _, gs := range tr.Guards {
						near := rapid.IntRange(-1, 1).Draw(t, "near")
						switch gs.Kind {
						case procedure.GuardDaysBefore:
							num, unit, _ := strings.Cut(gs.Value, " ")
							n, _ := strconv.Atoi(num)
							day := deadline.DateOf(e.At) + date.Date(n)
							if unit == "working_days" {
								// Near the nth working day after the event's day.
								if due, err := d.Calendar().AddWorkingDays(deadline.DateOf(e.At), n); err == nil {
									day = due
								}
							}
							e.Payload[gs.Key] = (day + date.Date(near)).String()
						case procedure.GuardAtMost, procedure.GuardAtLeast:
							bound := gs.Value
							if gs.Than != "" {
								bound = c.Facts[gs.Than]
							}
							e.Payload[gs.Key] = bound + rapid.SampledFrom([]string{"", "0", ".01"}).Draw(t, "digits")
							if near < 0 {
								e.Payload[gs.Key] = "-" + e.Payload[gs.Key]
							}
						}
					}
				}
				// Now and then within a second of a bound of the night, on
				// the event's day, for the outside_rest guards (行政强制法 Art
				// 43 ¶1).
				if rapid.IntRange(0, 3).Draw(t, "near the night") == 0 {
					r := d.RestTime()
					day := deadline.DateOf(e.At)
					e.At = gen.InstantNear(t, day, day, r.NightFrom, r.NightTo)
				}
				if rapid.IntRange(0, 3).Draw(t, "odd payload") == 0 {
					for k := range e.Payload {
						e.Payload[k] = rapid.SampledFrom([]string{"", "2025-02-29", "2024-02-29", "x", "10", "-1.5"}).Draw(t, "odd value")
					}
				}
				g := procedure.NewGuardsOf(d, c, e)
				order := rapid.Permutation(indices(len(spec.Transitions))).Draw(t, "order")
				for _, i := range order {
					tr := spec.Transitions[i]
					var want []string
					for _, gs := range tr.Guards {
						if !oracleHolds(d, c, e, gs) {
							want = append(want, gs.Desc+" / "+gs.DescEN)
						}
					}
					ok, unmet := g.Hold(i)
					if ok != (len(want) == 0) || !slices.Equal(unmet, want) {
						t.Fatalf("transition %d (%s -%s-> %s): holds %v, unmet %q; the plain way: %q", i, tr.From, tr.Trigger, tr.To, ok, unmet, want)
					}
				}
			})
		})
	}
}

func indices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestTermCache checks the templates of terms a cache returns, made
// anew or held, against Template.Term: the same rule, or the same error,
// for any number of days, asked from several goroutines at once.
func TestTermCache(t *testing.T) {
	r, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := deadline.NewTemplate(r)
	if err != nil {
		t.Fatal(err)
	}
	var tc procedure.TermCache
	rapid.Check(t, func(t *rapid.T) {
		days := rapid.OneOf(rapid.IntRange(-2, 740), rapid.IntRange(-1<<20, 1<<20)).Draw(t, "days")
		want, wantErr := tmpl.Term(days)
		done := make(chan error)
		for range 2 {
			go func() {
				got, err := tc.Term(tmpl, days)
				switch {
				case (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()):
					done <- fmt.Errorf("term of %d days: %v, want %v", days, err, wantErr)
				case !got.Rule().Equal(want.Rule()):
					done <- fmt.Errorf("term of %d days: rule %+v, want %+v", days, got.Rule(), want.Rule())
				default:
					done <- nil
				}
			}()
		}
		for range 2 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestInstantNormalised: an event's instant is stored in China Standard
// Time without a monotonic reading, whatever zone and reading it came
// with, by Fire and by Replay alike, so that a stored case and its replay
// compare equal with ==.
func TestInstantNormalised(t *testing.T) {
	d := licDefinition(t)
	cst := deadline.ChinaStandardTime()
	now := time.Now() // carries a monotonic reading
	for _, at := range []time.Time{now, now.UTC(), now.In(time.FixedZone("UTC-5", -5*3600)), now.In(cst)} {
		c := d.NewCase("N-1")
		e := procedure.Event{Trigger: "receive", At: at, Actor: licClerk, Payload: map[string]string{"voucher": "收件"}}
		if err := d.Fire(context.Background(), c, e); err != nil {
			t.Fatal(err)
		}
		r, err := d.Replay(context.Background(), "N-1", []procedure.Event{e})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range []time.Time{c.Events[0].At, r.Events[0].At} {
			if got != at.Round(0).In(cst) || got.Location() != cst || !got.Equal(at) {
				t.Fatalf("%v stored as %v", at, got)
			}
		}
	}
}
