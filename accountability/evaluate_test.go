package accountability_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

func at(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 10, 0, 0, 0, deadline.ChinaStandardTime())
}

func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

var (
	wang = procedure.Actor{Officer: "王敏", Unit: "审批局"}
	li   = procedure.Actor{Officer: "李强", Unit: "审批局"}
)

type ev struct {
	actor   procedure.Actor
	trigger procedure.Trigger
	at      time.Time
	payload map[string]string
}

// build fires the events on a new case of the named reference definition
// (or of d when given), advancing the case before each event.
func build(t testing.TB, d *procedure.Definition, id string, events ...ev) *procedure.Case {
	t.Helper()
	ctx := context.Background()
	c := d.NewCase(id)
	for i, e := range events {
		if _, err := d.Advance(ctx, c, e.at); err != nil {
			t.Fatalf("advance before event %d: %v", i, err)
		}
		if err := d.Fire(ctx, c, procedure.Event{Trigger: e.trigger, At: e.at, Actor: e.actor, Reason: "办理", Payload: e.payload}); err != nil {
			t.Fatalf("event %d (%s): %v", i, e.trigger, err)
		}
	}
	return c
}

func ref(t testing.TB, name string, opts ...procedure.Option) *procedure.Definition {
	t.Helper()
	d, err := procedure.Reference(name, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func evaluate(t testing.TB, e *accountability.Evaluator, in accountability.Input, asOf date.Date) []accountability.Finding {
	t.Helper()
	fs, err := e.Evaluate(in, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func defaultEvaluator(t testing.TB, opts ...accountability.Option) *accountability.Evaluator {
	t.Helper()
	e, err := accountability.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// only returns the findings of one rule.
func only(fs []accountability.Finding, r accountability.RuleID) []accountability.Finding {
	var out []accountability.Finding
	for _, f := range fs {
		if f.Rule == r {
			out = append(out, f)
		}
	}
	return out
}

var (
	voucher  = map[string]string{"voucher": "凭证"}
	decision = map[string]string{"decision": "决定书"}
)

// accepted is a licence received on 25 Sep 2025 by 王 and accepted by him
// on 26 Sep: the decision is due on 30 Oct (行政许可法 Art 42 ¶1, Art 82).
func accepted() []ev {
	return []ev{
		{wang, "receive", at(2025, 9, 25), voucher},
		{wang, "accept", at(2025, 9, 26), voucher},
	}
}

func TestTimeLimit(t *testing.T) {
	e := defaultEvaluator(t)
	lic := ref(t, "licensing")
	late := build(t, lic, "XK-LATE", append(accepted(), ev{li, "grant", at(2025, 11, 10), decision})...)
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: late}}}, day(2025, 11, 10)), accountability.RuleTimeLimit)
	if len(fs) != 1 {
		t.Fatalf("findings %+v", fs)
	}
	f := fs[0]
	// Due 30 Oct; 31 Oct and 3–7, 10 Nov are seven working days over.
	if f.Clock != "decision" || f.Overdue != 7 || f.Day != day(2025, 10, 31) || f.Officer != "李强" || f.Step != "accepted" ||
		f.Severity != accountability.MoreSerious || f.Citation.Article != 42 {
		t.Errorf("late decision: %+v", f)
	}
	sum := 0
	for _, d := range f.Delay {
		sum += d.Days
	}
	if sum != f.Overdue {
		t.Errorf("delay %+v sums to %d, not %d", f.Delay, sum, f.Overdue)
	}
	if len(f.Evidence) != 2 || f.Evidence[0].Trigger != "accept" || f.Evidence[1].Trigger != "grant" {
		t.Errorf("evidence %+v", f.Evidence)
	}

	// Art 45: the same decision date with five working days of expert
	// review excluded is on time (due 6 Nov, decided 10 Nov is 2 over) …
	excluded := build(t, lic, "XK-EXCL", append(accepted(),
		ev{wang, "exclude_time", at(2025, 10, 13), map[string]string{"cause": "expert_review", "duration": "5个工作日"}},
		ev{wang, "resume_count", at(2025, 10, 17), nil},
		ev{li, "grant", at(2025, 11, 6), decision})...)
	if fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: excluded}}}, day(2025, 11, 10)), accountability.RuleTimeLimit); len(fs) != 0 {
		t.Errorf("a decision in time net of excluded time was found late: %+v", fs)
	}
}

func TestPromise(t *testing.T) {
	promised, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	promised.ID, promised.Name, promised.Period.N = "county-promise-10", "承诺办结时限", 10
	d := ref(t, "licensing", procedure.WithRule("decision", promised))
	e := defaultEvaluator(t, accountability.WithDefinitions(d))
	// Promised 10 working days from 26 Sep: due 16 Oct.
	for _, tc := range []struct {
		decided    time.Time
		promise    int
		timeLimits int
	}{
		{at(2025, 10, 16), 0, 0}, // on the promise
		{at(2025, 10, 20), 1, 0}, // two days over the promise, well within the statute
		{at(2025, 11, 3), 1, 1},  // over both: the statutory 20 days ended on 30 Oct
	} {
		c := build(t, d, "XK-P", append(accepted(), ev{li, "grant", tc.decided, decision})...)
		fs := evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, deadline.DateOf(tc.decided))
		if p, s := len(only(fs, accountability.RulePromise)), len(only(fs, accountability.RuleTimeLimit)); p != tc.promise || s != tc.timeLimits {
			t.Errorf("decided %s: %d promise and %d statutory findings, want %d and %d", tc.decided, p, s, tc.promise, tc.timeLimits)
		}
	}
}

// inForce is a licence received, granted on the spot (行政许可法 Art 34
// ¶2), issued and delivered by 王 on 2 Feb 2026, whose holder applies on
// 10 Aug 2026 for its renewal before it expires on 10 Sep (Art 50 ¶1).
func inForce() []ev {
	return []ev{
		{wang, "receive", at(2026, 2, 2), voucher},
		{wang, "decide_on_spot", at(2026, 2, 2), map[string]string{"decision": "决定书", "complete": "true"}},
		{wang, "issue_certificate", at(2026, 2, 2), map[string]string{"certificate": "JY-1"}},
		{wang, "deliver", at(2026, 2, 2), nil},
		{wang, "apply_renewal", at(2026, 8, 10), map[string]string{"expires": "2026-09-10"}},
	}
}

// TestDeemedOutcomes: each outcome the law deems when the agency does not
// act in time is a breach of its own rule, with its own article: no
// notice of supplements within five days, the application accepted (行政
// 许可法 Art 32 ¶1(4)); no decision on a renewal before the licence
// expired, the renewal granted (Art 50 ¶2).
func TestDeemedOutcomes(t *testing.T) {
	lic := ref(t, "licensing")
	renewal := build(t, lic, "XK-Y", inForce()...)
	if _, err := lic.Advance(context.Background(), renewal, at(2026, 9, 14)); err != nil || renewal.State != "in_force" {
		t.Fatalf("advance: %v, state %s", err, renewal.State)
	}
	for _, tc := range []struct {
		name     string
		c        *procedure.Case
		asOf     date.Date
		rule     accountability.RuleID
		officer  string
		step     procedure.State
		day      date.Date
		article  int
		para     int
		item     int
		message  string
		evidence []procedure.Trigger
	}{
		{"Art 32 ¶1(4): no notice of supplements in five working days",
			build(t, lic, "XK-D", ev{wang, "receive", at(2025, 1, 24), voucher}, ev{li, "grant", at(2025, 2, 20), decision}), day(2025, 2, 20),
			accountability.RuleDeemedAcceptance, "王敏", "received", day(2025, 2, 8), 32, 1, 4,
			"未在法定期限内告知补正，于 2025-02-07 届满后视为受理", []procedure.Trigger{"receive", "deem_accepted"}},
		{"Art 50 ¶2: no decision on the renewal before the licence expired",
			renewal, day(2026, 9, 14),
			accountability.RuleDeemedRenewal, "王敏", "renewal_pending", day(2026, 9, 11), 50, 2, 0,
			"未在许可有效期届满前作出是否准予延续的决定，于 2026-09-10 届满后视为准予延续", []procedure.Trigger{"apply_renewal", "deem_renewed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := evaluate(t, defaultEvaluator(t), accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: tc.c}}}, tc.asOf)
			got := only(fs, tc.rule)
			if len(got) != 1 {
				t.Fatalf("%s: findings %+v", tc.rule, fs)
			}
			f := got[0]
			var evidence []procedure.Trigger
			for _, x := range f.Evidence {
				evidence = append(evidence, x.Trigger)
			}
			if f.Officer != tc.officer || f.Step != tc.step || f.Day != tc.day || f.Severity != accountability.MoreSerious || !f.Sanctionable() ||
				f.Citation.Article != tc.article || f.Citation.Paragraph != tc.para || f.Citation.Item != tc.item ||
				f.Message != tc.message || !slices.Equal(evidence, tc.evidence) {
				t.Errorf("got %+v", f)
			}
			if r := []accountability.RuleID{accountability.RuleDeemedAcceptance, accountability.RuleDeemedRenewal}; len(only(fs, r[0]))+len(only(fs, r[1])) != 1 {
				t.Errorf("one deemed outcome found under both rules: %+v", fs)
			}
		})
	}
}

// TestDeemedRulesValidated: a profile assigns a deemed outcome it lists
// to a rule of deemed outcomes, or is refused; the reference profiles
// pass as they are.
func TestDeemedRulesValidated(t *testing.T) {
	lic, _ := accountability.ReferenceProfile("licensing")
	for _, tc := range []struct {
		name  string
		rules map[procedure.Trigger]accountability.RuleID
		path  string // the problem's location, "" for none
	}{
		{"the reference assignment", lic.DeemedRules, ""},
		{"renewal found as a deemed acceptance", map[procedure.Trigger]accountability.RuleID{"deem_renewed": accountability.RuleDeemedAcceptance}, ""},
		{"not a rule of deemed outcomes", map[procedure.Trigger]accountability.RuleID{"deem_renewed": accountability.RuleTimeLimit}, "profiles[0].deemed_rules[deem_renewed]"},
		{"not a deemed outcome of the profile", map[procedure.Trigger]accountability.RuleID{"grant": accountability.RuleDeemedRenewal}, "profiles[0].deemed_rules[grant]"},
	} {
		p := lic
		p.DeemedRules = tc.rules
		_, err := accountability.New(accountability.WithProfiles(p))
		var paths []string
		for _, x := range problems(err) {
			paths = append(paths, x.Path)
		}
		if want := []string{tc.path}; tc.path == "" && err != nil || tc.path != "" && (!slices.Equal(paths, want) || !errors.Is(err, accountability.ErrInvalidConfig)) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if _, err := accountability.New(accountability.WithProfiles(accountability.ReferenceProfiles()...)); err != nil {
		t.Errorf("the reference profiles are refused: %v", err)
	}
}

func TestRefusalRegister(t *testing.T) {
	e := defaultEvaluator(t)
	c := build(t, ref(t, "licensing"), "XK-R", append(accepted(),
		ev{li, "refuse", at(2025, 10, 20), map[string]string{"reasons": "不符合法定条件", "appeal_rights": "复议、诉讼"}})...)
	refusal := len(c.Events) - 1
	full := accountability.RegisterEntry{Event: refusal, Day: day(2025, 10, 21), Officer: "李强", Reasons: "不符合法定条件", Basis: "《食品经营许可和备案管理办法》", LeaderOpinion: "同意"}
	noOpinion := full
	noOpinion.LeaderOpinion = ""
	late := full
	late.Day = day(2025, 10, 24)
	for _, tc := range []struct {
		name     string
		register []accountability.RegisterEntry
		asOf     date.Date
		want     int
	}{
		{"entered the next day", []accountability.RegisterEntry{full}, day(2025, 10, 31), 0},
		{"no entry, still in time", nil, day(2025, 10, 23), 0},
		{"no entry", nil, day(2025, 10, 24), 1},
		{"no leader's opinion", []accountability.RegisterEntry{noOpinion}, day(2025, 10, 31), 1},
		{"entered after three days", []accountability.RegisterEntry{late}, day(2025, 10, 31), 1},
	} {
		fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c, Register: tc.register}}}, tc.asOf), accountability.RuleRefusalRegister)
		if len(fs) != tc.want || (tc.want == 1 && (fs[0].Officer != "李强" || fs[0].Day != day(2025, 10, 24) || fs[0].Evidence[0].Index != refusal)) {
			t.Errorf("%s: %+v", tc.name, fs)
		}
	}
}

// TestOneTimeNotice encodes 行政许可法 Art 32 ¶1(4): the notice lists
// everything to supplement at once. A second notice asking again for what
// the first listed (the supplement still lacked it) is no breach; asking
// for a material that was already missing then is; when the notices list
// no materials, any second notice is.
func TestOneTimeNotice(t *testing.T) {
	d := ref(t, "licensing")
	list := func(missing, conforming string) map[string]string {
		p := map[string]string{"missing": missing}
		if conforming != "" {
			p["conforming"] = conforming
		}
		return p
	}
	for _, tc := range []struct {
		name          string
		profile       accountability.Profile
		first, second map[string]string
		want          string // the message, "" for no finding
	}{
		{"a material missing at the first notice", accountability.Profile{},
			list("营业执照", ""), list("场所证明", ""), "再次告知补正的材料在首次告知（2025-09-02）时已缺少而未告知：场所证明"},
		{"only what the first listed, still lacking", accountability.Profile{},
			list("营业执照；场所证明", "申请书"), list("场所证明", ""), ""},
		{"a material the first found conforming", accountability.Profile{},
			list("营业执照", "申请书；场所证明"), list("场所证明", ""), ""},
		{"some listed, some new", accountability.Profile{},
			list("营业执照", "申请书"), list("营业执照；场所证明；健康证明", ""), "再次告知补正的材料在首次告知（2025-09-02）时已缺少而未告知：场所证明、健康证明"},
		{"notices without lists", accountability.Profile{Missing: "materials"},
			list("营业执照", ""), list("营业执照", ""), "对同一申请再次告知补正（首次告知于 2025-09-02）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.profile.Definition, tc.profile.Notices = "licensing", []procedure.Trigger{"request_supplement"}
			e := defaultEvaluator(t, accountability.WithProfiles(tc.profile))
			c := build(t, d, "XK-N",
				ev{wang, "receive", at(2025, 9, 1), voucher},
				ev{wang, "request_supplement", at(2025, 9, 2), tc.first},
				ev{li, "request_supplement", at(2025, 9, 10), tc.second},
				ev{li, "supplement", at(2025, 9, 15), voucher},
			)
			fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 9, 20)), accountability.RuleOneTimeNotice)
			if tc.want == "" {
				if len(fs) != 0 {
					t.Fatalf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Officer != "李强" || fs[0].Day != day(2025, 9, 10) || len(fs[0].Evidence) != 2 ||
				fs[0].Evidence[0].Index != 1 || fs[0].Evidence[1].Index != 2 || fs[0].Citation.Article != 32 || fs[0].Message != tc.want {
				t.Errorf("got %+v", fs)
			}
		})
	}
}

// TestOneTimeNoticeFindsAnOmissionOnce: a third notice asking again for
// what the second was found for adds no finding.
func TestOneTimeNoticeFindsAnOmissionOnce(t *testing.T) {
	d := ref(t, "licensing")
	e := defaultEvaluator(t)
	c := build(t, d, "XK-3",
		ev{wang, "receive", at(2025, 9, 1), voucher},
		ev{wang, "request_supplement", at(2025, 9, 2), map[string]string{"missing": "营业执照"}},
		ev{li, "request_supplement", at(2025, 9, 10), map[string]string{"missing": "场所证明"}},
		ev{li, "request_supplement", at(2025, 9, 12), map[string]string{"missing": "场所证明"}},
	)
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 9, 20)), accountability.RuleOneTimeNotice)
	if len(fs) != 1 || fs[0].Evidence[1].Index != 2 {
		t.Errorf("got %+v", fs)
	}
}

func TestStepLimit(t *testing.T) {
	p, _ := accountability.ReferenceProfile("licensing")
	p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 10, Unit: deadline.WorkingDays}}
	e := defaultEvaluator(t, accountability.WithProfiles(p))
	// Accepted 26 Sep, granted 20 Oct: 12 working days in review (28–30
	// Sep, 9–11 and 13–17 Oct, 20 Oct), within the 20 of the statute but
	// two over the unit's budget of 10.
	c := build(t, ref(t, "licensing"), "XK-S", append(accepted(), ev{li, "grant", at(2025, 10, 20), decision})...)
	fs := evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 10, 20))
	steps := only(fs, accountability.RuleStepLimit)
	if len(steps) != 1 || steps[0].Overdue != 2 || steps[0].Day != day(2025, 10, 17) || steps[0].Step != "accepted" || steps[0].Officer != "李强" || len(only(fs, accountability.RuleTimeLimit)) != 0 {
		t.Errorf("step budget: %+v", fs)
	}
}

// TestStepLimitSpansStepsThatChangeNoState: notifying interested parties
// (行政许可法 Art 36) leaves the application under review, so the step and
// its budget run on; assigning the case to another officer starts that
// officer's step.
func TestStepLimitSpansStepsThatChangeNoState(t *testing.T) {
	p, _ := accountability.ReferenceProfile("licensing")
	p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 10, Unit: deadline.WorkingDays}}
	e := defaultEvaluator(t, accountability.WithProfiles(p))
	notify := ev{li, "notify_interested", at(2025, 10, 10), map[string]string{"parties": "相邻住户"}}
	c := build(t, ref(t, "licensing"), "XK-S2", append(accepted(), notify, ev{li, "grant", at(2025, 10, 20), decision})...)
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 10, 20)), accountability.RuleStepLimit)
	if len(fs) != 1 || fs[0].Overdue != 2 || fs[0].Day != day(2025, 10, 17) {
		t.Errorf("a notice within the step: %+v", fs)
	}
	notify.payload = map[string]string{"parties": "相邻住户", "handler": "张华"}
	c = build(t, ref(t, "licensing"), "XK-S3", append(accepted(), notify, ev{li, "grant", at(2025, 10, 20), decision})...)
	roster := accountability.Roster{Officers: []accountability.Officer{{ID: "王敏"}, {ID: "李强"}, {ID: "张华"}}}
	if fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, day(2025, 10, 20)), accountability.RuleStepLimit); len(fs) != 0 {
		t.Errorf("reassigned on 10 Oct, each holder within ten working days: %+v", fs)
	}
}

func TestSubstitute(t *testing.T) {
	e := defaultEvaluator(t)
	c := build(t, ref(t, "licensing"), "XK-AB", accepted()...)
	roster := accountability.Roster{
		Officers: []accountability.Officer{{ID: "王敏", Unit: "审批局", Substitute: "张华"}, {ID: "张华", Unit: "审批局"}, {ID: "李强", Unit: "审批局"}},
		Absences: []accountability.Absence{{Officer: "王敏", From: day(2025, 10, 9), To: day(2025, 10, 17)}},
	}
	// The case lies in review, held by 王敏 (who accepted it), while he is
	// away from 9 to 17 October: idle 9, 10 and 11 Oct (a make-up working
	// Saturday), three working days, beyond the two allowed on the 11th;
	// eight working days in all (9–11 and 13–17 Oct).
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, day(2025, 10, 20)), accountability.RuleSubstitute)
	if len(fs) != 1 || fs[0].Officer != "张华" || fs[0].Day != day(2025, 10, 11) || fs[0].Step != "accepted" || fs[0].Overdue != 6 {
		t.Errorf("substitute: %+v", fs)
	}
	// Nobody's idleness: the case closed before the absence, or waiting
	// on the applicant's supplements (no limit of the agency runs).
	closed := build(t, ref(t, "licensing"), "XK-AB2", append(accepted(), ev{wang, "grant", at(2025, 10, 8), decision},
		ev{wang, "issue_certificate", at(2025, 10, 8), map[string]string{"certificate": "JY-2"}}, ev{wang, "deliver", at(2025, 10, 8), nil})...)
	waiting := build(t, ref(t, "licensing"), "XK-AB3", ev{wang, "receive", at(2025, 9, 25), voucher},
		ev{wang, "request_supplement", at(2025, 9, 26), map[string]string{"missing": "场所证明"}})
	for _, c := range []*procedure.Case{closed, waiting} {
		if fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, day(2025, 10, 20)), accountability.RuleSubstitute); len(fs) != 0 {
			t.Errorf("%s in %s: %+v", c.ID, c.State, fs)
		}
	}
	// No B designated: no substitute to find against, but the post was
	// left empty, which is the unit's finding (LEGAL.md Part 4: no post
	// may be left empty), on the same days.
	roster.Officers[0].Substitute = ""
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}
	all := evaluate(t, e, in, day(2025, 10, 20))
	if fs := only(all, accountability.RuleSubstitute); len(fs) != 0 {
		t.Errorf("no substitute designated, yet a substitute found: %+v", fs)
	}
	vacant := only(all, accountability.RuleVacantPost)
	if len(vacant) != 1 || vacant[0].Officer != "" || vacant[0].Unit != "审批局" || vacant[0].Day != day(2025, 10, 11) || vacant[0].Overdue != 6 ||
		vacant[0].Message != "王敏 外出期间（2025-10-09 至 2025-10-17）未确定B角，岗位空缺，案件闲置 8 个工作日" {
		t.Errorf("no substitute designated: %+v", vacant)
	}
	for _, c := range []*procedure.Case{closed, waiting} {
		if fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, day(2025, 10, 20)), accountability.RuleVacantPost); len(fs) != 0 {
			t.Errorf("%s in %s, no substitute designated: %+v", c.ID, c.State, fs)
		}
	}
	// The post is the unit's of the officer away, not the case's: a case
	// of the service centre held by a bureau's officer (a complaint
	// handled by the unit it concerns) is that bureau's vacant post.
	roster.Officers[0].Unit = "市场监管局"
	in.Roster = roster
	if fs := only(evaluate(t, e, in, day(2025, 10, 20)), accountability.RuleVacantPost); len(fs) != 1 || fs[0].Unit != "市场监管局" {
		t.Errorf("vacant post of another unit's officer: %+v", fs)
	}
	roster.Officers[0].Unit = "审批局"
	// Each rule can be left out on its own.
	only1 := defaultEvaluator(t, accountability.WithRules(accountability.RuleSubstitute))
	if fs := evaluate(t, only1, in, day(2025, 10, 20)); len(fs) != 0 {
		t.Errorf("the vacant post found with the substitute rule alone: %+v", fs)
	}
}

// TestSubstituteIdleBetweenEvents: when A is away, B takes over and is
// responsible, and no post may be left empty (AB角, LEGAL.md Part 4). The
// case is idle only on the days no one of the post acted on it: any event
// by the substitute, or by an officer of the unit whose post it is, is
// handling, even one that leaves the case where it was (telling the
// interested parties, 行政许可法 Art 36), and the idle days are counted
// between such events. 王敏 holds a licence under review and is away from
// Thursday 9 to Friday 17 October 2025 (Saturday 11 a make-up working
// day): eight working days, two of which may pass idle.
func TestSubstituteIdleBetweenEvents(t *testing.T) {
	lic := ref(t, "licensing")
	zhang := procedure.Actor{Officer: "张华", Unit: "审批局"}
	zhao := procedure.Actor{Officer: "赵刚", Unit: "市场监管局"}
	notify := func(by procedure.Actor, days ...int) []ev {
		var out []ev
		for _, d := range days {
			out = append(out, ev{by, "notify_interested", at(2025, 10, d), map[string]string{"parties": "相邻住户"}})
		}
		return out
	}
	every := []int{9, 10, 11, 13, 14, 15, 16, 17}
	for _, tc := range []struct {
		name       string
		events     []ev
		substitute string
		rule       accountability.RuleID
		day        date.Date // the finding's day; 0 for no finding
		idle       int       // the idle days it says
		overdue    int
	}{
		{"nobody touched the case", nil, "张华", accountability.RuleSubstitute, day(2025, 10, 11), 8, 6},
		{"the substitute acted every working day", notify(zhang, every...), "张华", accountability.RuleSubstitute, 0, 0, 0},
		{"the substitute acted on the first day only", notify(zhang, 9), "张华", accountability.RuleSubstitute, day(2025, 10, 13), 7, 5},
		{"never more than two working days between acts", notify(zhang, 9, 13, 16), "张华", accountability.RuleSubstitute, 0, 0, 0},
		{"three working days after the last act", notify(zhang, 10, 14), "张华", accountability.RuleSubstitute, day(2025, 10, 17), 3, 1},
		{"idle before and after one act", notify(zhang, 13), "张华", accountability.RuleSubstitute, day(2025, 10, 11), 7, 3},
		{"a colleague of the unit took the case up", notify(li, every...), "张华", accountability.RuleSubstitute, 0, 0, 0},
		{"another unit's officer is not the post", notify(zhao, every...), "张华", accountability.RuleSubstitute, day(2025, 10, 11), 8, 6},
		{"no substitute, nobody touched the case", nil, "", accountability.RuleVacantPost, day(2025, 10, 11), 8, 6},
		{"no substitute, a colleague acted every working day", notify(li, every...), "", accountability.RuleVacantPost, 0, 0, 0},
		{"no substitute, a colleague acted on the first day only", notify(li, 9), "", accountability.RuleVacantPost, day(2025, 10, 13), 7, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := build(t, lic, "XK-AB", append(accepted(), tc.events...)...)
			roster := accountability.Roster{
				Officers: []accountability.Officer{{ID: "王敏", Unit: "审批局", Substitute: tc.substitute}, {ID: "张华", Unit: "审批局"},
					{ID: "李强", Unit: "审批局"}, {ID: "赵刚", Unit: "市场监管局"}},
				Absences: []accountability.Absence{{Officer: "王敏", From: day(2025, 10, 9), To: day(2025, 10, 17)}},
			}
			fs := evaluate(t, defaultEvaluator(t, accountability.WithRules(accountability.RuleSubstitute, accountability.RuleVacantPost)),
				accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster}, day(2025, 10, 20))
			if tc.day == 0 {
				if len(fs) != 0 {
					t.Errorf("the case was handled, yet %+v", fs)
				}
				return
			}
			who, officer := "由 张华 顶岗", "张华"
			if tc.rule == accountability.RuleVacantPost {
				who, officer = "未确定B角，岗位空缺", ""
			}
			want := fmt.Sprintf("王敏 外出期间（2025-10-09 至 2025-10-17）%s，案件闲置 %d 个工作日", who, tc.idle)
			if len(fs) != 1 || fs[0].Rule != tc.rule || fs[0].Officer != officer || fs[0].Unit != "审批局" || fs[0].Step != "accepted" ||
				fs[0].Day != tc.day || fs[0].Overdue != tc.overdue || fs[0].Message != want {
				t.Errorf("got %+v\nwant %s on %s, %d over: %s", fs, tc.rule, tc.day, tc.overdue, want)
			}
		})
	}
}

func TestFirstInquiry(t *testing.T) {
	e := defaultEvaluator(t)
	asked := at(2025, 9, 30)
	for _, tc := range []struct {
		name string
		q    accountability.Inquiry
		want int
	}{
		{"answered the next working day", accountability.Inquiry{ID: "Q1", Officer: "王敏", Unit: "审批局", At: asked, Outcome: accountability.OutcomeAnswered, OutcomeAt: at(2025, 10, 9)}, 0},
		{"referred two working days later", accountability.Inquiry{ID: "Q2", Officer: "王敏", Unit: "审批局", At: asked, Outcome: accountability.OutcomeReferred, OutcomeAt: at(2025, 10, 10), ReferredTo: "市场监管局"}, 1},
		{"nothing done", accountability.Inquiry{ID: "Q3", Officer: "王敏", Unit: "审批局", At: asked}, 1},
	} {
		fs := evaluate(t, e, accountability.Input{Inquiries: []accountability.Inquiry{tc.q}}, day(2025, 10, 20))
		if len(fs) != tc.want || (tc.want == 1 && (fs[0].Rule != accountability.RuleFirstInquiry || fs[0].Day != day(2025, 10, 10) || fs[0].Inquiry != tc.q.ID)) {
			t.Errorf("%s: %+v", tc.name, fs)
		}
	}
}

func TestAssistanceAndFollowUp(t *testing.T) {
	e := defaultEvaluator(t)
	assist := build(t, ref(t, "assistance"), "XZ-1",
		ev{wang, "request", at(2025, 9, 1), map[string]string{"case_ref": "案1", "requested_agency": "公安局", "matter": "核查身份"}})
	complaint := build(t, ref(t, "complaint"), "TS-1",
		ev{wang, "register", at(2025, 9, 1), map[string]string{"matter": "窗口推诿", "address": "某路1号"}},
		ev{wang, "notify", at(2025, 9, 2), map[string]string{"notice": "书面告知"}},
		ev{wang, "accept_case", at(2025, 9, 3), map[string]string{"accepted_by": "效能办"}},
		ev{li, "conclude", at(2025, 9, 20), map[string]string{"opinion": "属实", "reply": "已答复"}},
	)
	fs := evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: assist}, {Unit: "效能办", Case: complaint}}}, day(2025, 10, 31))
	a, f := only(fs, accountability.RuleAssistance), only(fs, accountability.RuleFollowUp)
	// The answer limit is the unit's own (no statute sets one), and the
	// finding cites the rule that set it, as every time limit does.
	answer, _ := ref(t, "assistance").Rule("answer")
	// The request lies with the agency asked: the finding is the public
	// security bureau's, not the requesting officer's.
	if len(a) != 1 || a[0].Case != "XZ-1" || a[0].Clock != "answer" || a[0].Citation != answer.Citation() ||
		a[0].Unit != "公安局" || a[0].Officer != "" {
		t.Errorf("assistance: %+v", a)
	}
	if len(f) != 1 || f[0].Case != "TS-1" || f[0].Clock != "follow_up" {
		t.Errorf("follow-up: %+v", f)
	}
	for _, x := range only(fs, accountability.RuleTimeLimit) {
		if x.Clock == "answer" || x.Clock == "follow_up" {
			t.Errorf("a clock with its own rule also found as a time limit: %+v", x)
		}
	}
}

// TestYellowLightCountsWorkingDays: the reminder comes one working day
// before the limit (LEGAL.md Part 4, a city's rule, Art 7), also for a
// limit of calendar days. A penalty decision filed on Tuesday 19 August
// 2025 is due 90 days later (行政处罚法 Art 60), on Monday 17 November:
// on the Thursday two working days are left, on the Friday one, and the
// finding says so.
func TestYellowLightCountsWorkingDays(t *testing.T) {
	th := accountability.DefaultThresholds()
	th.Policy = deadline.Policy{YellowRemaining: 1}
	e := defaultEvaluator(t, accountability.WithThresholds(th))
	pen := build(t, ref(t, "penalty"), "CF-0819",
		ev{wang, "file", at(2025, 8, 19), map[string]string{"filing_basis": "举报", "act_ended": "2025-08-10", "discovered": "2025-08-18"}})
	in := accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: pen}}}
	if fs := only(evaluate(t, e, in, day(2025, 11, 13)), accountability.RuleYellowLight); len(fs) != 0 {
		t.Errorf("Thursday, two working days left: %+v", fs)
	}
	fs := only(evaluate(t, e, in, day(2025, 11, 14)), accountability.RuleYellowLight)
	if len(fs) != 1 || fs[0].Clock != "decision" ||
		fs[0].Message != "作出行政处罚决定将于 2025-11-17 届满，剩余3日，其中1个工作日" ||
		fs[0].MessageEN != "penalty decision: falls due on 2025-11-17, 3 days left, 1 working day of them" {
		t.Errorf("Friday, one working day left: %+v", fs)
	}
}

func TestLightsAndRoles(t *testing.T) {
	e := defaultEvaluator(t)
	c := build(t, ref(t, "licensing"), "XK-L", accepted()...)
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}
	if fs := evaluate(t, e, in, day(2025, 10, 29)); len(only(fs, accountability.RuleYellowLight)) != 1 || len(only(fs, accountability.RuleRedLight)) != 0 {
		t.Errorf("one working day before the due date: %+v", fs)
	}
	fs := evaluate(t, e, in, day(2025, 10, 31))
	if len(only(fs, accountability.RuleRedLight)) != 1 || len(only(fs, accountability.RuleTimeLimit)) != 1 {
		t.Errorf("the day after the due date: %+v", fs)
	}
	for _, f := range only(fs, accountability.RuleRedLight) {
		if f.Sanctionable() {
			t.Errorf("a light is a warning, not a breach: %+v", f)
		}
	}
	// 行政处罚法 Art 64 ¶1(1): the party's five days to request a hearing
	// are the party's, and a late request is no delay of the agency's.
	pen := build(t, ref(t, "penalty"), "CF-1",
		ev{wang, "file", at(2025, 9, 1), map[string]string{"filing_basis": "举报", "act_ended": "2025-08-10", "discovered": "2025-08-18"}},
		ev{wang, "notify_intended", at(2025, 9, 25), map[string]string{"intended_penalty": "罚款5000元", "hearing_right": "true", "statement_by": "2025-10-10"}},
	)
	for _, f := range evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: pen}}}, day(2025, 10, 20)) {
		if f.Clock == "hearing_request" || f.Clock == "statement" {
			t.Errorf("a party's period counted against the agency: %+v", f)
		}
	}
}

// TestNoLightWhileSuspended: time the law does not count (行政许可法 Art
// 45: expert review) stops the count, and a limit so suspended lights no
// yellow however little is left: its due day is not known until the count
// resumes, and nothing is running late. A licence accepted on 26
// September 2025 is due on 30 October; expert review from 29 October
// suspends it with two working days left, and once it resumes on 20
// November it is due on the 24th. A limit that ran out before its
// suspension stays red.
func TestNoLightWhileSuspended(t *testing.T) {
	lic := ref(t, "licensing")
	review := func(m time.Month, d int) ev {
		return ev{wang, "exclude_time", at(2025, m, d), map[string]string{"cause": "expert_review", "duration": "专家评审约15个工作日"}}
	}
	suspended := build(t, lic, "XK-E", append(accepted(), review(10, 29))...)
	resumed := build(t, lic, "XK-G", append(accepted(), review(10, 29), ev{wang, "resume_count", at(2025, 11, 20), nil})...)
	late := build(t, lic, "XK-F", append(accepted(), review(11, 4))...)
	for _, tc := range []struct {
		name string
		c    *procedure.Case
		asOf date.Date
		want []string // rule: message
	}{
		{"running, two working days left", suspended, day(2025, 10, 28),
			[]string{"yellow-light: 作出行政许可决定将于 2025-10-30 届满，剩余2个工作日"}},
		{"suspended on the day expert review began", suspended, day(2025, 10, 29), nil},
		{"suspended, past the due day it had", suspended, day(2025, 11, 3), nil},
		{"suspended, three weeks on", suspended, day(2025, 11, 20), nil},
		{"resumed, due again", resumed, day(2025, 11, 20),
			[]string{"yellow-light: 作出行政许可决定将于 2025-11-24 届满，剩余2个工作日"}},
		{"resumed, one working day left", resumed, day(2025, 11, 21),
			[]string{"yellow-light: 作出行政许可决定将于 2025-11-24 届满，剩余1个工作日"}},
		{"suspended after the limit ran out", late, day(2025, 11, 20),
			[]string{"red-light: 作出行政许可决定已于 2025-10-30 届满，超期2个工作日仍未办结", "time-limit: 作出行政许可决定于 2025-10-30 届满，超期2个工作日（限时办结）"}},
	} {
		var got []string
		for _, f := range evaluate(t, defaultEvaluator(t), accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: tc.c}}}, tc.asOf) {
			got = append(got, string(f.Rule)+": "+f.Message)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s, as of %s: got %q, want %q", tc.name, tc.asOf, got, tc.want)
		}
	}
}

func TestExemption(t *testing.T) {
	e := defaultEvaluator(t)
	late := build(t, ref(t, "licensing"), "XK-X", append(accepted(), ev{li, "grant", at(2025, 11, 10), decision})...)
	rec := accountability.Record{Unit: "审批局", Case: late, Exemptions: []accountability.Exemption{
		{Rule: accountability.RuleTimeLimit, Ground: accountability.GroundForceMajeure, Reason: "台风停电，系统停运三日"},
	}}
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{rec}}, day(2025, 11, 10)), accountability.RuleTimeLimit)
	if len(fs) != 1 || fs[0].Exempt == nil || fs[0].Sanctionable() {
		t.Fatalf("exempt finding: %+v", fs)
	}
	l, _ := accountability.NewLadder(accountability.ZhejiangLadder())
	if s := l.Sanctions(fs); len(s) != 0 {
		t.Errorf("an exempt finding was sanctioned: %+v", s)
	}
}

func TestEvaluateRefusesBadInput(t *testing.T) {
	e := defaultEvaluator(t)
	c := build(t, ref(t, "licensing"), "XK-B", accepted()...)
	stray := c.Clone()
	stray.Events[1].Actor.Officer = "无名氏"
	stray.Events[0].Trigger = "dance"
	other := c.Clone()
	other.Definition = "unknown-procedure"
	noState := c.Clone()
	noState.Events[1].To = ""
	if len(noState.Clocks) < 2 {
		t.Fatalf("the case has %d clocks, the test wants two", len(noState.Clocks))
	}
	noState.Clocks[1].Spec = "no_such_clock"
	in := accountability.Input{
		Roster: accountability.Roster{Officers: []accountability.Officer{{ID: "王敏", Unit: "审批局"}, {ID: "王敏", Unit: "审批局"}}},
		Records: []accountability.Record{
			{Unit: "审批局", Case: stray},
			{Unit: "审批局", Case: other},
			{Unit: "", Case: noState, Register: []accountability.RegisterEntry{{Event: 9}}},
			{Unit: "审批局"},
		},
		Inquiries: []accountability.Inquiry{{ID: "Q", Officer: "无名氏"}},
	}
	_, err := e.Evaluate(in, day(2025, 10, 1))
	var paths []string
	for _, p := range problems(err) {
		paths = append(paths, p.Path)
	}
	want := []string{"roster.officers[1]", "records[0].case.events[0].trigger", "records[0].case.events[1].actor",
		"records[1].case.definition", "records[2].unit", "records[2].case.events[1].to", "records[2].case.clocks[1]", "records[2].register[0].event",
		"records[3].case", "inquiries[0].officer", "inquiries[0].at"}
	if len(paths) != len(want) {
		t.Fatalf("problems at %q, want %q\n%v", paths, want, err)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Errorf("problem %d at %q, want %q", i, paths[i], want[i])
		}
	}
	if !errors.Is(err, accountability.ErrInvalidInput) || !errors.Is(err, accountability.ErrUnknownDefinition) {
		t.Errorf("sentinels: %v", err)
	}
}

// problems returns the *accountability.Error values an error joins.
func problems(err error) []*accountability.Error {
	var out []*accountability.Error
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range u.Unwrap() {
			out = append(out, problems(e)...)
		}
		return out
	}
	var ae *accountability.Error
	if errors.As(err, &ae) {
		out = append(out, ae)
	}
	return out
}

// TestDelayAttribution: an overrun that spans steps is split among them
// and their holders, net of excluded time, and sums to the whole. The
// days the case waited on the applicant's five working days to request a
// hearing (行政许可法 Art 47 ¶1, a procedure.RoleParty clock) are no
// officer's, unless the profile charges them to the step's holder.
func TestDelayAttribution(t *testing.T) {
	// Due 30 Oct. 王 holds review until he tells of the hearing right on 3
	// Nov (2 days over: 31 Oct, 3 Nov); the five days to request one run
	// to 10 Nov (4–7, 10 Nov) and 李 closes them on 11 Nov (1 more);
	// 李 grants on 14 Nov (3 more: 12–14 Nov).
	c := build(t, ref(t, "licensing"), "XK-A", append(accepted(),
		ev{wang, "notify_hearing_right", at(2025, 11, 3), nil},
		ev{li, "hearing_window_closed", at(2025, 11, 11), nil},
		ev{li, "grant", at(2025, 11, 14), decision})...)
	charged, _ := accountability.ReferenceProfile("licensing")
	charged.ChargeWaiting = true
	for _, tc := range []struct {
		name    string
		opts    []accountability.Option
		want    []accountability.StepDelay
		officer string
		step    procedure.State
	}{
		{"waiting is no one's", nil, []accountability.StepDelay{
			{Step: "accepted", Officer: "王敏", Days: 2},
			{Step: "hearing_notice", Days: 5, Waiting: true},
			{Step: "hearing_notice", Officer: "李强", Days: 1},
			{Step: "accepted", Officer: "李强", Days: 3},
		}, "李强", "accepted"}, // four days of 李's against two of 王's
		{"waiting charged", []accountability.Option{accountability.WithProfiles(charged)}, []accountability.StepDelay{
			{Step: "accepted", Officer: "王敏", Days: 2},
			{Step: "hearing_notice", Officer: "李强", Days: 6},
			{Step: "accepted", Officer: "李强", Days: 3},
		}, "李强", "hearing_notice"}, // nine days of 李's, six of them in hearing_notice
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := defaultEvaluator(t, tc.opts...)
			fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 11, 14)), accountability.RuleTimeLimit)
			if len(fs) != 1 {
				t.Fatalf("findings %+v", fs)
			}
			if f := fs[0]; f.Overdue != 11 || f.Officer != tc.officer || f.Step != tc.step || !slices.Equal(f.Delay, tc.want) {
				t.Errorf("attribution %+v (overdue %d, officer %s, step %s), want %+v", f.Delay, f.Overdue, f.Officer, f.Step, tc.want)
			}
		})
	}
}

// TestWindowIsNoDelay: the seven working days to ask for the corrections
// of an unclear request (政府信息公开条例 Art 30) bind only a request that
// needs them; a reply given directly within the twenty working days of
// Art 33 ¶2 is on time, and the passing window lights nothing.
func TestWindowIsNoDelay(t *testing.T) {
	e := defaultEvaluator(t)
	d := ref(t, "disclosure")
	received := ev{wang, "receive", at(2025, 9, 1), map[string]string{"channel": "in_person"}}
	open := build(t, d, "GK-1", received)
	replied := build(t, d, "GK-2", received, ev{li, "disclose", at(2025, 9, 15), map[string]string{"provision": "当面提供"}})
	for _, c := range []*procedure.Case{open, replied} {
		fs := evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: c}}}, day(2025, 9, 15))
		for _, f := range fs {
			if f.Clock == "correction_notice" {
				t.Errorf("%s: %+v", c.ID, f)
			}
		}
	}
	// The step itself taken after the window: late. The reference
	// definition refuses it; a definition that records it is judged.
	s := d.Spec()
	s.ID = "disclosure-late-corrections"
	for i, tr := range s.Transitions {
		if tr.Trigger == "request_correction" {
			s.Transitions[i].Guards = slices.DeleteFunc(slices.Clone(tr.Guards), func(g procedure.GuardSpec) bool { return g.Kind == procedure.GuardClockExpired })
		}
	}
	late, err := procedure.New(s)
	if err != nil {
		t.Fatal(err)
	}
	c := build(t, late, "GK-3", received, ev{li, "request_correction", at(2025, 9, 15), map[string]string{"items": "所需信息的名称", "correct_by": "2025-09-30"}})
	e = defaultEvaluator(t, accountability.WithDefinitions(late))
	fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: c}}}, day(2025, 9, 15)), accountability.RuleTimeLimit)
	if len(fs) != 1 || fs[0].Clock != "correction_notice" || fs[0].Overdue != 3 || fs[0].Citation.Article != 30 {
		t.Errorf("corrections asked for on the tenth working day: %+v", fs)
	}
}
