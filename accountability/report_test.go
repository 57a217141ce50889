package accountability_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The officers of the golden report, besides wang and li of 审批局: 张华
// is 王敏's substitute (B角); 赵刚 and 孙丽 are of the market bureau, 陈静
// of the efficiency office.
var (
	zhao = procedure.Actor{Officer: "赵刚", Unit: "市场监管局"}
	chen = procedure.Actor{Officer: "陈静", Unit: "效能办"}
)

// goldenInput is a month of supervision of four units as of Friday 14
// November 2025: thirteen cases of licensing, disclosure, assistance and a
// complaint, two inquiries, a roster with an absence and its substitute.
// Between them they break every built-in rule, one breach is exempt, and
// some cases are in order.
func goldenInput(t *testing.T) accountability.Input {
	t.Helper()
	lic := ref(t, "licensing")
	statutory, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		t.Fatal(err)
	}
	promised := statutory
	promised.ID, promised.Name, promised.NameEN = statutory.ID+":promised", statutory.Name+"（承诺时限）", statutory.NameEN+" (promised limit)"
	promised.Period.N = 10
	licPromised := ref(t, "licensing", procedure.WithRule("decision", promised))
	delivered := func(on int) []ev { // certificate issued and delivered in November (行政许可法 Art 44)
		return []ev{{li, "issue_certificate", at(2025, 11, on), map[string]string{"certificate": "食品经营许可证"}},
			{li, "deliver", at(2025, 11, on), nil}}
	}
	refusal := map[string]string{"reasons": "经营场所不符合条件", "appeal_rights": "可申请行政复议或提起行政诉讼"}
	handler := func(who string) map[string]string { return map[string]string{"voucher": "受理", "handler": who} }

	var records []accountability.Record
	add := func(unit string, c *procedure.Case) *accountability.Record {
		records = append(records, accountability.Record{Unit: unit, Case: c})
		return &records[len(records)-1]
	}

	// XK-01: decided eleven working days late (Art 42 ¶1), the overrun
	// split between 王敏 and 李强; 王敏 away 9–17 October while he held
	// it, with 张华 designated: idle (AB角).
	add("审批局", build(t, lic, "XK-01", append(accepted(),
		ev{wang, "notify_hearing_right", at(2025, 11, 3), nil},
		ev{li, "hearing_window_closed", at(2025, 11, 11), nil},
		ev{li, "grant", at(2025, 11, 14), decision})...))
	// XK-02: accepted three working days after receipt, over the window's
	// budget of one (环节时限), and decided in time.
	add("审批局", build(t, lic, "XK-02",
		append([]ev{{wang, "receive", at(2025, 9, 25), voucher}, {wang, "accept", at(2025, 9, 29), voucher},
			{li, "grant", at(2025, 10, 27), decision}}, delivered(3)...)...))
	// XK-03: no notice of supplements within five working days: deemed
	// accepted when 23 October ended (Art 32 ¶1(4)), then granted.
	add("审批局", build(t, lic, "XK-03",
		append([]ev{{wang, "receive", at(2025, 10, 16), voucher}, {li, "grant", at(2025, 11, 5), decision}}, delivered(6)...)...))
	// XK-04 and XK-05: refused; only XK-05 entered in the register (否定报备).
	add("审批局", build(t, lic, "XK-04", append(accepted(), ev{li, "refuse", at(2025, 10, 20), refusal})...))
	r := add("审批局", build(t, lic, "XK-05", append(accepted(), ev{li, "refuse", at(2025, 10, 22), refusal})...))
	r.Register = []accountability.RegisterEntry{{Event: 2, Day: day(2025, 10, 23), Officer: "李强",
		Reasons: "经营场所不符合条件", Basis: "《食品经营许可和备案管理办法》第十二条", LeaderOpinion: "同意不予许可"}}
	// XK-06: a second notice of supplements asks for a material the first
	// neither asked for nor found conforming (一次性告知).
	add("审批局", build(t, lic, "XK-06",
		ev{wang, "receive", at(2025, 11, 3), voucher},
		ev{wang, "request_supplement", at(2025, 11, 4), map[string]string{"missing": "营业执照；健康证明", "conforming": "申请书"}},
		ev{li, "request_supplement", at(2025, 11, 10), map[string]string{"missing": "营业执照；场所平面图"}}))
	// XK-07: decided two working days late, exempt: a typhoon closed the
	// office (不可抗力).
	r = add("审批局", build(t, lic, "XK-07",
		append([]ev{{wang, "receive", at(2025, 10, 9), voucher}, {wang, "accept", at(2025, 10, 10), voucher},
			{li, "grant", at(2025, 11, 10), decision}}, delivered(11)...)...))
	r.Exemptions = []accountability.Exemption{{Rule: accountability.RuleTimeLimit, Ground: accountability.GroundForceMajeure,
		Reason: "台风“桦加沙”致办公系统停运三日（市应急管理局通报）"}}
	// XK-08: promised ten working days and decided in twelve, within the
	// statutory twenty (服务承诺).
	add("审批局", build(t, licPromised, "XK-08", append(accepted(),
		append([]ev{{li, "grant", at(2025, 10, 20), decision}}, delivered(3)...)...)...))
	// XK-09: assigned to 李强 on acceptance, due 4 November and still open.
	add("审批局", build(t, lic, "XK-09", ev{wang, "receive", at(2025, 9, 29), voucher}, ev{wang, "accept", at(2025, 9, 30), handler("李强")}))
	// XK-10: assigned to 李强, due today: the yellow light.
	add("审批局", build(t, lic, "XK-10", ev{wang, "receive", at(2025, 10, 16), voucher}, ev{wang, "accept", at(2025, 10, 17), handler("李强")}))

	// GK-01: a disclosure request corrected in time, answered late
	// (政府信息公开条例 Art 33 ¶2) with a refusal not entered in the
	// register.
	add("市场监管局", build(t, ref(t, "disclosure"), "GK-01",
		ev{zhao, "receive", at(2025, 9, 1), map[string]string{"channel": "in_person"}},
		ev{zhao, "request_correction", at(2025, 9, 4), map[string]string{"items": "所需信息的名称", "correct_by": "2025-09-19"}},
		ev{zhao, "correct", at(2025, 9, 10), map[string]string{"corrected": "已补正"}},
		ev{zhao, "withhold", at(2025, 10, 20), map[string]string{"ground": "三安一稳", "reasons": "公开后可能危及社会稳定"}}))
	// XZ-01: the public security bureau, asked for assistance, has not
	// answered (行政协助).
	add("市场监管局", build(t, ref(t, "assistance"), "XZ-01",
		ev{zhao, "request", at(2025, 11, 3), map[string]string{"case_ref": "市监罚〔2025〕12号", "requested_agency": "公安局", "matter": "核查当事人身份"}}))
	// TS-01: a complaint concluded on 5 September and never followed up
	// (回访).
	add("效能办", build(t, ref(t, "complaint"), "TS-01",
		ev{chen, "register", at(2025, 9, 1), map[string]string{"matter": "窗口推诿", "address": "某路1号"}},
		ev{chen, "notify", at(2025, 9, 2), map[string]string{"notice": "书面告知"}},
		ev{chen, "accept_case", at(2025, 9, 3), map[string]string{"accepted_by": "效能办"}},
		ev{chen, "conclude", at(2025, 9, 5), map[string]string{"opinion": "投诉属实", "reply": "已书面答复"}}))

	return accountability.Input{
		Records: records,
		Inquiries: []accountability.Inquiry{
			{ID: "Q-01", Unit: "审批局", Officer: "王敏", At: at(2025, 9, 30), Outcome: accountability.OutcomeAnswered, OutcomeAt: at(2025, 10, 9)},
			{ID: "Q-02", Unit: "市场监管局", Officer: "孙丽", At: at(2025, 11, 3)},
		},
		Roster: accountability.Roster{
			Officers: []accountability.Officer{
				{ID: "王敏", Name: "王敏", Unit: "审批局", Substitute: "张华"},
				{ID: "张华", Name: "张华", Unit: "审批局", Substitute: "王敏"},
				{ID: "李强", Name: "李强", Unit: "审批局"},
				{ID: "赵刚", Name: "赵刚", Unit: "市场监管局"},
				{ID: "孙丽", Name: "孙丽", Unit: "市场监管局", Substitute: "赵刚"},
				{ID: "陈静", Name: "陈静", Unit: "效能办"},
			},
			Absences: []accountability.Absence{{Officer: "王敏", From: day(2025, 10, 9), To: day(2025, 10, 17)}},
		},
	}
}

// goldenReport evaluates goldenInput with a one-day budget for the
// licensing window, sanctions on the Zhejiang ladder, and ranks the units
// on a scorecard with a veto, the licensing bureau last the period
// before.
func goldenReport(t *testing.T) accountability.Report {
	t.Helper()
	var prof accountability.Profile
	for _, p := range accountability.ReferenceProfiles() {
		if p.Definition == "licensing" {
			prof = p
		}
	}
	prof.Budgets = map[procedure.State]deadline.Period{"received": {N: 1, Unit: deadline.WorkingDays}}
	asOf := day(2025, 11, 14)
	findings := evaluate(t, defaultEvaluator(t, accountability.WithProfiles(prof)), goldenInput(t), asOf)

	ladder, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		t.Fatal(err)
	}
	card, err := accountability.NewScorecard(accountability.ScorecardSpec{
		Name: "机关效能考评",
		Indicators: []accountability.Indicator{
			{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: "satisfaction", Name: "群众满意度", Weight: decimal.NewFromInt(40)},
		},
		Total: decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{
			{Severity: accountability.Serious, Points: decimal.NewFromInt(5)},
			{Rule: accountability.RuleRefusalRegister, Points: decimal.RequireFromString("1.5")},
			{Points: decimal.NewFromInt(1)},
		},
		Vetoes:     []accountability.Veto{{Rule: accountability.RuleDeemedAcceptance, Severity: accountability.MoreSerious}},
		Bottom:     1,
		LastPlaces: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	values := func(onTime, satisfaction string) map[string]decimal.Decimal {
		return map[string]decimal.Decimal{"on_time": decimal.RequireFromString(onTime), "satisfaction": decimal.RequireFromString(satisfaction)}
	}
	previous := accountability.Ranking{Rows: []accountability.RankRow{
		{Rank: 1, Unit: "效能办"}, {Rank: 2, Unit: "公安局"}, {Rank: 3, Unit: "市场监管局"}, {Rank: 4, Unit: "审批局"},
	}}
	ranking, err := card.Rank([]accountability.UnitScores{
		{Unit: "审批局", Values: values("0.92", "0.95")},
		{Unit: "市场监管局", Values: values("0.88", "0.90")},
		{Unit: "公安局", Values: values("0.90", "0.85")},
		{Unit: "效能办", Values: values("1", "0.97")},
	}, findings, []accountability.Ranking{previous})
	if err != nil {
		t.Fatal(err)
	}
	return accountability.NewReport(asOf, findings, ladder, &ranking)
}

// golden compares got with the golden file, or rewrites the file with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); run go test -update if the change is intended:\n%s", path, diff)
	}
}

func TestReportGolden(t *testing.T) {
	r := goldenReport(t)
	golden(t, "report.txt", []byte(r.Text()))
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", append(b, '\n'))
}

// TestReportJSONRoundTrip: a report reads back from its JSON as it was.
func TestReportJSONRoundTrip(t *testing.T) {
	r := goldenReport(t)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back accountability.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, back); diff != "" {
		t.Errorf("the report does not read back from its JSON (-wrote +read):\n%s", diff)
	}
}
