package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/cli"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// now is the fixed time of every run: 20 November 2025, 09:30 in Beijing.
var now = time.Date(2025, 11, 20, 9, 30, 0, 0, deadline.ChinaStandardTime())

// run runs xn with the arguments and standard input, from the module's
// testdata directory, and returns the exit code and both outputs.
func run(t interface{ Helper() }, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return now },
	})
	return code, out.String(), errOut.String()
}

// chdir runs the test from the module's testdata directory, so that
// golden files name the fixtures as users would.
func chdir(t *testing.T) {
	t.Helper()
	t.Chdir(filepath.Join("..", "testdata"))
}

type golden struct {
	name  string
	args  string
	stdin string // a fixture file to feed as standard input
	code  int
}

// cases are the end-to-end runs of every subcommand, with the exit code
// each must give. Their outputs are in testdata/golden/cli.
var cases = []golden{
	// The overview and help.
	{"no-args", "", "", cli.ExitUsage},
	{"help", "help", "", cli.ExitOK},
	{"unknown-command", "frobnicate", "", cli.ExitUsage},
	{"group-help", "deadline", "", cli.ExitUsage},
	{"group-help-flag", "case --help", "", cli.ExitOK},
	{"unknown-subcommand", "deadline soon", "", cli.ExitUsage},
	{"help-deadline-add", "deadline add --help", "", cli.ExitOK},
	{"help-via-help", "help discretion check", "", cli.ExitOK},

	// deadline add: the contract for scripts.
	{"add", "deadline add 2025-09-26 20", "", cli.ExitOK},
	{"add-json", "deadline add 2025-09-26 20 --json", "", cli.ExitOK},
	{"add-flag-first", "deadline add --json 2025-09-26 20", "", cli.ExitOK},
	{"add-negative", "deadline add 2025-10-30 -20", "", cli.ExitOK},
	{"add-out-of-coverage", "deadline add 2030-01-02 5", "", cli.ExitUsage},
	{"add-out-of-coverage-json", "deadline add 2030-01-02 5 --json", "", cli.ExitUsage},
	{"add-runs-past", "deadline add 2026-12-20 50", "", cli.ExitUsage},
	{"add-extended", "deadline add 2026-12-20 30 --extend-through 2027-06-30", "", cli.ExitOK},
	{"add-bad-date", "deadline add 2025-02-29 5", "", cli.ExitUsage},
	{"add-bad-n", "deadline add 2025-09-26 twenty", "", cli.ExitUsage},
	{"add-missing-arg", "deadline add 2025-09-26", "", cli.ExitUsage},
	{"add-unknown-flag", "deadline add 2025-09-26 20 --fast", "", cli.ExitUsage},
	{"add-calendar-json", "deadline add 2025-01-24 3 --calendar small-calendar.json", "", cli.ExitOK},
	{"add-calendar-ics", "deadline add 2025-01-24 3 --calendar small-calendar.ics", "", cli.ExitOK},
	{"add-calendar-invalid", "deadline add 2025-01-24 3 --calendar invalid-calendar.json", "", cli.ExitUsage},
	{"add-calendar-malformed", "deadline add 2025-01-24 3 --calendar malformed.json", "", cli.ExitUsage},
	{"add-calendar-missing", "deadline add 2025-01-24 3 --calendar no-such-file.json", "", cli.ExitUsage},

	{"between", "deadline between 2025-09-26 2025-10-30", "", cli.ExitOK},
	{"between-json", "deadline between 2025-10-30 2025-09-26 --json", "", cli.ExitOK},
	{"between-out-of-coverage", "deadline between 2006-12-29 2007-01-05", "", cli.ExitUsage},

	{"due-rule", "deadline due 2025-09-26 licensing-decision", "", cli.ExitOK},
	{"due-rule-rolled", "deadline due 2025-07-04 penalty-decision", "", cli.ExitOK},
	{"due-period", "deadline due 2025-07-04 90d", "", cli.ExitOK},
	{"due-month-no-roll", "deadline due 2025-01-31 1m --roll none --json", "", cli.ExitOK},
	{"due-unknown-rule", "deadline due 2025-09-26 licensing-decisions", "", cli.ExitUsage},
	{"due-bad-roll", "deadline due 2025-07-04 90d --roll sometimes", "", cli.ExitUsage},

	{"status", "deadline status licensing-decision 2025-09-26 --as-of 2025-11-18 --exclude 2025-10-13..2025-10-17:expert_review:专家评审 --extend 2025-11-03:10:局长:需组织现场核查", "", cli.ExitOK},
	{"status-json", "deadline status licensing-decision 2025-09-26 --as-of 2025-11-18 --exclude 2025-10-13..2025-10-17:expert_review --json", "", cli.ExitFinding},
	{"status-red", "deadline status licensing-decision 2025-09-26", "", cli.ExitFinding},
	{"status-clock-file", "deadline status --clock clock.json --as-of 2025-10-20", "", cli.ExitOK},
	{"status-stopped", "deadline status licensing-decision 2025-09-26 --stop 2025-10-20:准予许可 --as-of 2025-11-20", "", cli.ExitOK},
	{"status-days", "deadline status penalty-decision 2025-08-19 --as-of 2025-11-14", "", cli.ExitOK},
	{"status-refused-cause", "deadline status licensing-decision 2025-09-26 --as-of 2025-11-18 --exclude 2025-10-13..2025-10-17:consultation", "", cli.ExitUsage},
	{"status-refused-extension", "deadline status licensing-decision 2025-09-26 --as-of 2025-11-18 --extend 2025-10-10:20:局长:太多", "", cli.ExitUsage},
	{"status-bad-ledger-flag", "deadline status licensing-decision 2025-09-26 --exclude 2025-10-13", "", cli.ExitUsage},
	{"status-unknown-rule", "deadline status licence 2025-09-26 --as-of 2025-10-01", "", cli.ExitUsage},
	{"explain", "deadline explain licensing-decision 2025-09-26 --as-of 2025-11-18 --exclude 2025-10-13..2025-10-17:expert_review --extend 2025-11-03:10:局长:需组织现场核查", "", cli.ExitOK},
	{"explain-red-json", "deadline explain penalty-hearing-request 2025-09-26 --as-of 2025-10-20 --json", "", cli.ExitFinding},
	{"rules", "deadline rules", "", cli.ExitOK},

	// calendar
	{"calendar-show", "calendar show 2025", "", cli.ExitOK},
	{"calendar-show-custom-json", "calendar show 2025 --calendar small-calendar.json --json", "", cli.ExitOK},
	{"calendar-show-out-of-coverage", "calendar show 2030", "", cli.ExitUsage},
	{"calendar-show-bad-year", "calendar show twenty", "", cli.ExitUsage},
	{"calendar-validate", "calendar validate small-calendar.json", "", cli.ExitOK},
	{"calendar-validate-ics-json", "calendar validate small-calendar.ics --json", "", cli.ExitOK},
	{"calendar-validate-invalid", "calendar validate invalid-calendar.json", "", cli.ExitFinding},
	{"calendar-validate-malformed-json", "calendar validate malformed.json --json", "", cli.ExitFinding},
	{"calendar-validate-missing", "calendar validate no-such-file.json", "", cli.ExitUsage},
	{"calendar-export-ics", "calendar export --format ics --calendar small-calendar.json", "", cli.ExitOK},
	{"calendar-export-json", "calendar export --calendar small-calendar.ics --json", "", cli.ExitOK},
	{"calendar-export-bad-format", "calendar export --format pdf", "", cli.ExitUsage},

	// case
	{"case-procedures", "case procedures", "", cli.ExitOK},
	{"case-start", "case start licensing --id XK-2025-010", "", cli.ExitOK},
	{"case-start-json", "case start licensing --id XK-2025-010 --json", "", cli.ExitOK},
	{"case-start-definition", "case start --definition info-request.json --id GK-2025-001", "", cli.ExitOK},
	{"case-start-unknown", "case start licence --id X", "", cli.ExitUsage},
	{"case-start-no-id", "case start licensing", "", cli.ExitUsage},
	{"case-fire", "case fire case-accepted.json grant --at 2025-10-20T16:00 --officer 李强 --unit 市场监管局 --payload decision=准予许可决定书", "", cli.ExitOK},
	{"case-fire-stdin-json", "case fire - receive --at 2025-09-25T10:00:00+08:00 --officer 王敏 --unit 市场监管局 --payload voucher=收件010 --json", "case-started.json", cli.ExitOK},
	{"case-fire-refused", "case fire case-accepted.json grant --at 2025-10-20T16:00 --officer 李强 --unit 市场监管局", "", cli.ExitUsage},
	{"case-fire-unknown-trigger", "case fire case-accepted.json approve --at 2025-10-20T16:00 --officer 李强", "", cli.ExitUsage},
	{"case-fire-expired", "case fire case-received.json accept --at 2025-10-15T10:00 --officer 王敏 --unit 市场监管局", "", cli.ExitUsage},
	{"case-fire-malformed", "case fire malformed.json grant", "", cli.ExitUsage},
	{"case-fire-bad-at", "case fire case-accepted.json grant --at yesterday", "", cli.ExitUsage},
	// Office hours: after closing on Fri 26 Sep 2025, the application
	// counts from Sun 28 September, a make-up working day.
	{"case-fire-after-closing", "case fire case-started.json receive --at 2025-09-26T17:30 --officer 王敏 --unit 市场监管局 --payload voucher=收件011 --close 17:00 --defer --json", "", cli.ExitOK},
	{"case-fire-bad-close", "case fire case-started.json receive --at 2025-09-26T17:30 --payload voucher=收件011 --close 17:75", "", cli.ExitUsage},
	{"case-fire-bad-night", "case fire case-started.json receive --at 2025-09-26T17:30 --payload voucher=收件011 --night 22:00", "", cli.ExitUsage},
	{"case-start-bad-night-bound", "case start penalty --id CF-1 --night 22:00-6:00", "", cli.ExitUsage},
	{"case-replay", "case replay events.json --procedure licensing --id XK-2025-003", "", cli.ExitOK},
	{"case-replay-case", "case replay case-accepted.json --json", "", cli.ExitOK},
	{"case-replay-refused", "case replay events-refused.json --procedure licensing --id XK-2025-005", "", cli.ExitUsage},
	{"case-replay-no-procedure", "case replay events.json --id X", "", cli.ExitUsage},
	{"case-due", "case due case-accepted.json --as-of 2025-10-29", "", cli.ExitOK},
	{"case-due-days", "case due case-penalty-filed.json --as-of 2025-11-14", "", cli.ExitOK},
	{"case-due-red-json", "case due case-accepted.json --as-of 2025-11-01 --json", "", cli.ExitFinding},
	{"case-advance", "case advance case-received.json --as-of 2025-10-09", "", cli.ExitOK},
	{"case-advance-deemed", "case advance case-received.json --as-of 2025-10-10", "", cli.ExitOK},
	// Received Thu 25 Sep 2025: the next morning a licence can no longer
	// be decided on the spot (行政许可法 Art 34 ¶2); once the five working
	// days of Art 32 ¶1(4) ran out, 视为受理 applies first.
	{"case-next", "case next case-received.json --at 2025-09-26T09:00", "", cli.ExitOK},
	{"case-next-json", "case next case-received.json --at 2025-09-26T09:00:00+08:00 --json", "", cli.ExitOK},
	{"case-next-outcome-due", "case next case-received.json --at 2025-10-10T09:00", "", cli.ExitUsage},
	{"case-next-before-last-event", "case next case-received.json --at 2025-09-25", "", cli.ExitUsage},
	{"case-next-bad-at", "case next case-received.json --at tomorrow", "", cli.ExitUsage},
	{"case-next-now", "case next case-accepted.json", "", cli.ExitOK},
	{"case-diagram", "case diagram disclosure", "", cli.ExitOK},
	{"case-diagram-mermaid", "case diagram disclosure --format mermaid", "", cli.ExitOK},
	{"case-diagram-unknown", "case diagram nothing", "", cli.ExitUsage},

	// discretion
	{"discretion-assess", "discretion assess --benchmark benchmark.json S-001 --party organisation", "", cli.ExitOK},
	{"discretion-assess-minor", "discretion assess --benchmark benchmark.json S-006 --facts facts.json", "", cli.ExitOK},
	{"discretion-assess-multiple-json", "discretion assess --benchmark benchmark.json S-002 --party organisation --gains 30000 --json", "", cli.ExitOK},
	{"discretion-assess-art29", "discretion assess --benchmark benchmark.json S-003 --party organisation --already-fined --other-norm S-004", "", cli.ExitOK},
	{"discretion-assess-unknown-standard", "discretion assess --benchmark benchmark.json S-999 --party citizen", "", cli.ExitUsage},
	{"discretion-assess-unknown-factor", "discretion assess --benchmark benchmark.json S-001 --party citizen --factor art99-lucky", "", cli.ExitUsage},
	{"discretion-assess-bad-party", "discretion assess --benchmark benchmark.json S-001 --party alien", "", cli.ExitUsage},
	{"discretion-assess-no-benchmark", "discretion assess S-001 --party citizen", "", cli.ExitUsage},
	{"discretion-assess-invalid-benchmark", "discretion assess --benchmark invalid-benchmark.json S-001 --party citizen", "", cli.ExitUsage},
	{"discretion-check-inside", "discretion check --benchmark benchmark.json S-001 --party organisation --kinds fine --fine 5000 --procedures hearing_notice", "", cli.ExitOK},
	{"discretion-check-outside", "discretion check --benchmark benchmark.json S-001 --party citizen --factor art30-minor --decision decision-outside.json", "", cli.ExitFinding},
	{"discretion-check-json", "discretion check --benchmark benchmark.json S-001 --party organisation --kinds fine --fine 5000 --json", "", cli.ExitFinding},
	{"discretion-check-lower-norm", "discretion check --benchmark benchmark.json S-001 --party organisation --other-norm S-004 --kinds fine --fine 4000", "", cli.ExitFinding},
	{"discretion-check-bad-kind", "discretion check --benchmark benchmark.json S-001 --party citizen --kinds flogging", "", cli.ExitUsage},
	{"discretion-validate", "discretion validate benchmark.json", "", cli.ExitOK},
	{"discretion-validate-invalid", "discretion validate invalid-benchmark.json", "", cli.ExitFinding},
	{"discretion-validate-malformed", "discretion validate malformed.json --json", "", cli.ExitFinding},

	// accountability
	{"accountability-evaluate", "accountability evaluate records.json --as-of 2025-11-20 --ladder zhejiang", "", cli.ExitFinding},
	{"accountability-evaluate-json", "accountability evaluate records.json --as-of 2025-11-20 --json", "", cli.ExitFinding},
	{"accountability-evaluate-clean", "accountability evaluate records-clean.json --as-of 2025-11-20", "", cli.ExitOK},
	{"accountability-evaluate-rules", "accountability evaluate records.json --as-of 2025-11-20 --rules one-time-notice,deemed-acceptance", "", cli.ExitOK},
	{"accountability-evaluate-malformed", "accountability evaluate records-malformed.json --as-of 2025-11-20", "", cli.ExitUsage},
	{"accountability-evaluate-bad-ladder", "accountability evaluate records.json --as-of 2025-11-20 --ladder beijing", "", cli.ExitUsage},

	// catalogue
	{"catalogue-validate", "catalogue validate catalogue.json", "", cli.ExitOK},
	{"catalogue-validate-invalid", "catalogue validate invalid-catalogue.json", "", cli.ExitFinding},
	{"catalogue-guide", "catalogue guide catalogue.json SCJG-XK-001 --on 2025-03-01", "", cli.ExitOK},
	{"catalogue-guide-markdown-json", "catalogue guide catalogue.json SCJG-XK-001 --on 2025-03-01 --markdown --json", "", cli.ExitOK},
	{"catalogue-guide-unknown", "catalogue guide catalogue.json XX-000 --on 2025-03-01", "", cli.ExitUsage},
	{"catalogue-guide-not-in-force", "catalogue guide catalogue.json SCJG-XK-002 --on 2024-03-01", "", cli.ExitUsage},
}

// TestGolden runs every case and compares its exit code and outputs with
// the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	chdir(t)
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("two cases named %s", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			stdin := ""
			if tc.stdin != "" {
				b, err := os.ReadFile(tc.stdin)
				if err != nil {
					t.Fatal(err)
				}
				stdin = string(b)
			}
			args := strings.Fields(tc.args)
			code, out, errOut := run(t, stdin, args...)
			got := fmt.Sprintf("$ xn %s\nexit %d\n--- stdout\n%s--- stderr\n%s", tc.args, code, out, errOut)
			if tc.stdin != "" {
				got = fmt.Sprintf("$ xn %s < %s\nexit %d\n--- stdout\n%s--- stderr\n%s", tc.args, tc.stdin, code, out, errOut)
			}
			compareGolden(t, filepath.Join("golden", "cli", tc.name+".txt"), got)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tc.code, errOut)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, ".go:") {
				t.Errorf("stderr shows a stack trace:\n%s", errOut)
			}
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, d)
	}
}

// Every subcommand answers --help with its usage, examples and the exit
// codes, on standard output, with exit 0.
func TestHelpEverySubcommand(t *testing.T) {
	for _, path := range cli.Commands() {
		code, out, errOut := run(t, "", append(strings.Fields(path), "--help")...)
		if code != cli.ExitOK || errOut != "" {
			t.Errorf("xn %s --help: exit %d, stderr %q", path, code, errOut)
		}
		for _, want := range []string{"Usage: xn " + path, "--json", "Exit codes:"} {
			if !strings.Contains(out, want) {
				t.Errorf("xn %s --help lacks %q", path, want)
			}
		}
		if !strings.Contains(out, "Examples:") {
			t.Errorf("xn %s --help has no examples", path)
		}
	}
}

// Every subcommand has a golden run.
func TestGoldenCoversEverySubcommand(t *testing.T) {
	for _, path := range cli.Commands() {
		if path == "serve" {
			continue // TestServe
		}
		found := false
		for _, tc := range cases {
			if strings.HasPrefix(tc.args+" ", path+" ") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no golden run of xn %s", path)
		}
	}
}

// The national calendar exports to exactly what package ics writes.
func TestCalendarExportChinaMainland(t *testing.T) {
	code, out, errOut := run(t, "", "calendar", "export", "--format", "ics")
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := ics.Export(deadline.ChinaMainland(), ics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("xn calendar export --format ics differs from ics.Export(deadline.ChinaMainland())")
	}
}

// Writing to a file with -o.
func TestCalendarExportToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cal.json")
	code, out, errOut := run(t, "", "calendar", "export", "-o", path)
	if code != cli.ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deadline.ParseCalendar(b); err != nil {
		t.Errorf("the exported file does not read back: %v", err)
	}
}

// xn serve starts the service with the flags' configuration and reports
// where it listens; the server itself is tested in package server.
func TestServe(t *testing.T) {
	chdir(t)
	var got cli.ServeOptions
	var errOut bytes.Buffer
	code := cli.Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--benchmark", "benchmark.json", "--catalogue", "catalogue.json", "--quiet"}, cli.Env{
		Stderr: &errOut,
		Serve: func(ctx context.Context, o cli.ServeOptions) error {
			got = o
			o.Ready(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
			return nil
		},
	})
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got.Addr != "127.0.0.1:0" || got.Config.Service.Benchmark == nil || got.Config.Service.Catalogue == nil || got.Config.Logger != nil {
		t.Errorf("serve options %+v", got)
	}
	if want := "xn: serving on http://127.0.0.1:8080 (calendar cn-mainland)"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q lacks %q", errOut.String(), want)
	}

	code = cli.Run(context.Background(), []string{"serve", "--benchmark", "invalid-benchmark.json"}, cli.Env{Stderr: &errOut,
		Serve: func(context.Context, cli.ServeOptions) error { t.Error("served with an invalid benchmark"); return nil }})
	if code != cli.ExitUsage {
		t.Errorf("serve with an invalid benchmark: exit %d, want %d", code, cli.ExitUsage)
	}
	code = cli.Run(context.Background(), []string{"serve"}, cli.Env{Stderr: &errOut,
		Serve: func(context.Context, cli.ServeOptions) error {
			return errors.New("listen tcp 127.0.0.1:8080: bind: address already in use")
		}})
	if code != cli.ExitUsage {
		t.Errorf("serve that cannot listen: exit %d, want %d", code, cli.ExitUsage)
	}
}

// A fault inside a command exits 3 with one line and no stack trace.
func TestInternalError(t *testing.T) {
	var errOut bytes.Buffer
	code := cli.Run(context.Background(), []string{"serve", "--quiet"}, cli.Env{Stderr: &errOut,
		Serve: func(context.Context, cli.ServeOptions) error { panic("boom") }})
	if code != cli.ExitInternal {
		t.Errorf("exit %d, want %d", code, cli.ExitInternal)
	}
	if got := errOut.String(); got != "xn: internal error: boom\n" {
		t.Errorf("stderr %q", got)
	}
}
