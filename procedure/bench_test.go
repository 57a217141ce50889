package procedure_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/qmuntal/stateless"

	"github.com/xiaoneng/xiaoneng/deadline"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// benchEvents is a ten-event licensing case: receipt, acceptance, a
// notice to interested parties, expert review excluded and resumed, an
// extension, the grant, the licence issued and delivered, and a renewal
// application.
func benchEvents() []procedure.Event {
	e := func(trigger procedure.Trigger, at time.Time, payload map[string]string) procedure.Event {
		return procedure.Event{Trigger: trigger, At: at, Actor: licClerk, Reason: "办理", Payload: payload}
	}
	return []procedure.Event{
		e("receive", licAt(2025, 9, 25), map[string]string{"voucher": "收件"}),
		e("accept", licAt(2025, 9, 26), licVoucher),
		e("notify_interested", licAt(2025, 9, 29), map[string]string{"parties": "相邻住户"}),
		e("exclude_time", licAt(2025, 10, 13), map[string]string{"cause": "expert_review", "duration": "5个工作日"}),
		e("resume_count", licAt(2025, 10, 17), nil),
		e("extend", licAt(2025, 10, 28), map[string]string{"reasons": "需现场核查", "approver": "局长"}),
		e("grant", licAt(2025, 11, 10), licGrant),
		e("issue_certificate", licAt(2025, 11, 11), map[string]string{"certificate": "JY-1"}),
		e("deliver", licAt(2025, 11, 12), nil),
		e("apply_renewal", licAt(2026, 8, 10), map[string]string{"expires": "2026-09-10"}),
	}
}

// BenchmarkFire is one event with clock effects and the log append:
// acceptance stops the notice clock and starts the decision clock.
func BenchmarkFire(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	events := benchEvents()
	template := d.NewCase("B-1")
	if err := d.Fire(ctx, template, events[0]); err != nil {
		b.Fatal(err)
	}
	// Room for the appended event, as a log that grows by doubling has
	// on average: the append is amortised, not a new array per event.
	template.Events = slices.Grow(template.Events, 1)
	c := new(procedure.Case)
	b.ReportAllocs()
	for b.Loop() {
		// Fire appends past the template's length and copies the slices
		// it changes, so the template itself never changes.
		*c = *template
		if err := d.Fire(ctx, c, events[1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFireRefused is an event the guards refuse.
func BenchmarkFireRefused(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	events := benchEvents()
	c := d.NewCase("B-1")
	if err := d.Fire(ctx, c, events[0]); err != nil {
		b.Fatal(err)
	}
	bad := events[1]
	bad.Payload = nil
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Fire(ctx, c, bad); err == nil {
			b.Fatal("accepted")
		}
	}
}

// BenchmarkReplay rebuilds the ten-event licensing case.
func BenchmarkReplay(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	events := benchEvents()
	b.ReportAllocs()
	for b.Loop() {
		c, err := d.Replay(ctx, "B-1", events)
		if err != nil || c.State != "renewal_pending" {
			b.Fatal(c, err)
		}
	}
}

// BenchmarkReplayStored rebuilds the same case from its log as Fire
// stored it: each event with the state it led to, as a log read back
// from storage has.
func BenchmarkReplayStored(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	live, err := d.Replay(ctx, "B-1", benchEvents())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := d.Replay(ctx, "B-1", live.Events)
		if err != nil || c.State != "renewal_pending" {
			b.Fatal(c, err)
		}
	}
}

// BenchmarkRebuild rebuilds the same case from its log as Fire stored
// it, handed over rather than copied, as a log just read back from
// storage is. The log is in the form Fire stores, so Rebuild does not
// write to it, and the same one is handed over each time.
func BenchmarkRebuild(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	live, err := d.Replay(ctx, "B-1", benchEvents())
	if err != nil {
		b.Fatal(err)
	}
	stored := live.Clone().Events
	b.ReportAllocs()
	for b.Loop() {
		c, err := d.Rebuild(ctx, "B-1", stored)
		if err != nil || c.State != "renewal_pending" {
			b.Fatal(c, err)
		}
	}
}

// BenchmarkStatelessFire is stateless itself, firing between two states
// of an in-memory machine, for scale.
func BenchmarkStatelessFire(b *testing.B) {
	m := stateless.NewStateMachineWithMode("a", stateless.FiringImmediate)
	m.Configure("a").Permit("go", "b")
	m.Configure("b").Permit("back", "a")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.Fire("go")
		_ = m.Fire("back")
	}
}

// BenchmarkMachinePerCaseReplay is the design the package avoids: a
// stateless machine configured for every case, then the ten triggers
// fired through it (guards and clocks left out).
func BenchmarkMachinePerCaseReplay(b *testing.B) {
	d := licDefinition(b)
	spec := d.Spec()
	events := benchEvents()
	b.ReportAllocs()
	for b.Loop() {
		m := stateless.NewStateMachine(spec.Initial)
		for _, t := range spec.Transitions {
			guard := func(context.Context, ...any) bool { return true }
			if t.From == t.To {
				m.Configure(t.From).InternalTransition(t.Trigger, func(context.Context, ...any) error { return nil }, guard)
			} else {
				m.Configure(t.From).Permit(t.Trigger, t.To, guard)
			}
		}
		for _, e := range events {
			if e.Trigger == "deem_accepted" {
				continue
			}
			if err := m.Fire(e.Trigger); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMachinePerCasePath is the same design at its smallest: a
// stateless machine configured, for every case, with only the ten
// transitions the case takes (no other transition, no guard, no clock),
// then fired through them. It is the cheapest machine per case that
// could replay this log, the yardstick for Replay's speed on whatever
// hardware runs the benchmarks.
func BenchmarkMachinePerCasePath(b *testing.B) {
	d := licDefinition(b)
	live, err := d.Replay(context.Background(), "B-1", benchEvents())
	if err != nil {
		b.Fatal(err)
	}
	type step struct {
		from, to procedure.State
		trigger  procedure.Trigger
	}
	path := make([]step, len(live.Events))
	initial := d.Spec().Initial
	from := initial
	for i, e := range live.Events {
		path[i] = step{from, e.To, e.Trigger}
		from = e.To
	}
	b.ReportAllocs()
	for b.Loop() {
		m := stateless.NewStateMachine(initial)
		for _, s := range path {
			if s.from == s.to {
				m.Configure(s.from).InternalTransition(s.trigger, func(context.Context, ...any) error { return nil })
			} else {
				m.Configure(s.from).Permit(s.trigger, s.to)
			}
		}
		for _, s := range path {
			if err := m.Fire(s.trigger); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDue is the electronic-supervision view of one case.
func BenchmarkDue(b *testing.B) {
	d := licDefinition(b)
	ctx := context.Background()
	c, err := d.Replay(ctx, "B-1", benchEvents()[:6])
	if err != nil {
		b.Fatal(err)
	}
	asOf := deadline.DateOf(licAt(2025, 10, 29))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Due(c, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReferenceWithOption builds the penalty definition, the
// largest, on another calendar, from the spec parsed once; beside it,
// BenchmarkParseDefinition builds it from its JSON.
func BenchmarkReferenceWithOption(b *testing.B) {
	cal := deadline.ChinaMainland()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := procedure.Reference("penalty", procedure.WithCalendar(cal)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseDefinition builds the penalty definition from its JSON.
func BenchmarkParseDefinition(b *testing.B) {
	data, err := procedure.ReferenceJSON("penalty")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := procedure.ParseDefinition(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRestTimeContains is the test of an outside_rest guard (行政强制法
// Art 43 ¶1): the time of day against the night, then the calendar's
// word on the day, for instants by day and at night in turn.
func BenchmarkRestTimeContains(b *testing.B) {
	r, cal := procedure.DefaultRestTime(), deadline.ChinaMainland()
	at := []time.Time{licAt(2026, 3, 27), licAt(2026, 3, 28), licAt(2026, 3, 27).Add(13 * time.Hour)}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := r.Contains(cal, at[i%len(at)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
