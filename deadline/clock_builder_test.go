package deadline_test

import (
	"errors"
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

// TestClockBuilderZero: the zero builder holds the zero clock and refuses
// every entry as that clock does.
func TestClockBuilderZero(t *testing.T) {
	var b deadline.ClockBuilder
	err := b.Apply(nil, deadline.Entry{Kind: deadline.EntryStop, On: gen.Day(2025, 1, 2)})
	if !errors.Is(err, deadline.ErrEntryRefused) {
		t.Fatalf("zero builder: %v", err)
	}
	if !b.Clock().IsZero() {
		t.Fatalf("zero builder holds %+v", b.Clock())
	}
}

// TestClockBuilderSharesSafely: the clocks a builder returns are read by
// other goroutines while the builder goes on appending; the race detector
// (CI runs the tests with -race) sees no access in common.
func TestClockBuilderSharesSafely(t *testing.T) {
	cal := deadline.ChinaMainland()
	clk, err := deadline.Start(mustRule(t, deadline.RuleDisclosureReply), gen.Day(2025, 3, 3))
	if err != nil {
		t.Fatal(err)
	}
	var b deadline.ClockBuilder
	b.Reset(clk)
	done := make(chan int)
	n := 0
	for day := gen.Day(2025, 3, 4); n < 40; day += 2 {
		kind := deadline.EntrySuspend
		if n%2 == 1 {
			kind = deadline.EntryResume
		}
		if err := b.Apply(cal, deadline.Entry{Kind: kind, On: day, Cause: deadline.CauseConsultation}); err != nil {
			t.Fatal(err)
		}
		n++
		go func(c deadline.Clock, want int, last date.Date) {
			if l := c.Ledger(); len(l) != want || l[want-1].On != last {
				want = -want
			}
			done <- want
		}(b.Clock(), n, day)
	}
	for range n {
		if got := <-done; got < 0 {
			t.Fatalf("a clock returned after %d entries changed", -got)
		}
	}
}
