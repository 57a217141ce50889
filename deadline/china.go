package deadline

import (
	_ "embed"
	"sync"
)

//go:generate go run gencn.go -in testdata/cn-mainland-source.json -out data/cn-mainland.json

//go:embed data/cn-mainland.json
var chinaMainlandJSON []byte

var chinaMainland = sync.OnceValue(func() *Calendar {
	c, err := ParseCalendar(chinaMainlandJSON)
	if err != nil {
		// The embedded data is fixed at build time and checked by the
		// package's tests; a failure here is a broken build.
		panic("deadline: embedded mainland China calendar: " + err.Error())
	}
	return c
})

// ChinaMainland returns mainland China's national working-day calendar
// (全国统一工作日历), 2007 through 2026: Saturdays and Sundays rest; the
// statutory holidays of 全国年节及纪念日放假办法 as each year's notice of the
// State Council General Office arranged them; and the make-up working days
// (调休上班日) those notices set, each linked to the holiday it pays for and
// to the notice it comes from.
//
// The calendar is built once, on first use, from data embedded in the
// package, and shared: it is immutable and safe for concurrent use.
// Dates outside 2007–2026 are errors wrapping [ErrOutOfCoverage]; use
// [Calendar.With] and [ExtendThrough] to plan past 2026 on the weekly
// pattern, provisionally, until the next notice is published.
func ChinaMainland() *Calendar { return chinaMainland() }

// ChinaMainlandJSON returns the embedded data of [ChinaMainland] in the
// calendar JSON format, a fresh copy on every call.
func ChinaMainlandJSON() []byte { return append([]byte(nil), chinaMainlandJSON...) }
