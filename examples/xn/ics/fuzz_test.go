package ics_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

// FuzzDecode feeds Decode arbitrary bytes: it must not panic, every error
// must wrap ErrInvalid, and a file it reads into a valid calendar must
// export and read back to the same spec.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"golden/demo.ics", "foreign.ics"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("BEGIN:VCALENDAR\r\nX-XIAONENG-COVERAGE:20250101/20251231\r\nBEGIN:VEVENT\r\nDTSTART:20250101\r\nDURATION:P1W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=\"DATE:20250101\r\nEND:VEVENT\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nX-XIAONENG-WEEKEND:NONE\nBEGIN:VEVENT\nDTSTART:20250101\nX-XIAONENG-KIND:makeup\nEND:VEVENT\nEND:VCALENDAR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ics.Decode(data)
		if err != nil {
			if !errors.Is(err, ics.ErrInvalid) {
				t.Fatalf("Decode error %v does not wrap ErrInvalid", err)
			}
			return
		}
		cal, err := deadline.New(s)
		if err != nil {
			return
		}
		b, err := ics.Export(cal, ics.Options{})
		if err != nil {
			t.Fatal(err)
		}
		back, err := ics.Decode(b)
		if err != nil {
			t.Fatalf("Decode of an export: %v", err)
		}
		if d := cmp.Diff(cal.Spec(), back); d != "" {
			t.Fatalf("export of a decoded file does not read back (-want +got):\n%s", d)
		}
	})
}
