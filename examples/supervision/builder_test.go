package supervision_test

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The test roster: three units, the officers of each, and the organ a
// complaint is transferred to.
var (
	testUnits = []supervision.Unit{
		{ID: "审批局", Name: "行政审批局"},
		{ID: "政府办", Name: "人民政府办公室"},
		{ID: "效能办", Name: "机关效能建设办公室"},
		{ID: "市场监管局", Name: "市场监督管理局"},
	}
	testOfficers = []accountability.Officer{
		{ID: "王敏", Unit: "审批局", Substitute: "张华"},
		{ID: "张华", Unit: "审批局", Substitute: "王敏"},
		{ID: "李强", Unit: "审批局"},
		{ID: "陈静", Unit: "政府办"},
		{ID: "刘洋", Unit: "政府办"},
		{ID: "赵磊", Unit: "效能办"},
		{ID: "孙丽", Unit: "效能办"},
	}
)

// day is a civil date.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// cst is an instant in China Standard Time.
func cst(y int, m time.Month, d, hour int) time.Time {
	return time.Date(y, m, d, hour, 0, 0, 0, deadline.ChinaStandardTime())
}

// step is one event of a case template: who, what, how many days after
// the case's first day, at which hour, with what payload. An advance step
// lets the law apply its outcomes instead (procedure.Definition.Advance).
type step struct {
	officer string
	trigger procedure.Trigger
	day     int
	hour    int
	payload map[string]string
	advance bool
}

// kind is a template of a case: a procedure, its unit, its steps, and
// whether a refusal in it is entered in the register.
type kind struct {
	name       string
	definition string
	unit       string
	steps      []step
	register   bool
}

func p(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// kinds are the templates: licensing, complaints and information
// requests, on time and late, open and closed, refused with and without
// a register entry.
var kinds = []kind{
	{name: "licensing-on-time", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"王敏", "accept", 1, 10, p("voucher", "受理通知书"), false},
		{"李强", "grant", 15, 16, p("decision", "准予许可决定书"), false},
		{"李强", "issue_certificate", 16, 10, p("certificate", "许可证"), false},
		{"李强", "deliver", 17, 11, nil, false},
	}},
	{name: "licensing-late", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"王敏", "accept", 1, 10, p("voucher", "受理通知书"), false},
		{"张华", "grant", 45, 15, p("decision", "准予许可决定书"), false},
		{"张华", "issue_certificate", 46, 10, p("certificate", "许可证"), false},
		{"张华", "deliver", 47, 11, nil, false},
	}},
	{name: "licensing-extended", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"王敏", "request_supplement", 2, 10, p("missing", "营业执照复印件；场所证明"), false},
		{"王敏", "supplement", 6, 10, p("voucher", "补正材料"), false},
		{"李强", "extend", 20, 10, p("reasons", "需现场核查", "approver", "局长"), false},
		{"李强", "grant", 36, 16, p("decision", "准予许可决定书"), false},
	}},
	{name: "licensing-open", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"王敏", "accept", 1, 10, p("voucher", "受理通知书"), false},
	}},
	{name: "licensing-deemed", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"", "", 20, 8, nil, true},
		{"李强", "grant", 20, 16, p("decision", "准予许可决定书"), false},
	}},
	{name: "licensing-refused", definition: "licensing", unit: "审批局", register: true, steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"王敏", "accept", 1, 10, p("voucher", "受理通知书"), false},
		{"李强", "refuse", 12, 15, p("reasons", "不符合法定条件", "appeal_rights", "可申请复议或提起诉讼"), false},
	}},
	{name: "licensing-refused-unregistered", definition: "licensing", unit: "审批局", steps: []step{
		{"王敏", "receive", 0, 9, p("voucher", "收件"), false},
		{"张华", "refuse_acceptance", 2, 15, p("reasons", "不属于本机关职权范围", "voucher", "不予受理决定书"), false},
	}},
	{name: "complaint-on-time", definition: "complaint", unit: "效能办", steps: []step{
		{"赵磊", "register", 0, 9, p("matter", "窗口办事拖延", "address", "市府路1号"), false},
		{"赵磊", "notify", 3, 10, p("notice", "受理告知书"), false},
		{"孙丽", "accept_case", 5, 10, p("accepted_by", "效能办"), false},
		{"孙丽", "conclude", 30, 16, p("opinion", "属实，责令整改", "reply", "书面答复", "result", "属实"), false},
		{"孙丽", "follow_up", 35, 10, p("feedback", "满意"), false},
	}},
	{name: "complaint-late", definition: "complaint", unit: "效能办", steps: []step{
		{"赵磊", "register", 0, 9, p("matter", "多次跑腿", "address", "市府路2号"), false},
		{"赵磊", "notify", 20, 10, p("notice", "受理告知书"), false},
		{"孙丽", "accept_case", 21, 10, p("accepted_by", "效能办"), false},
		{"孙丽", "conclude", 95, 16, p("opinion", "部分属实", "reply", "书面答复", "result", "部分属实"), false},
	}},
	{name: "complaint-open", definition: "complaint", unit: "效能办", steps: []step{
		{"赵磊", "register", 0, 9, p("matter", "态度生硬"), false},
		{"孙丽", "accept_case", 4, 10, p("accepted_by", "效能办"), false},
	}},
	{name: "disclosure-on-time", definition: "disclosure", unit: "政府办", steps: []step{
		{"陈静", "receive", 0, 9, p("channel", "in_person"), false},
		{"刘洋", "disclose", 10, 15, p("provision", "政府信息公开条例第二十七条"), false},
	}},
	{name: "disclosure-late", definition: "disclosure", unit: "政府办", steps: []step{
		{"陈静", "receive", 0, 9, p("channel", "registered_post"), false},
		{"刘洋", "disclose", 50, 15, p("provision", "政府信息公开条例第二十七条"), false},
	}},
	{name: "disclosure-withheld", definition: "disclosure", unit: "政府办", register: true, steps: []step{
		{"陈静", "receive", 0, 9, p("channel", "in_person"), false},
		{"刘洋", "extend", 18, 10, p("approver", "办公室主任", "applicant_told", "已告知", "units", "20"), false},
		{"刘洋", "withhold", 30, 15, p("ground", "state_secret", "reasons", "涉及国家秘密"), false},
	}},
}

// built is a case made by the builder: what to import, and the case as
// procedure.Fire left it in memory.
type built struct {
	imp  supervision.ImportCase
	want *procedure.Case
}

// buildCase builds case i: template i modulo the kinds, starting on a
// day of 2025 that depends on i, its events fired in memory with
// procedure.Fire (and Advance for the law's outcomes). The result is the
// same for the same i.
func buildCase(tb testing.TB, defs map[string]*procedure.Definition, i int) built {
	tb.Helper()
	k := kinds[i%len(kinds)]
	d := defs[k.definition]
	start := cst(2025, 1, 2, 0).AddDate(0, 0, (i*7)%300)
	id := fmt.Sprintf("%s-%05d", k.name, i)
	c := d.NewCase(id)
	ctx := context.Background()
	for j, s := range k.steps {
		at := start.AddDate(0, 0, s.day).Add(time.Duration(s.hour)*time.Hour + time.Duration(i%50)*time.Minute)
		if s.advance {
			if _, err := d.Advance(ctx, c, at); err != nil {
				tb.Fatalf("case %s step %d: advance: %v", id, j, err)
			}
			continue
		}
		e := procedure.Event{Trigger: s.trigger, At: at, Actor: procedure.Actor{Officer: s.officer, Unit: k.unit}, Reason: "依法办理"}
		if s.payload != nil {
			e.Payload = maps.Clone(s.payload)
		}
		if err := d.Fire(ctx, c, e); err != nil {
			tb.Fatalf("case %s step %d (%s): %v", id, j, s.trigger, err)
		}
	}
	imp := supervision.ImportCase{
		Info:   supervision.CaseInfo{ID: id, Definition: k.definition, Unit: k.unit, Created: start.Add(8 * time.Hour)},
		Events: c.Clone().Events,
	}
	if k.register {
		last := len(c.Events) - 1
		imp.Register = []accountability.RegisterEntry{{Event: last, Day: deadline.DateOf(c.Events[last].At) + 1,
			Officer: c.Events[last].Actor.Officer, Reasons: "理由充分", Basis: "法律依据", LeaderOpinion: "同意"}}
	}
	return built{imp: imp, want: c}
}

// buildCases builds cases 0 to n-1.
func buildCases(tb testing.TB, n int) []built {
	tb.Helper()
	defs := referenceDefs(tb)
	out := make([]built, n)
	for i := range out {
		out[i] = buildCase(tb, defs, i)
	}
	return out
}

// referenceDefs are the reference definitions, by ID.
func referenceDefs(tb testing.TB) map[string]*procedure.Definition {
	tb.Helper()
	out := map[string]*procedure.Definition{}
	for _, name := range procedure.ReferenceNames() {
		d, err := procedure.Reference(name)
		if err != nil {
			tb.Fatal(err)
		}
		out[name] = d
	}
	return out
}

// seedRoster stores the test units and officers.
func seedRoster(tb testing.TB, st *supervision.Store) {
	tb.Helper()
	ctx := context.Background()
	for _, u := range testUnits {
		if err := st.PutUnit(ctx, u); err != nil {
			tb.Fatal(err)
		}
	}
	for _, o := range testOfficers {
		if err := st.PutOfficer(ctx, o); err != nil {
			tb.Fatal(err)
		}
	}
}

// importCases stores the built cases, in batches.
func importCases(tb testing.TB, st *supervision.Store, cases []built) {
	tb.Helper()
	for len(cases) > 0 {
		n := min(len(cases), 2000)
		batch := make([]supervision.ImportCase, n)
		for i := range batch {
			batch[i] = cases[i].imp
		}
		if err := st.Import(context.Background(), batch...); err != nil {
			tb.Fatal(err)
		}
		cases = cases[n:]
	}
}
