package catalogue_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/guides")

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "guides", name)
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
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the guide rendered now (run go test -update to accept):\n%s", path, got)
	}
}

func TestGuideGolden(t *testing.T) {
	c := sample(t)
	for _, code := range []string{
		"SCJG-XK-001", // materials, some deferrable, one optional; online
		"ZJ-XK-001",   // fees
		"ZJ-XK-003",   // 建筑法 Art 8 ¶2's own limit; a green channel
		"ZF-GK-001",   // an information request
		"XNB-TS-001",  // an efficiency complaint
		"SCJG-CF-001", // a penalty: no materials, no promise
		"SCJG-XK-002", // decided on the spot
	} {
		g, err := c.Guide(code, d(2025, 9, 25))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, code+".md", g.Markdown())
		golden(t, code+".txt", g.Text())
	}
}

// Without steps of its own or of the catalogue, a guide lists the
// procedure's stages.
func TestGuideStepsFallBackToTheProcedure(t *testing.T) {
	s := baseSpec()
	s.Items[0].Name = "行政协助请求办理|测试"
	s.Items[0].Procedure, s.Items[0].Clock, s.Items[0].Promised = "assistance", "answer", catalogue.Limit{}
	s.Items[0].Basis = []xn.Citation{xn.Cite(xn.PenaltyLaw, 26)}
	c, err := catalogue.New(s)
	if err != nil {
		t.Fatal(err)
	}
	g, err := c.Guide("T-001", d(2025, 9, 25))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Steps) == 0 || g.Steps[0].Name != "待提出协助请求" {
		t.Errorf("steps %+v", g.Steps)
	}
	golden(t, "fallback.md", g.Markdown())
	golden(t, "fallback.txt", g.Text())
	if !strings.Contains(g.Markdown(), `行政协助请求办理\|测试`) {
		t.Error("a bar in a name is not escaped")
	}
	if _, err := c.Guide("T-404", d(2025, 9, 25)); !errors.Is(err, catalogue.ErrNotInCatalogue) {
		t.Errorf("guide of an unknown item: %v", err)
	}
}

// The zero guide renders without panicking.
func TestGuideZero(t *testing.T) {
	var g catalogue.Guide
	if !strings.Contains(g.Markdown(), "办事指南") || !strings.Contains(g.Text(), "办事指南") {
		t.Error("the zero guide has no title")
	}
}
