package deadline_test

import (
	"errors"
	"math"
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// builderUnderTest is a builder with, beside it, the clock Clock.Apply
// builds from the same entries (the oracle), and the clocks the builder
// returned on the way with the oracle's clock of the same moment.
type builderUnderTest struct {
	b     *deadline.ClockBuilder
	want  deadline.Clock
	taken [][2]deadline.Clock
}

// TestClockBuilderModel: a builder accepts and refuses exactly the
// entries Clock.Apply does, with the same error, and builds the same
// clock; a copy of a builder goes on on its own; and every clock a
// builder returned keeps what it had, whatever the builders did after.
func TestClockBuilderModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, r, clk := drawStarted(t)
		start := clk.Started()
		first := &builderUnderTest{b: new(deadline.ClockBuilder), want: clk}
		first.b.Reset(clk)
		builders := []*builderUnderTest{first}
		last := start
		pick := func(t *rapid.T) *builderUnderTest {
			return builders[rapid.IntRange(0, len(builders)-1).Draw(t, "builder")]
		}
		t.Repeat(map[string]func(*rapid.T){
			"apply": func(t *rapid.T) {
				u := pick(t)
				e := drawEntry(t, last)
				if list := r.Exclusions; e.Kind == deadline.EntrySuspend && len(list) > 0 && rapid.Bool().Draw(t, "known cause") {
					e.Cause = rapid.SampledFrom(list).Draw(t, "cause").Cause
				}
				next, wantErr := u.want.Apply(cal, e)
				gotErr := u.b.Apply(cal, e)
				if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
					t.Fatalf("entry %+v: Clock.Apply says %v, the builder %v", e, wantErr, gotErr)
				}
				if wantErr == nil {
					u.want = next
					last = max(last, e.On)
				}
			},
			"take": func(t *rapid.T) {
				u := pick(t)
				u.taken = append(u.taken, [2]deadline.Clock{u.b.Clock(), u.want})
			},
			"copy": func(t *rapid.T) {
				u := pick(t)
				b := new(deadline.ClockBuilder)
				*b = *u.b
				builders = append(builders, &builderUnderTest{b: b, want: u.want})
			},
			"grow": func(t *rapid.T) {
				pick(t).b.Grow(rapid.IntRange(-1, 12).Draw(t, "n"))
			},
			"reset": func(t *rapid.T) {
				// Going on from a clock another builder returned must not
				// disturb that builder.
				u, from := pick(t), pick(t)
				c := from.b.Clock()
				u.b.Reset(c)
				u.want = c
			},
			"": func(t *rapid.T) {
				for i, u := range builders {
					if got := u.b.Clock(); !got.Equal(u.want) {
						t.Fatalf("builder %d holds %+v, Clock.Apply built %+v", i, got.Ledger(), u.want.Ledger())
					}
					for k, p := range u.taken {
						if !p[0].Equal(p[1]) {
							t.Fatalf("builder %d: clock %d it returned changed to %+v, was %+v", i, k, p[0].Ledger(), p[1].Ledger())
						}
					}
				}
			},
		})
	})
}

// builtClock is a clock built through builders, with beside it the clock
// Clock.Apply builds from the same entries (the oracle).
type builtClock struct {
	got, want deadline.Clock
	last      date.Date
}

// TestClockBuilderManyClocks: builders that take the entries of several
// clocks in any order, each entry through whichever builder (copies of
// builders included) by Reset and Apply or by ApplyTo, accept and refuse
// exactly the entries Clock.Apply does, with the same error, and build
// the same clocks; and every clock a builder returned keeps what it had,
// whatever the builders did after.
func TestClockBuilderManyClocks(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal := deadline.ChinaMainland()
		var rules []deadline.Rule
		var clocks []*builtClock
		builders := []*deadline.ClockBuilder{new(deadline.ClockBuilder)}
		var taken [][2]deadline.Clock
		pick := func(t *rapid.T) *deadline.ClockBuilder {
			return builders[rapid.IntRange(0, len(builders)-1).Draw(t, "builder")]
		}
		start := func(t *rapid.T) {
			_, r, clk := drawStarted(t)
			rules = append(rules, r)
			clocks = append(clocks, &builtClock{got: clk, want: clk, last: clk.Started()})
		}
		start(t)
		t.Repeat(map[string]func(*rapid.T){
			"start": start,
			"apply": func(t *rapid.T) {
				i := rapid.IntRange(0, len(clocks)-1).Draw(t, "clock")
				u, r, b := clocks[i], rules[i], pick(t)
				e := drawEntry(t, u.last)
				if list := r.Exclusions; e.Kind == deadline.EntrySuspend && len(list) > 0 && rapid.Bool().Draw(t, "known cause") {
					e.Cause = rapid.SampledFrom(list).Draw(t, "cause").Cause
				}
				next, wantErr := u.want.Apply(cal, e)
				// The clock is built through Reset, Apply and Clock, or
				// through ApplyTo, which must leave the builder's own
				// clock as it was.
				var got deadline.Clock
				var gotErr error
				if rapid.Bool().Draw(t, "apply to") {
					own := b.Clock()
					got = u.got
					gotErr = b.ApplyTo(cal, &got, e)
					if !b.Clock().Equal(own) {
						t.Fatalf("entry %+v: ApplyTo changed the builder's clock", e)
					}
				} else {
					b.Reset(u.got)
					gotErr = b.Apply(cal, e)
					got = b.Clock()
				}
				if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
					t.Fatalf("entry %+v: Clock.Apply says %v, the builder %v", e, wantErr, gotErr)
				}
				if !got.Equal(next) {
					t.Fatalf("entry %+v: the builder built %+v, Clock.Apply %+v", e, got.Ledger(), next.Ledger())
				}
				if wantErr == nil {
					u.got, u.want, u.last = got, next, max(u.last, e.On)
				}
			},
			"take": func(t *rapid.T) {
				u := clocks[rapid.IntRange(0, len(clocks)-1).Draw(t, "clock")]
				taken = append(taken, [2]deadline.Clock{u.got, u.want})
			},
			"copy": func(t *rapid.T) {
				b := new(deadline.ClockBuilder)
				*b = *pick(t)
				builders = append(builders, b)
			},
			"grow": func(t *rapid.T) {
				pick(t).Grow(rapid.IntRange(-1, 12).Draw(t, "n"))
			},
			"": func(t *rapid.T) {
				for i, u := range clocks {
					if !u.got.Equal(u.want) {
						t.Fatalf("clock %d is %+v, Clock.Apply built %+v", i, u.got.Ledger(), u.want.Ledger())
					}
				}
				for k, p := range taken {
					if !p[0].Equal(p[1]) {
						t.Fatalf("clock %d a builder returned changed to %+v, was %+v", k, p[0].Ledger(), p[1].Ledger())
					}
				}
			},
		})
	})
}

// TestClockBuilderGrow: after Grow(n), n entries appended in place
// allocate nothing.
func TestClockBuilderGrow(t *testing.T) {
	cal := deadline.ChinaMainland()
	clk := replyClock(t)
	var b deadline.ClockBuilder
	allocs := testing.AllocsPerRun(10, func() {
		b.Reset(clk)
		b.Grow(6)
		for k := range 6 {
			if err := b.Apply(cal, pause(k, gen.Day(2025, 3, 4)+date.Date(2*k))); err != nil {
				t.Fatal(err)
			}
		}
	})
	// One allocation a run: the buffer Grow makes when the last run's
	// buffer is full.
	if allocs != 1 {
		t.Fatalf("%v allocations a run, want 1", allocs)
	}
	if n := len(b.Clock().Ledger()); n != 6 {
		t.Fatalf("%d entries", n)
	}
	// Room is a hint: any n is taken, the huge bounded, and the builder
	// goes on as before.
	for _, n := range []int{-1, 0, math.MaxInt, 1 << 40} {
		b.Grow(n)
	}
	b.Reset(clk)
	if err := b.Apply(cal, pause(0, gen.Day(2025, 3, 4))); err != nil || len(b.Clock().Ledger()) != 1 {
		t.Fatalf("after Grow: %v, %d entries", err, len(b.Clock().Ledger()))
	}
}

// TestClockBuilderBoundedRoom: a builder that goes on building clock
// after clock allocates buffers of bounded room, a new one every 64
// entries, not ever larger ones that would keep every clock's neighbours
// alive.
func TestClockBuilderBoundedRoom(t *testing.T) {
	clk := replyClock(t)
	var b deadline.ClockBuilder
	stop := deadline.Entry{Kind: deadline.EntryStop, On: gen.Day(2025, 3, 4)}
	allocs := testing.AllocsPerRun(20, func() {
		for range 640 {
			b.Reset(clk)
			if err := b.Apply(nil, stop); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs < 9 || allocs > 11 {
		t.Fatalf("%v allocations for 640 clocks, want 10", allocs)
	}
}

// replyClock is a clock on the reply to an information request, started
// on 2025-03-03.
func replyClock(t *testing.T) deadline.Clock {
	clk, err := deadline.Start(mustRule(t, deadline.RuleDisclosureReply), gen.Day(2025, 3, 3))
	if err != nil {
		t.Fatal(err)
	}
	return clk
}

// pause is the k-th entry of a reply clock that is suspended and resumed
// in turn: a suspension for a third party's opinion on day on if k is
// even, the resumption if k is odd.
func pause(k int, on date.Date) deadline.Entry {
	if k%2 == 1 {
		return deadline.Entry{Kind: deadline.EntryResume, On: on}
	}
	return deadline.Entry{Kind: deadline.EntrySuspend, On: on, Cause: deadline.CauseConsultation}
}

// TestClockBuilderZero: the zero builder holds the zero clock and refuses
// every entry as that clock does; ApplyTo refuses the zero clock and no
// clock at all.
func TestClockBuilderZero(t *testing.T) {
	var b deadline.ClockBuilder
	err := b.Apply(nil, deadline.Entry{Kind: deadline.EntryStop, On: gen.Day(2025, 1, 2)})
	if !errors.Is(err, deadline.ErrEntryRefused) {
		t.Fatalf("zero builder: %v", err)
	}
	if !b.Clock().IsZero() {
		t.Fatalf("zero builder holds %+v", b.Clock())
	}
	var zero deadline.Clock
	err = b.ApplyTo(nil, &zero, deadline.Entry{Kind: deadline.EntryStop, On: gen.Day(2025, 1, 2)})
	if !errors.Is(err, deadline.ErrEntryRefused) || !zero.IsZero() {
		t.Fatalf("ApplyTo the zero clock: %+v, %v", zero, err)
	}
	if err := b.ApplyTo(nil, nil, deadline.Entry{Kind: deadline.EntryStop, On: gen.Day(2025, 1, 2)}); !errors.Is(err, deadline.ErrEntryRefused) {
		t.Fatalf("ApplyTo no clock: %v", err)
	}
}

// TestClockBuilderSharesSafely: the clocks a builder returns are read by
// other goroutines while the builder goes on appending to them and to
// another clock; the race detector (CI runs the tests with -race) sees no
// access in common.
func TestClockBuilderSharesSafely(t *testing.T) {
	cal := deadline.ChinaMainland()
	clk := replyClock(t)
	var b deadline.ClockBuilder
	a, other := clk, clk
	done := make(chan int)
	n := 0
	for day := gen.Day(2025, 3, 4); n < 40; day += 2 {
		e := pause(n, day)
		b.Reset(a)
		if err := b.Apply(cal, e); err != nil {
			t.Fatal(err)
		}
		a = b.Clock()
		n++
		if n%3 == 0 {
			// Another clock's entry in between moves a's ledger on its
			// next entry.
			b.Reset(other)
			if err := b.Apply(cal, e); err != nil {
				t.Fatal(err)
			}
			other = b.Clock()
		}
		go func(c deadline.Clock, want int, last date.Date) {
			if l := c.Ledger(); len(l) != want || l[want-1].On != last {
				want = -want
			}
			done <- want
		}(a, n, day)
	}
	for range n {
		if got := <-done; got < 0 {
			t.Fatalf("a clock returned after %d entries changed", -got)
		}
	}
}
