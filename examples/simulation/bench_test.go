package simulation_test

import (
	"context"
	"testing"

	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

// BenchmarkRun runs the main job's year: 5,000 applications, 600
// complaints, 400 requests, 120 assistance requests, 2,500 inquiries.
func BenchmarkRun(b *testing.B) {
	cfg := simulation.DefaultConfig(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := simulation.Run(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport renders the main job's report: Markdown, JSON, chart.
func BenchmarkReport(b *testing.B) {
	res, err := simulation.Run(context.Background(), simulation.DefaultConfig(1))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = res.Markdown()
		if _, err := res.JSON(); err != nil {
			b.Fatal(err)
		}
		_ = res.SVG()
	}
}
