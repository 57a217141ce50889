package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

var smallArgs = []string{"-seed", "3", "-applications", "120", "-complaints", "12", "-requests", "10", "-assistance", "4", "-inquiries", "40"}

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := runCmd(t, append(smallArgs, "-out", dir)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"report.md", "report.json", "ontime.svg"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "records.json")); err == nil {
		t.Error("records.json written without -records")
	}
	if !strings.Contains(stdout, "报告 Report: "+filepath.Join(dir, "report.md")) || !strings.Contains(stdout, "120 licence applications") {
		t.Errorf("stdout:\n%s", stdout)
	}
	// Standard error is not a terminal here: a few plain lines, no
	// carriage returns.
	if strings.Contains(stderr, "\r") || !strings.Contains(stderr, "servicecentre: 100%") || strings.Count(stderr, "\n") > 6 {
		t.Errorf("stderr:\n%q", stderr)
	}
	// The same flags print the same summary.
	_, again, _ := runCmd(t, append(smallArgs, "-out", dir, "-quiet")...)
	if again != stdout {
		t.Errorf("two runs printed\n%s\nand\n%s", stdout, again)
	}
}

func TestRecordsQuiet(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, append(smallArgs, "-out", dir, "-records", "-quiet")...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if fi, err := os.Stat(filepath.Join(dir, "records.json")); err != nil || fi.Size() == 0 {
		t.Errorf("records.json: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"-applications", "-1", "-quiet"}, 2},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"-seed", "x"}, 2},
		{[]string{"-h"}, 0},
	} {
		code, stdout, stderr := runCmd(t, append(tc.args, "-out", t.TempDir())...)
		if code != tc.code || stdout != "" || stderr == "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", tc.args, code, tc.code, stdout, stderr)
		}
	}
}

// TestProgressBar checks the bar on a terminal and the plain lines
// elsewhere, for any total and any rising sequence of updates that ends
// at the total: a terminal's redraws are all as wide as the first and the
// line ends once; plain output is at most four lines, the last at 100%.
func TestProgressBar(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := rapid.IntRange(1, 100000).Draw(t, "total")
		steps := rapid.SliceOfN(rapid.IntRange(0, total), 0, 50).Draw(t, "steps")
		var tty, plain bytes.Buffer
		bt, bp := &progress{w: &tty, tty: true, width: 30}, &progress{w: &plain, width: 30}
		done := 0
		for _, s := range steps {
			done = max(done, s)
			bt.update(done, total)
			bp.update(done, total)
		}
		bt.update(total, total)
		bp.update(total, total)
		out := tty.String()
		if !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
			t.Fatalf("terminal output does not end its line once: %q", out)
		}
		frames := strings.Split(strings.TrimSuffix(strings.TrimPrefix(out, "\r"), "\n"), "\r")
		width := utf8.RuneCountInString(frames[0]) - len(itoa(total))
		for _, f := range frames {
			if !strings.Contains(f, "[") || utf8.RuneCountInString(f) > width+2*len(itoa(total)) {
				t.Fatalf("frame %q", f)
			}
		}
		if !strings.Contains(frames[len(frames)-1], "100%") {
			t.Fatalf("last frame %q", frames[len(frames)-1])
		}
		lines := strings.Split(strings.TrimSuffix(plain.String(), "\n"), "\n")
		if len(lines) > 4 || !strings.Contains(lines[len(lines)-1], "100%") {
			t.Fatalf("plain output %q", plain.String())
		}
	})
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		if n /= 10; n == 0 {
			return s
		}
	}
}
