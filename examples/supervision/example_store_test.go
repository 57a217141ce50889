package supervision_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// refuseLicence refuses the licence of newLicence on 20 October 2025,
// with reasons and the rights of appeal (行政许可法 Art 38 ¶2).
func refuseLicence(st *supervision.Store, id string) {
	refuse := procedure.Event{Trigger: "refuse", At: at(2025, 10, 20, 15), Actor: clerk,
		Payload: map[string]string{"reasons": "不符合法定条件", "appeal_rights": "可申请复议或提起诉讼"}}
	if _, err := st.AppendEvents(context.Background(), id, refuse); err != nil {
		log.Fatal(err)
	}
}

// year is the 2025 report, as of the first working day of 2026.
func year(st *supervision.Store) accountability.Report {
	r, err := st.Report(context.Background(), date.New(2025, 1, 1), date.New(2025, 12, 31), at(2026, 1, 5, 9))
	if err != nil {
		log.Fatal(err)
	}
	return r
}

// Migrate brings the schema up to date, once.
func ExampleStore_Migrate() {
	st, done := exampleStore() // migrated already
	defer done()
	applied, err := st.Migrate(context.Background())
	fmt.Println(applied, err)
	// Output:
	// [] <nil>
}

func ExampleStore_PutUnit() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	fmt.Println(st.PutUnit(ctx, supervision.Unit{ID: "住建局", Name: "住房和城乡建设局"}))
	fmt.Println(st.PutUnit(ctx, supervision.Unit{ID: "审批局", Name: "行政审批服务局"})) // renamed
	fmt.Println(errors.Is(st.PutUnit(ctx, supervision.Unit{ID: " "}), supervision.ErrInvalidInput))
	// Output:
	// <nil>
	// <nil>
	// true
}

func ExampleStore_Units() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	if err := st.PutUnit(ctx, supervision.Unit{ID: "住建局", Name: "住房和城乡建设局"}); err != nil {
		log.Fatal(err)
	}
	units, err := st.Units(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range units {
		fmt.Println(u.ID, u.Name)
	}
	// Output:
	// 住建局 住房和城乡建设局
	// 审批局 行政审批局
}

// An officer's substitute (B角) may be named before it is on the roster;
// the unit must be stored.
func ExampleStore_PutOfficer() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	fmt.Println(st.PutOfficer(ctx, accountability.Officer{ID: "张华", Unit: "审批局", Substitute: "赵丽"}))
	err := st.PutOfficer(ctx, accountability.Officer{ID: "周新", Unit: "住建局"})
	fmt.Println(errors.Is(err, supervision.ErrInvalidInput))
	// Output:
	// <nil>
	// true
}

func ExampleStore_AddAbsence() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	fmt.Println(st.AddAbsence(ctx, accountability.Absence{Officer: "王敏", From: date.New(2025, 10, 13), To: date.New(2025, 10, 17)}))
	err := st.AddAbsence(ctx, accountability.Absence{Officer: "刘洋", From: date.New(2025, 10, 13), To: date.New(2025, 10, 17)})
	fmt.Println(errors.Is(err, supervision.ErrInvalidInput))
	// Output:
	// <nil>
	// true
}

func ExampleStore_CreateCase() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	info := supervision.CaseInfo{ID: "XK-2025-010", Definition: "licensing", Unit: "审批局", Created: at(2025, 9, 25, 9)}
	fmt.Println(st.CreateCase(ctx, info))
	fmt.Println(errors.Is(st.CreateCase(ctx, info), supervision.ErrExists))
	info.ID, info.Definition = "XK-2025-011", "parking-permit"
	fmt.Println(errors.Is(st.CreateCase(ctx, info), supervision.ErrUnknownDefinition))
	// Output:
	// <nil>
	// true
	// true
}

// The store sets the definition's version.
func ExampleStore_Info() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-012")
	info, err := st.Info(context.Background(), "XK-2025-012")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.ID, info.Definition, info.Version != "", info.Unit, info.Created.Format("2006-01-02 15:04"))
	_, err = st.Info(context.Background(), "XK-2025-999")
	fmt.Println(errors.Is(err, supervision.ErrNotFound))
	// Output:
	// XK-2025-012 licensing true 审批局 2025-09-25 09:00
	// true
}

// A case as the accountability rules read it.
func ExampleStore_Record() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-013")
	rec, err := st.Record(context.Background(), "XK-2025-013")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rec.Case.ID, rec.Case.State, rec.Unit, len(rec.Case.Events), "events")
	// Output:
	// XK-2025-013 accepted 审批局 2 events
}

// A refusal entered in the register (否定报备) within the days allowed is
// no breach: the year's report finds nothing.
func ExampleStore_AddRegisterEntry() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-014")
	refuseLicence(st, "XK-2025-014")
	err := st.AddRegisterEntry(context.Background(), "XK-2025-014", accountability.RegisterEntry{
		Event: 2, Day: date.New(2025, 10, 21), Officer: "王敏", Reasons: "不符合法定条件", Basis: "《行政许可法》第三十八条第二款", LeaderOpinion: "同意"})
	fmt.Println(err, len(year(st).Findings), "findings")
	// Output:
	// <nil> 0 findings
}

// An exempt finding (免责) is reported but not sanctionable.
func ExampleStore_AddExemption() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-015")
	refuseLicence(st, "XK-2025-015")
	err := st.AddExemption(context.Background(), "XK-2025-015", accountability.Exemption{
		Ground: accountability.GroundForceMajeure, Reason: "台风停电，登记系统中断"})
	fmt.Println(err)
	for _, f := range year(st).Findings {
		fmt.Println(f.Rule, "exempt:", f.Exempt != nil && f.Exempt.Ground == accountability.GroundForceMajeure, "sanctionable:", f.Sanctionable())
	}
	// Output:
	// <nil>
	// refusal-register exempt: true sanctionable: false
}

// An inquiry (首问负责) and later its outcome.
func ExampleStore_PutInquiry() {
	st, done := exampleStore()
	defer done()
	ctx := context.Background()
	q := accountability.Inquiry{ID: "Q-7", Unit: "审批局", Officer: "李强", At: at(2025, 10, 9, 10)}
	fmt.Println(st.PutInquiry(ctx, q))
	q.Outcome, q.OutcomeAt = accountability.OutcomeAnswered, at(2025, 10, 9, 11)
	fmt.Println(st.PutInquiry(ctx, q))
	in, err := st.Input(ctx, date.New(2025, 10, 1), date.New(2025, 10, 31), at(2025, 11, 1, 0))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.Inquiries[0].ID, in.Inquiries[0].Outcome)
	// Output:
	// <nil>
	// <nil>
	// Q-7 answered
}

func ExampleStore_Close() {
	st, done := exampleStore()
	defer done()
	fmt.Println(st.Close(), st.Close())
	_, err := st.Units(context.Background())
	fmt.Println(errors.Is(err, supervision.ErrClosed))
	// Output:
	// <nil> <nil>
	// true
}

func ExampleStore_Definition() {
	st, done := exampleStore()
	defer done()
	d, ok := st.Definition("licensing")
	id, version := d.ID()
	fmt.Println(ok, id, version)
	_, ok = st.Definition("parking-permit")
	fmt.Println(ok)
	// Output:
	// true licensing 2019
	// false
}

// A store that runs licensing alone, on a promised limit of ten working
// days (承诺时限).
func ExampleWithDefinitions() {
	promised, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	promised.ID, promised.Period.N = "county-promise", 10
	d, err := procedure.Reference("licensing", procedure.WithRule("decision", promised))
	if err != nil {
		log.Fatal(err)
	}
	st, done := exampleStore(supervision.WithDefinitions(d))
	defer done()
	got, _ := st.Definition("licensing")
	r, _ := got.Rule("decision")
	_, penalty := st.Definition("penalty")
	fmt.Println(r.ID, r.Period, penalty)
	// Output:
	// county-promise 10 working days false
}

// The report applies only the rules the evaluation is given: here the
// time limits, not the refusal register.
func ExampleWithEvaluation() {
	st, done := exampleStore(supervision.WithEvaluation(accountability.WithRules(accountability.RuleTimeLimit)))
	defer done()
	newLicence(st, "XK-2025-016")
	refuseLicence(st, "XK-2025-016")
	fmt.Println(len(year(st).Findings), "findings")
	// Output:
	// 0 findings
}

// The report's sanctions follow the ladder.
func ExampleWithLadder() {
	st, done := exampleStore(supervision.WithLadder(accountability.ZhejiangLadder()))
	defer done()
	newLicence(st, "XK-2025-017")
	refuseLicence(st, "XK-2025-017")
	for _, s := range year(st).Sanctions {
		fmt.Println(s.Officer, s.Measure.Name, s.Citation)
	}
	// Output:
	// 王敏 口头效能告诫 《浙江省影响机关工作效能行为责任追究办法》第五条
}

// The units ranked on the two indicators the store computes, less a
// point per sanctionable finding.
func ExampleWithScorecard() {
	card := accountability.ScorecardSpec{
		Name: "机关效能考评",
		Indicators: []accountability.Indicator{
			{ID: supervision.IndicatorOnTime, Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: supervision.IndicatorClean, Name: "无责案件率", Weight: decimal.NewFromInt(40)},
		},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Points: decimal.NewFromInt(1)}},
	}
	st, done := exampleStore(supervision.WithScorecard(card))
	defer done()
	newLicence(st, "XK-2025-018")
	refuseLicence(st, "XK-2025-018")
	for _, row := range year(st).Ranking.Rows {
		fmt.Println(row.Rank, row.Unit, row.Score, row.Findings)
	}
	// Output:
	// 1 审批局 59 1
}

// A stricter light: yellow from five working days left. On 23 October
// the licence has used 15 of its 20 working days, which the default
// policy lights green.
func ExampleWithPolicy() {
	st, done := exampleStore(supervision.WithPolicy(deadline.Policy{YellowRemaining: 5}))
	defer done()
	newLicence(st, "XK-2025-019")
	board, err := st.Scan(context.Background(), at(2025, 10, 23, 9))
	if err != nil {
		log.Fatal(err)
	}
	s := board.Signals[0]
	fmt.Println(s.Clock.Name, s.Clock.Remaining, "left:", s.Clock.Light)
	// Output:
	// decision 5 left: yellow
}

// Small batches and one worker give the same scan as the defaults.
func ExampleWithBatch() {
	st, done := exampleStore(supervision.WithBatch(1), supervision.WithWorkers(1))
	defer done()
	newLicence(st, "XK-2025-020")
	newLicence(st, "XK-2025-021")
	board, err := st.Scan(context.Background(), at(2025, 10, 10, 9))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(board.Cases, "cases,", len(board.Signals), "signals,", board.Green, "green")
	// Output:
	// 2 cases, 2 signals, 2 green
}

// Workers replay cases in parallel; the board is the same in any order.
func ExampleWithWorkers() {
	st, done := exampleStore(supervision.WithWorkers(4))
	defer done()
	for _, id := range []string{"XK-2025-022", "XK-2025-023", "XK-2025-024"} {
		newLicence(st, id)
	}
	board, err := st.Scan(context.Background(), at(2025, 11, 3, 9))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range board.Signals {
		fmt.Println(s.Case, s.Clock.Light)
	}
	// Output:
	// XK-2025-022 red
	// XK-2025-023 red
	// XK-2025-024 red
}

// The message names the operation and what is wrong.
func ExampleError_Error() {
	st, done := exampleStore()
	defer done()
	_, err := st.Info(context.Background(), "XK-2025-999")
	var se *supervision.Error
	if errors.As(err, &se) {
		fmt.Println(se.Error())
	}
	// Output:
	// supervision: Info: case "XK-2025-999": case not found
}

// Unwrap gives the sentinel and the cause, if any, which errors.Is and
// errors.As find: here a refused event's procedure error.
func ExampleError_Unwrap() {
	st, done := exampleStore()
	defer done()
	newLicence(st, "XK-2025-025")
	_, err := st.AppendEvents(context.Background(), "XK-2025-025",
		procedure.Event{Trigger: "grant", At: at(2025, 10, 10, 10), Actor: clerk})
	var se *supervision.Error
	if errors.As(err, &se) {
		for _, e := range se.Unwrap() {
			fmt.Println(e == supervision.ErrRefused, errors.Is(e, procedure.ErrInvalidTransition))
		}
	}
	// Output:
	// true false
	// false true
}
