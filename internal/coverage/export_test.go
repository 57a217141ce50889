package coverage

import "github.com/xiaoneng/xiaoneng/deadline"

// Shared reports whether an extension of cal is held.
func Shared(cal *deadline.Calendar) bool {
	found := false
	shared.Range(func(key, _ any) bool {
		found = found || key.(interface{ Value() *deadline.Calendar }).Value() == cal
		return !found
	})
	return found
}

// SharedLen returns the number of calendars whose extension is held.
func SharedLen() int {
	n := 0
	shared.Range(func(_, _ any) bool { n++; return true })
	return n
}
