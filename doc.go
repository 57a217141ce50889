// Package xiaoneng encodes the rules of Chinese administrative procedure
// and agency-efficiency supervision (机关效能建设) for systems that import
// them instead of writing the law again: statutory time limits counted on
// the official working-day calendar, case lifecycles, penalty discretion
// bands and efficiency-accountability rules. Government service platforms
// (政务服务平台), electronic supervision systems (电子监察), enforcement case
// systems (执法办案系统) and complaint hotlines (12345) are its users.
//
// This root package holds the vocabulary every other package shares: a
// [Citation] of the provision each rule, clock, transition and finding
// comes from, and the laws the library knows ([Laws], [LookupLaw]) with
// their revisions. Dependencies point one way: accountability → procedure
// → deadline → xiaoneng, and discretion → xiaoneng. Nothing imports the
// examples. Each exported concept names its Chinese term, and labels come
// in Chinese and English.
//
// # Time limits
//
// Package deadline counts periods on working-day calendars with China's
// make-up working days (调休): [deadline.ChinaMainland] is the national
// calendar from the State Council's notices, 2007 through 2026;
// [deadline.Calendar.AddWorkingDays] and [deadline.Calendar.WorkingDaysBetween]
// answer in constant time; [deadline.Calendar.End] applies the period
// rules of 民法典 Art 200–204; [deadline.Clock] keeps a legal clock that
// suspends, restarts and extends as the law says, with
// [deadline.ReferenceRules] for the limits of the laws below.
//
// # Citations
//
// [Cite] builds a citation, [Citation.String] prints it as notices write
// it (《行政许可法》第四十二条第一款), [Citation.English] in English, and
// [Numeral] writes article numbers in Chinese numerals.
//
// # Errors
//
// Each package exports a few sentinel errors for the conditions a caller
// branches on and one typed error carrying the operation, the subject and
// the location; causes are wrapped with %w. Loaders report every problem
// at once, joined with [errors.Join], each with its location. Nothing an
// operation refuses is changed, and no exported function panics on any
// input; Must… forms exist only for values fixed at program start.
package xiaoneng
