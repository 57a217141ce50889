package accountability_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// benchCases builds the distinct licensing cases of the benchmarks, each
// of about ten events, one per kind: on time, late, extended and late,
// deemed accepted, refused with and without a register entry, still open.
func benchCases(b *testing.B) map[string][]accountability.Record {
	b.Helper()
	d := ref(b, "licensing")
	out := map[string][]accountability.Record{}
	for i := range 200 {
		base := at(2025, 1, 6).AddDate(0, 0, i)
		recv := ev{wang, "receive", base, voucher}
		acc := ev{wang, "accept", base.AddDate(0, 0, 1), voucher}
		common := []ev{recv, acc,
			{wang, "notify_interested", base.AddDate(0, 0, 3), map[string]string{"parties": "相邻住户"}},
			{wang, "exclude_time", base.AddDate(0, 0, 8), map[string]string{"cause": "expert_review", "duration": "3个工作日"}},
			{wang, "resume_count", base.AddDate(0, 0, 11), nil},
			{wang, "notify_hearing_right", base.AddDate(0, 0, 12), nil},
			{li, "waive_hearing", base.AddDate(0, 0, 13), map[string]string{"waiver": "书面放弃"}},
		}
		issue := func(after int) []ev {
			return []ev{{li, "issue_certificate", base.AddDate(0, 0, after+1), map[string]string{"certificate": "JY"}},
				{li, "deliver", base.AddDate(0, 0, after+2), nil}}
		}
		add := func(kind string, reg []accountability.RegisterEntry, events ...ev) {
			c := build(b, d, fmt.Sprintf("%s-%d", kind, i), events...)
			out[kind] = append(out[kind], accountability.Record{Unit: []string{"审批局", "市场监管局", "住建局"}[i%3], Case: c, Register: reg})
		}
		add("on-time", nil, append(append(common, ev{li, "grant", base.AddDate(0, 0, 20), decision}), issue(20)...)...)
		add("late", nil, append(append(common, ev{li, "grant", base.AddDate(0, 0, 45), decision}), issue(45)...)...)
		add("extended", nil, append(common, ev{li, "extend", base.AddDate(0, 0, 20), map[string]string{"reasons": "复杂", "approver": "局长"}},
			ev{li, "grant", base.AddDate(0, 0, 60), decision})...)
		add("deemed", nil, append([]ev{recv, {li, "grant", base.AddDate(0, 0, 20), decision}}, issue(20)...)...)
		refused := append(common, ev{li, "refuse", base.AddDate(0, 0, 25), map[string]string{"reasons": "不符合条件", "appeal_rights": "复议诉讼"}})
		add("refused", []accountability.RegisterEntry{{Event: len(refused) - 1, Day: deadline.DateOf(base.AddDate(0, 0, 26)),
			Officer: "李强", Reasons: "不符合条件", Basis: "法规", LeaderOpinion: "同意"}}, refused...)
		add("refused-unregistered", nil, refused...)
		add("open", nil, common...)
	}
	return out
}

// benchRecords returns n records with unique case IDs (sharing the logs
// of the distinct cases), mixed in the given shares of kinds out of 100.
func benchRecords(b *testing.B, n int, mix map[string]int) []accountability.Record {
	b.Helper()
	cases := benchCases(b)
	var kinds []string
	for k, share := range mix {
		for range share {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	out := make([]accountability.Record, n)
	for i := range out {
		kind := kinds[i%len(kinds)]
		r := cases[kind][i%len(cases[kind])]
		c := *r.Case
		c.ID = fmt.Sprintf("%s-%07d", kind, i)
		r.Case = &c
		out[i] = r
	}
	return out
}

// A supervision scan of a period: most cases on time, some late, a few
// deemed accepted, refused without a register entry, or still open.
var realistic = map[string]int{"on-time": 80, "late": 6, "extended": 2, "deemed": 2, "refused": 4, "refused-unregistered": 1, "open": 5}

// Every record with a finding, for the worst case.
var allBreaches = map[string]int{"late": 1, "extended": 1, "deemed": 1, "refused-unregistered": 1, "open": 1}

// BenchmarkEvaluateMillion is the whole rule set over 1,000,000 records
// of about ten events; one iteration is the whole evaluation.
func BenchmarkEvaluateMillion(b *testing.B) {
	for _, mix := range []struct {
		name string
		mix  map[string]int
	}{{"realistic", realistic}, {"all-on-time", map[string]int{"on-time": 1}}, {"all-breaches", allBreaches}} {
		b.Run(mix.name, func(b *testing.B) {
			if testing.Short() && mix.name != "realistic" {
				b.Skip("the worst case is long")
			}
			in := accountability.Input{Records: benchRecords(b, 1_000_000, mix.mix)}
			e := defaultEvaluator(b)
			asOf := day(2025, 9, 30)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				fs, err := e.Evaluate(in, asOf)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(fs)), "findings")
			}
		})
	}
}

// BenchmarkEvaluate100k is the realistic scan over 100,000 records.
func BenchmarkEvaluate100k(b *testing.B) {
	in := accountability.Input{Records: benchRecords(b, 100_000, realistic)}
	e := defaultEvaluator(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Evaluate(in, day(2025, 9, 30)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateBreaches100k is the worst case over 100,000 records.
func BenchmarkEvaluateBreaches100k(b *testing.B) {
	in := accountability.Input{Records: benchRecords(b, 100_000, allBreaches)}
	e := defaultEvaluator(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Evaluate(in, day(2025, 9, 30)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRule evaluates each rule alone over 100,000 records; ns/op is
// per evaluation of the 100,000.
func BenchmarkRule(b *testing.B) {
	in := accountability.Input{Records: benchRecords(b, 100_000, realistic)}
	asOf := day(2025, 9, 30)
	for _, r := range accountability.Rules() {
		opts := []accountability.Option{accountability.WithRules(r.ID)}
		if r.ID == accountability.RuleStepLimit {
			p, _ := accountability.ReferenceProfile("licensing")
			p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 10, Unit: deadline.WorkingDays}}
			opts = append(opts, accountability.WithProfiles(p))
		}
		e := defaultEvaluator(b, opts...)
		b.Run(string(r.ID), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Evaluate(in, asOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSanctions(b *testing.B) {
	fs := evaluate(b, defaultEvaluator(b), accountability.Input{Records: benchRecords(b, 10_000, allBreaches)}, day(2025, 9, 30))
	l, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = l.Sanctions(fs)
	}
}
