package text_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/internal/text"
)

// plainBlank is the test Blank replaces.
func plainBlank(s string) bool { return strings.TrimSpace(s) == "" }

// TestBlank checks Blank's first-byte shortcut against strings.TrimSpace:
// every rune as the first character, then random strings, valid UTF-8
// or not, heavy in white space.
func TestBlank(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, s := range []string{string(r), string(r) + "x", " " + string(r)} {
			if text.Blank(s) != plainBlank(s) {
				t.Fatalf("Blank(%q) = %v", s, text.Blank(s))
			}
		}
	}
	spaces := []rune{' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF}
	rapid.Check(t, func(t *rapid.T) {
		var s string
		if rapid.Bool().Draw(t, "bytes") {
			s = string(rapid.SliceOf(rapid.SampledFrom([]byte{' ', '\t', 0xC2, 0x85, 0xA0, 0xE1, 0xE2, 0xE3, 0x80, 0x9A, 'a', 0xFF})).Draw(t, "b"))
		} else {
			s = string(rapid.SliceOf(rapid.OneOf(rapid.SampledFrom(spaces), rapid.Rune())).Draw(t, "runes"))
		}
		if text.Blank(s) != plainBlank(s) {
			t.Fatalf("Blank(%q) = %v", s, text.Blank(s))
		}
	})
}

func BenchmarkBlank(b *testing.B) {
	for _, s := range []string{"局长", " 需现场核查 ", "wang.fang", "\u3000"} {
		b.Run(fmt.Sprintf("%q", s), func(b *testing.B) {
			for b.Loop() {
				text.Blank(s)
			}
		})
		b.Run(fmt.Sprintf("TrimSpace/%q", s), func(b *testing.B) {
			for b.Loop() {
				_ = strings.TrimSpace(s) == ""
			}
		})
	}
}

func ExampleBlank() {
	fmt.Println(text.Blank(" \u3000\t"), text.Blank("局长"))
	// Output: true false
}
