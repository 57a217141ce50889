package cli_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/cli"
)

// dates draws dates across the national calendar's coverage and a month
// either side of it.
func dates() *rapid.Generator[date.Date] {
	from, to := deadline.ChinaMainland().Coverage()
	return rapid.Custom(func(t *rapid.T) date.Date {
		return from + date.Date(rapid.IntRange(-31, int(to-from)+31).Draw(t, "offset"))
	})
}

// withFlag inserts a flag at a drawn position among the arguments: xn
// reads flags anywhere.
func withFlag(t *rapid.T, args []string, flag string) []string {
	i := rapid.IntRange(0, len(args)).Draw(t, "flag position")
	return slices.Insert(slices.Clone(args), i, flag)
}

// `xn deadline add DATE N` prints exactly what deadline.AddWorkingDays
// returns, and exits 2 with a message naming the date and the coverage
// exactly when the library refuses.
func TestAddAgreesWithLibrary(t *testing.T) {
	cal := deadline.ChinaMainland()
	from, to := cal.Coverage()
	rapid.Check(t, func(t *rapid.T) {
		d := dates().Draw(t, "date")
		n := rapid.IntRange(-400, 400).Draw(t, "n")
		want, err := cal.AddWorkingDays(d, n)
		code, out, errOut := run(t, "", "deadline", "add", d.String(), strconv.Itoa(n))
		if err != nil {
			if code != cli.ExitUsage || out != "" {
				t.Fatalf("library refuses (%v); xn exits %d with %q", err, code, out)
			}
			if !strings.Contains(errOut, from.String()) || !strings.Contains(errOut, to.String()) {
				t.Fatalf("message %q does not name the coverage", errOut)
			}
			if (d < from || d > to) && !strings.Contains(errOut, d.String()) {
				t.Fatalf("message %q does not name the date", errOut)
			}
			return
		}
		if code != cli.ExitOK || out != want.String()+"\n" || errOut != "" {
			t.Fatalf("xn deadline add %s %d: exit %d, %q, %q; want %s", d, n, code, out, errOut, want)
		}
	})
}

// `xn deadline between D (D + N working days) --json` says N, with the
// flag anywhere on the line.
func TestBetweenInvertsAdd(t *testing.T) {
	cal := deadline.ChinaMainland()
	rapid.Check(t, func(t *rapid.T) {
		d := dates().Draw(t, "date")
		n := rapid.IntRange(-400, 400).Draw(t, "n")
		end, err := cal.AddWorkingDays(d, n)
		if err != nil {
			t.Skip("outside the coverage")
		}
		args := withFlag(t, []string{d.String(), end.String()}, "--json")
		code, out, errOut := run(t, "", append([]string{"deadline", "between"}, args...)...)
		if code != cli.ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res struct {
			WorkingDays int `json:"working_days"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if res.WorkingDays != n {
			t.Fatalf("between %s and %s: %d, want %d", d, end, res.WorkingDays, n)
		}
	})
}

// Arguments that are not dates or numbers never crash xn and always exit
// 2 with a message and nothing on standard output.
func TestAddGarbage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.String().Draw(t, "date")
		b := rapid.String().Draw(t, "n")
		if _, err := deadline.ParseDate(a); err == nil {
			t.Skip("a date")
		}
		code, out, errOut := run(t, "", "deadline", "add", "--", a, b)
		if code != cli.ExitUsage || out != "" || errOut == "" {
			t.Fatalf("xn deadline add %q %q: exit %d, stdout %q, stderr %q", a, b, code, out, errOut)
		}
	})
}

// No command line, however wrong, makes xn fail internally: every run
// exits 0, 1 or 2, and a failure says why on standard error.
func TestArbitraryArgs(t *testing.T) {
	t.Chdir(filepath.Join("..", "testdata"))
	var words []string
	for _, c := range cli.Commands() {
		if c != "serve" {
			words = append(words, strings.Fields(c)...)
		}
	}
	words = append(words,
		"2025-09-26", "2030-01-02", "2025-02-29", "20", "-5", "0", "x", "-", "--",
		"licensing-decision", "penalty-decision", "90d", "6m", "20wd", "licensing", "receive", "grant", "S-001", "S-006", "SCJG-XK-001",
		"--json", "--help", "--as-of", "--at", "--id", "--calendar", "--benchmark", "--party", "citizen", "--kinds", "fine", "--fine",
		"--factor", "art30-minor", "--exclude", "2025-10-13..2025-10-17:expert_review", "--extend", "2025-11-03:10:局长:x", "--stop",
		"--ladder", "zhejiang", "--rules", "--on", "--format", "ics", "mermaid", "--all", "--definition", "--facts", "--decision",
		"small-calendar.json", "small-calendar.ics", "invalid-calendar.json", "malformed.json", "benchmark.json", "catalogue.json",
		"records.json", "events.json", "case-accepted.json", "case-received.json", "clock.json", "facts.json", "info-request.json")
	rapid.Check(t, func(t *rapid.T) {
		args := rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(words), rapid.String()), 0, 8).Draw(t, "args")
		if slices.Contains(args, "serve") || slices.Contains(args, "-o") {
			t.Skip("serves or writes files")
		}
		code, _, errOut := run(t, "", args...)
		if code == cli.ExitInternal || strings.Contains(errOut, "internal error:") {
			t.Fatalf("xn %q: exit %d: %s", args, code, errOut)
		}
		if code == cli.ExitUsage && errOut == "" {
			t.Fatalf("xn %q: exit 2 without a message", args)
		}
	})
}
