package supervision_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// at is an instant in China Standard Time.
func at(y int, m time.Month, d, hour int) time.Time {
	return time.Date(y, m, d, hour, 0, 0, 0, deadline.ChinaStandardTime())
}

// exampleStore opens a store on a SQLite file in a temporary directory,
// with one unit and two officers; done removes it.
func exampleStore(opts ...supervision.Option) (st *supervision.Store, done func()) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "supervision-example")
	if err != nil {
		log.Fatal(err)
	}
	st, err = supervision.Open(ctx, "sqlite", filepath.Join(dir, "xn.db"), opts...)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	if err := st.PutUnit(ctx, supervision.Unit{ID: "审批局", Name: "行政审批局"}); err != nil {
		log.Fatal(err)
	}
	for _, o := range []accountability.Officer{{ID: "王敏", Unit: "审批局", Substitute: "李强"}, {ID: "李强", Unit: "审批局"}} {
		if err := st.PutOfficer(ctx, o); err != nil {
			log.Fatal(err)
		}
	}
	return st, func() { st.Close(); os.RemoveAll(dir) }
}

var clerk = procedure.Actor{Officer: "王敏", Unit: "审批局"}

// newLicence registers a licence application received on 25 September
// 2025 and accepted the next day.
func newLicence(st *supervision.Store, id string) {
	ctx := context.Background()
	if err := st.CreateCase(ctx, supervision.CaseInfo{ID: id, Definition: "licensing", Unit: "审批局", Created: at(2025, 9, 25, 9)}); err != nil {
		log.Fatal(err)
	}
	if _, err := st.AppendEvents(ctx, id,
		procedure.Event{Trigger: "receive", At: at(2025, 9, 25, 10), Actor: clerk, Payload: map[string]string{"voucher": "收件001"}},
		procedure.Event{Trigger: "accept", At: at(2025, 9, 26, 10), Actor: clerk, Payload: map[string]string{"voucher": "受理001"}},
	); err != nil {
		log.Fatal(err)
	}
}

// A licence application is accepted on Friday 26 September 2025 and must
// be decided within 20 working days (行政许可法 Art 42 ¶1): the scan
// lights it yellow on 29 October; it is decided late, on 5 November (the
// licence then issued and delivered in time), and the year's report finds
// the overrun.
func Example() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	newLicence(st, "XK-2025-001")

	board, err := st.Scan(ctx, at(2025, 10, 29, 12))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range board.Signals {
		fmt.Printf("%s %s: due %s, %d left, %s\n", s.Case, s.Clock.Name, s.Clock.Due, s.Clock.Remaining, s.Clock.Light.Chinese())
	}

	li := procedure.Actor{Officer: "李强", Unit: "审批局"}
	if _, err := st.AppendEvents(ctx, "XK-2025-001",
		procedure.Event{Trigger: "grant", At: at(2025, 11, 5, 16), Actor: li, Payload: map[string]string{"decision": "准予许可决定书"}},
		procedure.Event{Trigger: "issue_certificate", At: at(2025, 11, 7, 10), Actor: li, Payload: map[string]string{"certificate": "许可证"}},
		procedure.Event{Trigger: "deliver", At: at(2025, 11, 10, 10), Actor: li},
	); err != nil {
		log.Fatal(err)
	}
	report, err := st.Report(ctx, date.New(2025, 1, 1), date.New(2025, 12, 31), at(2026, 1, 5, 9))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range report.Findings {
		fmt.Printf("%s %s %s: %d working days over, %s (%s)\n", f.Case, f.Rule, f.Officer, f.Overdue, f.Severity.Chinese(), f.Citation)
	}
	// Output:
	// XK-2025-001 decision: due 2025-10-30, 1 left, 黄灯
	// XK-2025-001 time-limit 李强: 4 working days over, 情节较重 (《行政许可法》第四十二条第一款)
}

// Open a store on a SQLite file and bring its schema up to date; a
// second Migrate has nothing to do.
func ExampleOpen() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "supervision-example")
	defer os.RemoveAll(dir)
	st, err := supervision.Open(ctx, "sqlite", filepath.Join(dir, "xn.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	fmt.Println(applied, err)
	applied, err = st.Migrate(ctx)
	fmt.Println(applied, err)

	_, err = supervision.Open(ctx, "sqlite", filepath.Join(dir, "missing", "xn.db"))
	fmt.Println(errors.Is(err, supervision.ErrUnavailable))
	// Output:
	// [1] <nil>
	// [] <nil>
	// true
}

// An event the procedure refuses is not stored: a licence cannot be
// granted without its decision document, and an append is all or
// nothing.
func ExampleStore_AppendEvents() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	newLicence(st, "XK-2025-002")

	interested := procedure.Event{Trigger: "notify_interested", At: at(2025, 10, 9, 10), Actor: clerk, Payload: map[string]string{"parties": "相邻住户"}}
	grant := procedure.Event{Trigger: "grant", At: at(2025, 10, 10, 10), Actor: clerk}
	_, err := st.AppendEvents(ctx, "XK-2025-002", interested, grant)
	var pe *procedure.Error
	if errors.Is(err, supervision.ErrRefused) && errors.As(err, &pe) {
		fmt.Println("refused in state", pe.State, "on", pe.Trigger, "unmet:", pe.Unmet)
	}
	c, _ := st.Case(ctx, "XK-2025-002")
	fmt.Println(len(c.Events), "events stored, state", c.State)
	// Output:
	// refused in state accepted on grant unmet: [作出书面决定 / a written decision is made]
	// 2 events stored, state accepted
}

// A case is rebuilt from its stored events.
func ExampleStore_Case() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-003")
	c, err := st.Case(context.Background(), "XK-2025-003")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range c.Events {
		fmt.Println(e.At.Format(time.DateTime), e.Actor.Officer, e.Trigger, "→", e.To)
	}
	st2, _ := c.Clock("decision")
	fmt.Println("decision clock started", st2.Started())
	// Output:
	// 2025-09-25 10:00:00 王敏 receive → received
	// 2025-09-26 10:00:00 王敏 accept → accepted
	// decision clock started 2025-09-26
}

// The scan as of an instant: red once the limit has passed. A scan of a
// past instant shows what the board showed then.
func ExampleStore_Scan() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-004")
	for _, asOf := range []time.Time{at(2025, 10, 10, 9), at(2025, 11, 3, 9)} {
		board, err := st.Scan(context.Background(), asOf)
		if err != nil {
			log.Fatal(err)
		}
		s := board.Signals[0]
		fmt.Printf("%s: %s %s, elapsed %d, overdue %d — %s\n", board.Day, s.Case, s.Clock.Name, s.Clock.Elapsed, s.Clock.Overdue, s.Clock.Light)
	}
	// Output:
	// 2025-10-10: XK-2025-004 decision, elapsed 5, overdue 0 — green
	// 2025-11-03: XK-2025-004 decision, elapsed 22, overdue 2 — red
}

// The law's outcome stored: no 补正 notice within five working days of
// receipt, so the application counts as accepted (行政许可法 Art 32 ¶1(4)).
func ExampleStore_Advance() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	if err := st.CreateCase(ctx, supervision.CaseInfo{ID: "XK-2025-005", Definition: "licensing", Unit: "审批局", Created: at(2025, 1, 24, 9)}); err != nil {
		log.Fatal(err)
	}
	receive := procedure.Event{Trigger: "receive", At: at(2025, 1, 24, 10), Actor: clerk, Payload: map[string]string{"voucher": "收件002"}}
	if _, err := st.AppendEvents(ctx, "XK-2025-005", receive); err != nil {
		log.Fatal(err)
	}
	fired, err := st.Advance(ctx, "XK-2025-005", at(2025, 2, 10, 9))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range fired {
		fmt.Println(e.Trigger, e.At.Format(time.DateTime), "auto:", e.Auto, "→", e.To)
	}
	// Output:
	// deem_accepted 2025-02-08 00:00:00 auto: true → accepted
}

// A history moves into the store in one transaction; each log is
// replayed first.
func ExampleStore_Import() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	d, _ := procedure.Reference("licensing")
	c := d.NewCase("XK-2024-100")
	for _, e := range []procedure.Event{
		{Trigger: "receive", At: at(2025, 3, 3, 9), Actor: clerk, Payload: map[string]string{"voucher": "收件"}},
		{Trigger: "accept", At: at(2025, 3, 4, 9), Actor: clerk, Payload: map[string]string{"voucher": "受理"}},
		{Trigger: "refuse", At: at(2025, 3, 20, 9), Actor: clerk, Payload: map[string]string{"reasons": "不符合条件", "appeal_rights": "可申请复议"}},
	} {
		if err := d.Fire(ctx, c, e); err != nil {
			log.Fatal(err)
		}
	}
	err := st.Import(ctx, supervision.ImportCase{
		Info:     supervision.CaseInfo{ID: c.ID, Definition: "licensing", Unit: "审批局", Created: at(2025, 3, 3, 9)},
		Events:   c.Events,
		Register: []accountability.RegisterEntry{{Event: 2, Day: date.New(2025, 3, 21), Officer: "王敏", Reasons: "不符合条件", Basis: "条例第十条", LeaderOpinion: "同意"}},
	})
	fmt.Println(err)
	rec, _ := st.Record(ctx, c.ID)
	fmt.Println(rec.Case.State, len(rec.Register), "register entry")
	// Output:
	// <nil>
	// refused 1 register entry
}

// The report of a period, with the sanctions of a ladder: a refusal
// without a register entry (否定报备) within three days is a breach.
func ExampleStore_Report() {
	st, done := exampleStore(supervision.WithLadder(accountability.ZhejiangLadder()))
	defer done()
	ctx := context.Background()
	newLicence(st, "XK-2025-006")
	refuse := procedure.Event{Trigger: "refuse", At: at(2025, 10, 20, 15), Actor: clerk,
		Payload: map[string]string{"reasons": "不符合法定条件", "appeal_rights": "可申请复议或提起诉讼"}}
	if _, err := st.AppendEvents(ctx, "XK-2025-006", refuse); err != nil {
		log.Fatal(err)
	}
	r, err := st.Report(ctx, date.New(2025, 10, 1), date.New(2025, 12, 31), at(2026, 1, 5, 9))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range r.Findings {
		fmt.Println(f.Case, f.Rule, f.Officer, f.Day, f.Severity)
	}
	for _, s := range r.Sanctions {
		fmt.Println(s.Officer, s.Measure.Name)
	}
	// Output:
	// XK-2025-006 refusal-register 王敏 2025-10-24 minor
	// 王敏 口头效能告诫
}

// Inputs for an evaluation of one's own: the records, inquiries and
// roster of a period.
func ExampleStore_Input() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	newLicence(st, "XK-2025-007")
	if err := st.PutInquiry(ctx, accountability.Inquiry{ID: "Q-1", Unit: "审批局", Officer: "李强", At: at(2025, 10, 9, 10)}); err != nil {
		log.Fatal(err)
	}
	in, err := st.Input(ctx, date.New(2025, 10, 1), date.New(2025, 10, 31), at(2025, 11, 1, 0))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(in.Records), "record,", len(in.Inquiries), "inquiry,", len(in.Roster.Officers), "officers")
	// Output:
	// 1 record, 1 inquiry, 2 officers
}

// The roster: officers with their substitutes (AB角), and an absence
// during which the substitute is responsible.
func ExampleStore_Roster() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	err := st.AddAbsence(ctx, accountability.Absence{Officer: "王敏", From: date.New(2025, 10, 13), To: date.New(2025, 10, 17)})
	if err != nil {
		log.Fatal(err)
	}
	r, err := st.Roster(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range r.Officers {
		fmt.Printf("%s (%s) substitute %q\n", o.ID, o.Unit, o.Substitute)
	}
	for _, a := range r.Absences {
		fmt.Println(a.Officer, "away", a.From, "to", a.To)
	}
	err = st.PutOfficer(ctx, accountability.Officer{ID: "周新", Unit: "住建局"})
	fmt.Println(errors.Is(err, supervision.ErrInvalidInput))
	// Output:
	// 李强 (审批局) substitute ""
	// 王敏 (审批局) substitute "李强"
	// 王敏 away 2025-10-13 to 2025-10-17
	// true
}
