package supervision_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestImportReplays stores every kind of case with Import and reads each
// back: the case rebuilt from the stored events equals the case
// procedure.Fire built in memory.
func TestImportReplays(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		cases := buildCases(t, 2*len(kinds))
		importCases(t, st, cases)
		ctx := context.Background()
		for _, c := range cases {
			got, err := st.Case(ctx, c.want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s read back differs (-memory +stored):\n%s", c.want.ID, diff)
			}
			rec, err := st.Record(ctx, c.want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Unit != c.imp.Info.Unit || !slices.Equal(rec.Register, c.imp.Register) {
				t.Errorf("%s: record unit %q register %v, want %q %v", c.want.ID, rec.Unit, rec.Register, c.imp.Info.Unit, c.imp.Register)
			}
		}
	})
}

// TestAppendReplays stores the same cases event by event, as a case
// system would: AppendEvents for what officers do, Advance for what the
// law decides.
func TestAppendReplays(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		ctx := context.Background()
		for _, c := range buildCases(t, len(kinds)) {
			if err := st.CreateCase(ctx, c.imp.Info); err != nil {
				t.Fatal(err)
			}
			for i, e := range c.want.Events {
				if e.Auto {
					fired, err := st.Advance(ctx, c.want.ID, e.At.Add(time.Minute))
					if err != nil || len(fired) != 1 || fired[0].Trigger != e.Trigger {
						t.Fatalf("%s event %d: Advance fired %v, %v; want %s", c.want.ID, i, fired, err, e.Trigger)
					}
					continue
				}
				e.To = "" // as a caller gives it
				if _, err := st.AppendEvents(ctx, c.want.ID, e); err != nil {
					t.Fatalf("%s event %d: %v", c.want.ID, i, err)
				}
			}
			got, err := st.Case(ctx, c.want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s differs (-memory +stored):\n%s", c.want.ID, diff)
			}
		}
	})
}

// TestAppendAtomic: an append whose second event the procedure refuses
// writes nothing, and the error names the event and the procedure's
// reasons.
func TestAppendAtomic(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		ctx := context.Background()
		info := supervision.CaseInfo{ID: "XK-1", Definition: "licensing", Unit: "审批局", Created: cst(2025, 9, 25, 9)}
		if err := st.CreateCase(ctx, info); err != nil {
			t.Fatal(err)
		}
		clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
		receive := procedure.Event{Trigger: "receive", At: cst(2025, 9, 25, 9), Actor: clerk, Payload: p("voucher", "收件")}
		if _, err := st.AppendEvents(ctx, "XK-1", receive); err != nil {
			t.Fatal(err)
		}
		before, _ := st.Case(ctx, "XK-1")
		accept := procedure.Event{Trigger: "accept", At: cst(2025, 9, 26, 10), Actor: clerk, Payload: p("voucher", "受理通知书")}
		grantNoDecision := procedure.Event{Trigger: "grant", At: cst(2025, 10, 9, 10), Actor: clerk}
		_, err := st.AppendEvents(ctx, "XK-1", accept, grantNoDecision)
		var se *supervision.Error
		var pe *procedure.Error
		if !errors.Is(err, supervision.ErrRefused) || !errors.Is(err, procedure.ErrInvalidTransition) ||
			!errors.As(err, &se) || se.Index != 1 || !errors.As(err, &pe) || len(pe.Unmet) != 1 {
			t.Fatalf("append with a refused second event: %v", err)
		}
		after, _ := st.Case(ctx, "XK-1")
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("a refused append changed the log:\n%s", diff)
		}
		// The law decided meanwhile: a notice after the five working days
		// is refused until the case is advanced.
		late := procedure.Event{Trigger: "request_supplement", At: cst(2025, 10, 20, 10), Actor: clerk, Payload: p("missing", "材料")}
		if _, err := st.AppendEvents(ctx, "XK-1", late); !errors.Is(err, procedure.ErrExpired) || !errors.Is(err, supervision.ErrRefused) {
			t.Errorf("a notice after the deemed acceptance: %v, want ErrExpired", err)
		}
		fired, err := st.Advance(ctx, "XK-1", cst(2025, 10, 20, 10))
		if err != nil || len(fired) != 1 || fired[0].Trigger != "deem_accepted" {
			t.Fatalf("Advance: %v, %v", fired, err)
		}
		if again, err := st.Advance(ctx, "XK-1", cst(2025, 10, 21, 10)); err != nil || len(again) != 0 {
			t.Errorf("Advance again: %v, %v", again, err)
		}
		c, err := st.Case(ctx, "XK-1")
		if err != nil || c.State != "accepted" || len(c.Events) != 2 || !c.Events[1].Auto {
			t.Errorf("after Advance: %+v, %v", c, err)
		}
	})
}

// TestConcurrentAppends: appends to one case from many goroutines never
// interleave: every event is stored once, with consecutive numbers.
func TestConcurrentAppends(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		ctx := context.Background()
		info := supervision.CaseInfo{ID: "XK-2", Definition: "licensing", Unit: "审批局", Created: cst(2025, 3, 3, 9)}
		if err := st.CreateCase(ctx, info); err != nil {
			t.Fatal(err)
		}
		clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
		at := cst(2025, 3, 4, 10)
		if _, err := st.AppendEvents(ctx, "XK-2",
			procedure.Event{Trigger: "receive", At: cst(2025, 3, 3, 9), Actor: clerk, Payload: p("voucher", "收件")},
			procedure.Event{Trigger: "accept", At: at, Actor: clerk, Payload: p("voucher", "受理")}); err != nil {
			t.Fatal(err)
		}
		const goroutines, each = 6, 5
		var wg sync.WaitGroup
		errs := make(chan error, goroutines*each)
		for g := range goroutines {
			wg.Go(func() {
				for i := range each {
					e := procedure.Event{Trigger: "notify_interested", At: at, Actor: clerk, Payload: p("parties", fmt.Sprintf("住户%d-%d", g, i))}
					if _, err := st.AppendEvents(ctx, "XK-2", e); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		c, err := st.Case(ctx, "XK-2")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range c.Events[2:] {
			seen[e.Payload["parties"]] = true
		}
		if len(c.Events) != 2+goroutines*each || len(seen) != goroutines*each {
			t.Errorf("%d events, %d distinct notices; want %d", len(c.Events), len(seen), 2+goroutines*each)
		}
	})
}

// TestBadInput: every malformed argument is an error wrapping the
// sentinel a caller branches on, and writes nothing.
func TestBadInput(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		ctx := context.Background()
		info := supervision.CaseInfo{ID: "XK-3", Definition: "licensing", Unit: "审批局", Created: cst(2025, 3, 3, 9)}
		if err := st.CreateCase(ctx, info); err != nil {
			t.Fatal(err)
		}
		clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
		receive := func(mod func(*procedure.Event)) procedure.Event {
			e := procedure.Event{Trigger: "receive", At: cst(2025, 3, 3, 9), Actor: clerk, Payload: p("voucher", "收件")}
			mod(&e)
			return e
		}
		appendEvent := func(e procedure.Event) func() error {
			return func() error { _, err := st.AppendEvents(ctx, "XK-3", e); return err }
		}
		withInfo := func(mod func(*supervision.CaseInfo)) func() error {
			i := info
			i.ID = "XK-new"
			mod(&i)
			return func() error { return st.CreateCase(ctx, i) }
		}
		rows := []struct {
			name string
			call func() error
			want []error
		}{
			{"unknown procedure", withInfo(func(i *supervision.CaseInfo) { i.Definition = "no-such-procedure" }),
				[]error{supervision.ErrUnknownDefinition, procedure.ErrUnknownDefinition}},
			{"unit not stored", withInfo(func(i *supervision.CaseInfo) { i.Unit = "无此单位" }), []error{supervision.ErrInvalidInput}},
			{"empty case ID", withInfo(func(i *supervision.CaseInfo) { i.ID = " " }), []error{supervision.ErrInvalidInput}},
			{"no creation instant", withInfo(func(i *supervision.CaseInfo) { i.Created = time.Time{} }), []error{supervision.ErrInvalidInput}},
			{"case ID taken", func() error { return st.CreateCase(ctx, info) }, []error{supervision.ErrExists}},
			{"no such case", func() error { _, err := st.AppendEvents(ctx, "XK-404", receive(func(*procedure.Event) {})); return err },
				[]error{supervision.ErrNotFound}},
			{"read an absent case", func() error { _, err := st.Case(ctx, "XK-404"); return err }, []error{supervision.ErrNotFound}},
			{"trigger the procedure does not know", appendEvent(receive(func(e *procedure.Event) { e.Trigger = "teleport" })),
				[]error{supervision.ErrRefused, procedure.ErrInvalidEvent}},
			{"guard unmet: no voucher", appendEvent(receive(func(e *procedure.Event) { e.Payload = nil })),
				[]error{supervision.ErrRefused, procedure.ErrInvalidTransition}},
			{"payload value not UTF-8", appendEvent(receive(func(e *procedure.Event) { e.Payload["voucher"] = "\xff\xfe" })),
				[]error{supervision.ErrInvalidInput}},
			{"payload value with NUL", appendEvent(receive(func(e *procedure.Event) { e.Payload["voucher"] = "a\x00b" })),
				[]error{supervision.ErrInvalidInput}},
			{"empty payload key", appendEvent(receive(func(e *procedure.Event) { e.Payload[""] = "x" })), []error{supervision.ErrInvalidInput}},
			{"reason not UTF-8", appendEvent(receive(func(e *procedure.Event) { e.Reason = "\xc3" })), []error{supervision.ErrInvalidInput}},
			{"instant out of range", appendEvent(receive(func(e *procedure.Event) { e.At = time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC) })),
				[]error{supervision.ErrInvalidInput}},
			{"event before the case was registered", appendEvent(receive(func(e *procedure.Event) { e.At = cst(2025, 3, 1, 9) })),
				[]error{supervision.ErrInvalidInput}},
			{"officer not on the roster", appendEvent(receive(func(e *procedure.Event) { e.Actor.Officer = "路人甲" })),
				[]error{supervision.ErrInvalidInput}},
			{"no actor", appendEvent(receive(func(e *procedure.Event) { e.Actor = procedure.Actor{} })),
				[]error{supervision.ErrRefused, procedure.ErrInvalidEvent}},
			{"register entry for an absent event", func() error {
				return st.AddRegisterEntry(ctx, "XK-3", accountability.RegisterEntry{Event: 5, Day: 1, Officer: "王敏"})
			}, []error{supervision.ErrInvalidInput}},
			{"exemption without ground", func() error {
				return st.AddExemption(ctx, "XK-3", accountability.Exemption{Reason: "不可抗力"})
			}, []error{supervision.ErrInvalidInput}},
			{"officer of a unit not stored", func() error {
				return st.PutOfficer(ctx, accountability.Officer{ID: "新人", Unit: "无此单位"})
			}, []error{supervision.ErrInvalidInput}},
			{"inquiry answered before it was asked", func() error {
				return st.PutInquiry(ctx, accountability.Inquiry{ID: "Q", Unit: "审批局", Officer: "王敏", At: cst(2025, 3, 3, 9),
					Outcome: accountability.OutcomeAnswered, OutcomeAt: cst(2025, 3, 2, 9)})
			}, []error{supervision.ErrInvalidInput}},
			{"inverted period", func() error {
				_, err := st.Report(ctx, day(2025, 12, 31), day(2025, 1, 1), cst(2026, 1, 1, 0))
				return err
			}, []error{supervision.ErrInvalidInput}},
		}
		for _, r := range rows {
			err := r.call()
			var se *supervision.Error
			if err == nil || !errors.As(err, &se) {
				t.Errorf("%s: %v, want an *supervision.Error", r.name, err)
				continue
			}
			for _, want := range r.want {
				if !errors.Is(err, want) {
					t.Errorf("%s: %v, want it to wrap %v", r.name, err, want)
				}
			}
		}
		c, err := st.Case(ctx, "XK-3")
		if err != nil || len(c.Events) != 0 {
			t.Errorf("after the refusals the case has %d events, %v; want none", len(c.Events), err)
		}
		if _, err := st.Info(ctx, "XK-new"); !errors.Is(err, supervision.ErrNotFound) {
			t.Errorf("a refused case was created: %v", err)
		}
	})
}

// TestCorrupt: stored rows that do not read back are reported, not
// skipped: a payload that is not an object of strings, a log that does
// not replay.
func TestCorrupt(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		driver, dsn := b.open(t)
		ctx := context.Background()
		st, err := supervision.Open(ctx, driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		seedRoster(t, st)
		importCases(t, st, buildCases(t, 2))
		db, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		a, bb := kinds[0].name+"-00000", kinds[1].name+"-00001"
		ph := func(q string) string { // the test's own placeholders
			if driver == "pgx" {
				return replaceQ(q)
			}
			return q
		}
		if _, err := db.Exec(ph(`UPDATE events SET payload = ? WHERE case_id = ? AND seq = 0`), `{"voucher": 1}`, a); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ph(`UPDATE events SET to_state = ? WHERE case_id = ? AND seq = 1`), "refused", bb); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{a, bb} {
			_, err := st.Case(ctx, id)
			var se *supervision.Error
			if !errors.Is(err, supervision.ErrCorrupt) || !errors.As(err, &se) || se.Case != id || se.Index < 0 {
				t.Errorf("case %s: %v, want ErrCorrupt naming the case and event", id, err)
			}
		}
		if _, err := st.Scan(ctx, cst(2025, 2, 1, 0)); !errors.Is(err, supervision.ErrCorrupt) {
			t.Errorf("a scan over corrupt cases: %v, want ErrCorrupt", err)
		}
		if _, err := st.AppendEvents(ctx, a, procedure.Event{Trigger: "grant", At: cst(2025, 6, 1, 9),
			Actor: procedure.Actor{Officer: "李强"}, Payload: p("decision", "x")}); !errors.Is(err, supervision.ErrCorrupt) {
			t.Errorf("an append to a corrupt case: %v, want ErrCorrupt", err)
		}
	})
}

func replaceQ(q string) string {
	n := 0
	out := []rune{}
	for _, r := range q {
		if r == '?' {
			n++
			out = append(out, []rune(fmt.Sprintf("$%d", n))...)
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// TestUnavailable: a store that cannot reach its database, was closed,
// or was not migrated says so.
func TestUnavailable(t *testing.T) {
	ctx := context.Background()
	t.Run("unknown driver", func(t *testing.T) {
		if _, err := supervision.Open(ctx, "mysql", "x"); !errors.Is(err, supervision.ErrUnavailable) {
			t.Errorf("%v, want ErrUnavailable", err)
		}
	})
	t.Run("invalid option", func(t *testing.T) {
		for _, o := range []supervision.Option{supervision.WithBatch(0), supervision.WithWorkers(0), supervision.WithPolicy(deadline.Policy{YellowUsedPercent: 120})} {
			if _, err := supervision.Open(ctx, "sqlite", ":memory:", o); !errors.Is(err, supervision.ErrInvalidInput) {
				t.Errorf("%v, want ErrInvalidInput", err)
			}
		}
	})
	t.Run("sqlite file in a missing directory", func(t *testing.T) {
		dsn := filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")
		if _, err := supervision.Open(ctx, "sqlite", dsn); !errors.Is(err, supervision.ErrUnavailable) {
			t.Errorf("%v, want ErrUnavailable", err)
		}
	})
	t.Run("postgres with no server", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := supervision.Open(ctx, "pgx", "postgres://xn@127.0.0.1:1/xn?sslmode=disable&connect_timeout=5"); !errors.Is(err, supervision.ErrUnavailable) {
			t.Errorf("%v, want ErrUnavailable", err)
		}
	})
	eachBackend(t, func(t *testing.T, b backend) {
		driver, dsn := b.open(t)
		st, err := supervision.Open(ctx, driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.PutUnit(ctx, supervision.Unit{ID: "审批局"}); !errors.Is(err, supervision.ErrSchema) {
			t.Errorf("before Migrate: %v, want ErrSchema", err)
		}
		v, err := st.Migrate(ctx)
		if err != nil || !slices.Equal(v, []int{1}) {
			t.Fatalf("Migrate: %v, %v", v, err)
		}
		if v, err := st.Migrate(ctx); err != nil || len(v) != 0 {
			t.Errorf("Migrate again applied %v, %v", v, err)
		}
		seedRoster(t, st)
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Case(ctx, "x"); !errors.Is(err, supervision.ErrClosed) {
			t.Errorf("after Close: %v, want ErrClosed", err)
		}
		if _, err := st.Scan(ctx, cst(2025, 1, 1, 0)); !errors.Is(err, supervision.ErrClosed) {
			t.Errorf("after Close: %v, want ErrClosed", err)
		}
		if err := st.Close(); err != nil {
			t.Errorf("Close twice: %v", err)
		}
	})
}

// TestSQLiteJournalMode: Open puts a SQLite file in write-ahead-log mode,
// unless the DSN chose a journal mode itself.
func TestSQLiteJournalMode(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ query, want string }{
		{"", "wal"},
		{"?_pragma=journal_mode(TRUNCATE)", "truncate"},
	} {
		path := filepath.Join(t.TempDir(), "j.db")
		st, err := supervision.Open(ctx, "sqlite", path+c.query)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", path+c.query)
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if mode != c.want {
			t.Errorf("DSN %q: journal mode %q, want %q", c.query, mode, c.want)
		}
	}
}

// TestMigrateConcurrently: processes that open and migrate a new
// database at once take turns, and each migration is applied once. On a
// busy machine, SQLite refused one opener's switch to the write-ahead
// log at once, without waiting: Open now tries again.
func TestMigrateConcurrently(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		driver, dsn := b.open(t)
		ctx := context.Background()
		var wg sync.WaitGroup
		applied := make([][]int, 4)
		for i := range applied {
			wg.Go(func() {
				st, err := supervision.Open(ctx, driver, dsn)
				if err != nil {
					t.Error(err)
					return
				}
				defer st.Close()
				if applied[i], err = st.Migrate(ctx); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		total := 0
		for _, a := range applied {
			total += len(a)
		}
		if total != 1 {
			t.Errorf("migrations applied %v, want version 1 once in all", applied)
		}
	})
}
