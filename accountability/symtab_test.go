package accountability_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
)

func TestSymtabMatchesMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := rapid.SliceOf(rapid.StringMatching(`[a-z_]{0,12}`)).Draw(t, "keys")
		probes := rapid.SliceOf(rapid.String()).Draw(t, "probes")
		if !accountability.SymtabAgrees(keys, probes) {
			t.Fatal("the symtab and the map disagree")
		}
	})
}
