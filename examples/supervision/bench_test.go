package supervision_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// benchCases is the size of the benchmarks' data set: 10,000 cases of
// the thirteen templates, licensing, complaints and information requests
// through 2025, about four events each.
const benchCases = 10_000

// benchStores runs f on a store of benchCases cases on each backend.
func benchStores(b *testing.B, f func(b *testing.B, st *supervision.Store)) {
	cases := buildCases(b, benchCases)
	for _, be := range backends() {
		b.Run(be.name, func(b *testing.B) {
			st := be.store(b, supervision.WithLadder(accountability.ZhejiangLadder()))
			seedRoster(b, st)
			importCases(b, st, cases)
			b.ReportAllocs()
			b.ResetTimer()
			f(b, st)
		})
	}
}

// BenchmarkScan is the electronic-supervision scan over the data set in
// the middle of the year: every case with a running clock read (a page
// of 1,000 cases with all their events per query), replayed, advanced
// and counted.
func BenchmarkScan(b *testing.B) {
	benchStores(b, func(b *testing.B, st *supervision.Store) {
		for b.Loop() {
			board, err := st.Scan(context.Background(), cst(2025, 7, 1, 9))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(board.Cases), "open-cases")
		}
	})
}

// BenchmarkReport is the year's accountability report over the whole
// data set: every case read and replayed, evaluated, with sanctions.
func BenchmarkReport(b *testing.B) {
	benchStores(b, func(b *testing.B, st *supervision.Store) {
		for b.Loop() {
			r, err := st.Report(context.Background(), day(2025, 1, 1), day(2025, 12, 31), cst(2026, 3, 31, 0))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(r.Findings)), "findings")
		}
	})
}

// BenchmarkCase reads one case and replays it.
func BenchmarkCase(b *testing.B) {
	benchStores(b, func(b *testing.B, st *supervision.Store) {
		for b.Loop() {
			if _, err := st.Case(context.Background(), "licensing-late-00001"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAppend appends one event to an accepted licence case in its
// own transaction: the case is rebuilt from its log under the row lock,
// the event fired and written. A new case is started every 50 events, as
// each append replays the whole log.
func BenchmarkAppend(b *testing.B) {
	benchStores(b, func(b *testing.B, st *supervision.Store) {
		ctx := context.Background()
		clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
		id := ""
		n := 0
		for b.Loop() {
			if n%50 == 0 {
				b.StopTimer()
				id = fmt.Sprintf("B-%d", n)
				if err := st.CreateCase(ctx, supervision.CaseInfo{ID: id, Definition: "licensing", Unit: "审批局", Created: cst(2025, 3, 3, 9)}); err != nil {
					b.Fatal(err)
				}
				if _, err := st.AppendEvents(ctx, id,
					procedure.Event{Trigger: "receive", At: cst(2025, 3, 3, 9), Actor: clerk, Payload: p("voucher", "收件")},
					procedure.Event{Trigger: "accept", At: cst(2025, 3, 4, 9), Actor: clerk, Payload: p("voucher", "受理")}); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			n++
			if _, err := st.AppendEvents(ctx, id, procedure.Event{Trigger: "notify_interested", At: cst(2025, 3, 5, 9), Actor: clerk, Payload: p("parties", "住户")}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkImport loads 1,000 cases in one transaction.
func BenchmarkImport(b *testing.B) {
	cases := buildCases(b, 1000)
	for _, be := range backends() {
		b.Run(be.name, func(b *testing.B) {
			st := be.store(b)
			seedRoster(b, st)
			b.ReportAllocs()
			round := 0
			for b.Loop() {
				batch := make([]supervision.ImportCase, len(cases))
				for i, c := range cases {
					batch[i] = c.imp
					batch[i].Info.ID = fmt.Sprintf("%s-%d", c.imp.Info.ID, round)
				}
				round++
				if err := st.Import(context.Background(), batch...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInput is the database's share of BenchmarkReport: the year's
// cases read and replayed, with the roster and inquiries, before any
// evaluation.
func BenchmarkInput(b *testing.B) {
	benchStores(b, func(b *testing.B, st *supervision.Store) {
		for b.Loop() {
			in, err := st.Input(context.Background(), day(2025, 1, 1), day(2025, 12, 31), cst(2026, 3, 31, 0))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(in.Records)), "records")
		}
	})
}
