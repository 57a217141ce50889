package deadline_test

import (
	"fmt"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

var (
	sinkDate date.Date
	sinkInt  int
	sinkBool bool
)

func BenchmarkAddWorkingDays(b *testing.B) {
	cal := deadline.ChinaMainland()
	start := d(2007, 1, 4)
	for _, n := range []int{1, 20, 250, 2500, 4800} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkDate, _ = cal.AddWorkingDays(start, n)
			}
		})
	}
}

// BenchmarkDayByDay is the loop the precomputed tables replace, for scale.
func BenchmarkDayByDay(b *testing.B) {
	cal := deadline.ChinaMainland()
	start := d(2007, 1, 4)
	for _, n := range []int{20, 2500} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				day, left := start, n
				for left > 0 {
					day++
					if ok, _ := cal.IsWorkingDay(day); ok {
						left--
					}
				}
				sinkDate = day
			}
		})
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	cal := deadline.ChinaMainland()
	from := d(2007, 1, 4)
	for _, span := range []struct {
		name string
		to   date.Date
	}{{"1d", from + 1}, {"1y", d(2008, 1, 4)}, {"20y", d(2026, 12, 30)}, {"backward-20y", d(2007, 1, 2)}} {
		b.Run(span.name, func(b *testing.B) {
			to := span.to
			f := from
			if span.name == "backward-20y" {
				f, to = d(2026, 12, 30), d(2007, 1, 4)
			}
			b.ReportAllocs()
			for b.Loop() {
				sinkInt, _ = cal.WorkingDaysBetween(f, to)
			}
		})
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	cal := deadline.ChinaMainland()
	day := d(2025, 10, 11)
	b.ReportAllocs()
	for b.Loop() {
		sinkBool, _ = cal.IsWorkingDay(day)
	}
}

func BenchmarkEnd(b *testing.B) {
	cal := deadline.ChinaMainland()
	p := deadline.Period{N: 90, Unit: deadline.Days}
	b.ReportAllocs()
	for b.Loop() {
		e, _ := cal.End(d(2025, 7, 4), p, deadline.RollRestDays)
		sinkDate = e.Date
	}
}

// busyClock is a licensing decision with three exclusions (Art 45) and
// one extension (Art 42).
func busyClock(b testing.TB) deadline.Clock {
	cal := deadline.ChinaMainland()
	c := mustStart(b, deadline.RuleLicensingDecision, d(2025, 9, 1))
	c = step(b)(c.Exclude(d(2025, 9, 8), d(2025, 9, 10), deadline.CauseTesting, "检测"))
	c = step(b)(c.Exclude(d(2025, 9, 15), d(2025, 9, 17), deadline.CauseExpertReview, "专家评审"))
	c = step(b)(c.Exclude(d(2025, 9, 22), d(2025, 9, 24), deadline.CauseHearing, "听证"))
	return step(b)(c.Extend(cal, d(2025, 9, 25), 10, "局长", "情况复杂"))
}

func BenchmarkClockStatus(b *testing.B) {
	cal := deadline.ChinaMainland()
	c := busyClock(b)
	asOf := d(2025, 10, 20)
	b.Run("three-suspensions-one-extension", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			st, _ := c.Status(cal, asOf)
			sinkDate = st.Due
		}
	})
	for _, bc := range []struct {
		name string
		clk  deadline.Clock
	}{
		{"no-ledger", mustStart(b, deadline.RuleLicensingDecision, d(2025, 9, 1))},
		// A limit of calendar days: the working days left are counted too.
		{"calendar-days", mustStart(b, deadline.RulePenaltyDecision, d(2025, 8, 19))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				st, _ := bc.clk.Status(cal, asOf)
				sinkDate = st.Due
			}
		})
	}
	b.Run("due", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDate, _ = c.Due(cal)
		}
	})
}

// BenchmarkMillionOpenClocks is the electronic-supervision scan: the
// status and warning light of 1,000,000 open clocks as of one day. One
// iteration is the whole scan.
func BenchmarkMillionOpenClocks(b *testing.B) {
	cal := deadline.ChinaMainland()
	rules := []deadline.Rule{
		mustRule(b, deadline.RuleLicensingDecision),
		mustRule(b, deadline.RuleDisclosureReply),
		mustRule(b, deadline.RulePetitionHandling),
		mustRule(b, deadline.RulePenaltyDecision),
	}
	clocks := make([]deadline.Clock, 1_000_000)
	for i := range clocks {
		c, err := deadline.Start(rules[i%len(rules)], d(2025, 6, 1)+date.Date(i%120))
		if err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 && len(rules[i%len(rules)].Exclusions) > 0 {
			c = step(b)(c.Exclude(d(2025, 10, 9), d(2025, 10, 10), rules[i%len(rules)].Exclusions[0].Cause, "不计入"))
		}
		clocks[i] = c
	}
	asOf := d(2025, 10, 20)
	policy := deadline.DefaultPolicy()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		red := 0
		for i := range clocks {
			st, err := clocks[i].Status(cal, asOf)
			if err != nil {
				b.Fatal(err)
			}
			if st.Level(policy) == deadline.LevelRed {
				red++
			}
		}
		sinkInt = red
	}
}

func BenchmarkParseChinaCalendar(b *testing.B) {
	data := deadline.ChinaMainlandJSON()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := deadline.ParseCalendar(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLedgerReplay builds the busy clock's seven entries again, the
// way a stored ledger is read back: each through Clock.Apply, which copies
// the ledger for every entry, and through a ClockBuilder, which appends in
// place.
func BenchmarkLedgerReplay(b *testing.B) {
	cal := deadline.ChinaMainland()
	c := busyClock(b)
	entries := c.Ledger()
	start := mustStart(b, deadline.RuleLicensingDecision, c.Started())
	b.Run("apply", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := start
			for _, e := range entries {
				n, _ = n.Apply(cal, e)
			}
			sinkDate = n.LastDay()
		}
	})
	b.Run("builder", func(b *testing.B) {
		b.ReportAllocs()
		var lb deadline.ClockBuilder
		for b.Loop() {
			lb.Reset(start)
			for _, e := range entries {
				_ = lb.Apply(cal, e)
			}
			sinkDate = lb.Clock().LastDay()
		}
	})
}
