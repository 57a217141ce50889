// Package text holds the string tests the library's packages share.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Blank reports whether s holds nothing but white space (unicode.IsSpace,
// as strings.TrimSpace trims it). Most strings it sees are names, so it
// decides by the first byte when it can: an ASCII byte is white space or
// not by itself, and every non-ASCII white space character (U+0085,
// U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F,
// U+3000) starts with byte 0xC2, 0xE1, 0xE2 or 0xE3 in UTF-8, so a string
// starting with any other non-ASCII byte (a Chinese character starts with
// 0xE4 to 0xE9; a stray byte decodes to U+FFFD) is not blank. Only
// strings that start otherwise are decoded rune by rune.
// strings.TrimSpace decodes a name in Chinese characters from both ends.
func Blank(s string) bool {
	// Small enough to be inlined: the common case, a name, is one load
	// and one table look-up where it is called.
	return s == "" || !notBlankStart[s[0]] && blankRunes(s)
}

// notBlankStart holds the first bytes that decide that a string is not
// blank: every ASCII byte but white space, and every other byte but 0xC2,
// 0xE1, 0xE2 and 0xE3, with which every non-ASCII white space character
// starts.
var notBlankStart = func() (t [256]bool) {
	for b := range t {
		switch {
		case b < utf8.RuneSelf:
			t[b] = !asciiSpace[b]
		default:
			t[b] = b != 0xC2 && (b < 0xE1 || b > 0xE3)
		}
	}
	return t
}()

// asciiSpace holds the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// blankRunes is Blank decoded rune by rune. It is kept out of line, so
// that Blank stays small enough to be inlined.
//
//go:noinline
func blankRunes(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
