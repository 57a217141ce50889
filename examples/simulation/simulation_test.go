package simulation_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// small is a configuration small enough for a golden file: a few hundred
// cases, every kind of them.
func small(seed uint64) simulation.Config {
	return simulation.Config{Seed: seed, Applications: 200, Complaints: 30, Requests: 20, Assistance: 8, Inquiries: 100}
}

func run(t testing.TB, cfg simulation.Config) *simulation.Result {
	t.Helper()
	res, err := simulation.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// files returns the report's files as WriteReport writes them.
func files(t testing.TB, res *simulation.Result) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := res.WriteReport(dir); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, name := range []string{simulation.ReportMarkdown, simulation.ReportJSON, simulation.ReportChart} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	return out
}

// TestGolden checks the whole report of a small run against
// testdata/golden; go test -run TestGolden -update rewrites it.
func TestGolden(t *testing.T) {
	got := files(t, run(t, small(7)))
	for name, b := range got {
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s differs from %s (run with -update to accept): %s", name, path, firstDiff(b, want))
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths " + itoa(len(g)) + " and " + itoa(len(w)) + " lines"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

// TestDeterministic runs the same configuration twice: the reports and
// the records are the same bytes.
func TestDeterministic(t *testing.T) {
	cfg := small(11)
	cfg.Applications = 1000
	a, b := run(t, cfg), run(t, cfg)
	fa, fb := files(t, a), files(t, b)
	for name := range fa {
		if !bytes.Equal(fa[name], fb[name]) {
			t.Errorf("%s differs between two runs of one seed: %s", name, firstDiff(fa[name], fb[name]))
		}
	}
	ra, err := a.RecordsJSON()
	if err != nil {
		t.Fatal(err)
	}
	rb, err := b.RecordsJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ra, rb) {
		t.Errorf("records differ between two runs of one seed: %s", firstDiff(ra, rb))
	}
	c := run(t, small(12))
	if bytes.Equal(files(t, c)[simulation.ReportJSON], fa[simulation.ReportJSON]) {
		t.Error("two seeds gave the same report")
	}
}

// TestEveryRuleFires runs the main job's configuration: every rule of
// package accountability finds something, but a deemed renewal (行政许可法
// Art 50 ¶2): the year's licences are new, and none comes up for renewal.
func TestEveryRuleFires(t *testing.T) {
	res := run(t, simulation.DefaultConfig(1))
	n := map[accountability.RuleID]int{}
	for _, f := range res.Findings {
		n[f.Rule]++
	}
	for _, r := range accountability.Rules() {
		if r.ID == accountability.RuleDeemedRenewal {
			if n[r.ID] != 0 {
				t.Errorf("rule %s (%s) found %d in a year with no renewals", r.ID, r.Name, n[r.ID])
			}
			continue
		}
		if n[r.ID] == 0 {
			t.Errorf("rule %s (%s) found nothing", r.ID, r.Name)
		}
	}
	if len(res.Report.Sanctions) == 0 || res.Report.Ranking == nil || len(res.Scan) == 0 {
		t.Errorf("no sanctions, ranking or lights: %d sanctions, %d lights", len(res.Report.Sanctions), len(res.Scan))
	}
	for _, c := range res.Counts.Intake {
		if c.N == 0 && c.Key != "pending" {
			t.Errorf("no application had the intake outcome %s", c.Key)
		}
	}
}

// TestChart checks that the chart is well-formed XML with an svg root
// and labelled axes.
func TestChart(t *testing.T) {
	svg := run(t, small(3)).SVG()
	dec := xml.NewDecoder(strings.NewReader(svg))
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the chart is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Space + " " + se.Name.Local
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("root element %q", root)
	}
	for _, label := range []string{"月份 Month", "按时办结率 On-time rate", "全县 County", "100%"} {
		if !strings.Contains(svg, label) {
			t.Errorf("the chart lacks %q", label)
		}
	}
}

func TestInvalidConfig(t *testing.T) {
	units := simulation.DefaultUnits()
	units[1].Officers[0].ID = units[0].Officers[0].ID
	noWindow := simulation.DefaultUnits()
	noWindow[0].Officers = noWindow[0].Officers[2:]
	stranger := simulation.DefaultUnits()
	stranger[0].Officers[0].Substitute = "无名氏"
	rates := simulation.DefaultRates()
	rates.Late = 1.5
	for _, tc := range []struct {
		name string
		cfg  simulation.Config
	}{
		{"negative count", simulation.Config{Applications: -1}},
		{"rate above one", simulation.Config{Applications: 1, Rates: &rates}},
		{"officer on two rosters", simulation.Config{Applications: 1, Units: units}},
		{"unit without a window", simulation.Config{Applications: 1, Units: noWindow}},
		{"substitute not on the roster", simulation.Config{Applications: 1, Units: stranger}},
		{"no units", simulation.Config{Applications: 1, Units: []simulation.Unit{}}},
		{"a year the catalogue is not in force", simulation.Config{Year: 2024, Applications: 1}},
		{"a year whose next the calendar does not cover", simulation.Config{Year: 2026, Applications: 1}},
		{"a ladder with no measures", simulation.Config{Applications: 1, Ladder: &accountability.LadderSpec{ID: "x", Name: "x"}}},
	} {
		_, err := simulation.Run(context.Background(), tc.cfg)
		if !errors.Is(err, simulation.ErrInvalidConfig) {
			t.Errorf("%s: got %v, want ErrInvalidConfig", tc.name, err)
		}
	}
}

// TestCountyLadder sanctions on the county's ladder of repeat counts
// instead of Zhejiang's measures.
func TestCountyLadder(t *testing.T) {
	cfg := small(9)
	county := accountability.CountyLadder()
	cfg.Ladder = &county
	res := run(t, cfg)
	if res.Ladder.ID != county.ID || len(res.Report.Sanctions) == 0 {
		t.Fatalf("ladder %s, %d sanctions", res.Ladder.ID, len(res.Report.Sanctions))
	}
	measures := map[string]bool{}
	for _, m := range county.Measures {
		measures[m.ID] = true
	}
	for _, s := range res.Report.Sanctions {
		if !measures[s.Measure.ID] {
			t.Fatalf("sanction %s is not a measure of the county ladder", s.Measure.ID)
		}
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := simulation.Run(ctx, small(1)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}

func TestProgress(t *testing.T) {
	cfg := small(5)
	var calls [][2]int
	cfg.Progress = func(done, total int) { calls = append(calls, [2]int{done, total}) }
	run(t, cfg)
	total := cfg.Applications + cfg.Complaints + cfg.Requests + cfg.Assistance + cfg.Inquiries + 3
	if len(calls) == 0 || len(calls) > 210 || calls[len(calls)-1] != [2]int{total, total} {
		t.Fatalf("%d calls, last %v, want the last (%d, %d)", len(calls), calls[len(calls)-1], total, total)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] <= calls[i-1][0] || calls[i][1] != total {
			t.Fatalf("call %d: %v after %v", i, calls[i], calls[i-1])
		}
	}
}

// TestScanAgreesWithFindings: the lights of the scan day are the
// electronic-supervision findings of the evaluation: the same limits
// yellow and red, none of them suspended (中止: a count that stands still
// lights no yellow). Seed 24 ends the year with a licence whose promised
// limit a hearing suspended on its last day (行政许可法 Art 45).
func TestScanAgreesWithFindings(t *testing.T) {
	for _, cfg := range []simulation.Config{small(7), small(24), simulation.DefaultConfig(1)} {
		res := run(t, cfg)
		var scan, found []string
		for _, l := range res.Scan {
			scan = append(scan, l.Light.String()+" "+l.Case+" "+l.Clock)
		}
		for _, f := range res.Findings {
			switch f.Rule {
			case accountability.RuleYellowLight:
				found = append(found, deadline.LevelYellow.String()+" "+f.Case+" "+f.Clock)
			case accountability.RuleRedLight:
				found = append(found, deadline.LevelRed.String()+" "+f.Case+" "+f.Clock)
			}
		}
		slices.Sort(scan)
		slices.Sort(found)
		if !slices.Equal(scan, found) {
			t.Errorf("seed %d: the scan lit %q, the evaluation found %q", cfg.Seed, scan, found)
		}
	}
}
