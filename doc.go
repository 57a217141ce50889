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
// → deadline → xiaoneng; catalogue → procedure; discretion → deadline.
// Nothing imports the examples. Each exported concept names its Chinese
// term, and labels come in Chinese and English.
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
// # Case lifecycles
//
// Package procedure holds case lifecycles as data — states, triggers,
// guards, the clock effects of each step and its citation — compiled once
// per definition onto github.com/qmuntal/stateless. Cases are plain data an
// integrator stores: [procedure.Definition.Fire] records an event or
// refuses it and changes nothing, [procedure.Definition.Replay] rebuilds a
// case from its events, and [procedure.Definition.Advance] applies the
// outcomes the law prescribes when a clock runs out (行政许可法 Art 32 and
// Art 50, 政府信息公开条例 Art 30). [procedure.Reference] gives the reference
// definitions: licensing, joint licensing, penalties (general and
// simplified), complaints, information requests, assistance between
// agencies and major decisions.
//
// # Catalogues of service items
//
// Package catalogue keeps a unit's published list of powers and services
// (事项清单): each item's basis, procedure, statutory and promised limits,
// materials and fees. It starts cases only for items in force, checks the
// materials handed in (accept, 容缺受理, one notice listing everything to
// supplement, or not accepted), renders the public guide (办事指南) and
// holds green channels.
//
// # Penalty discretion
//
// Package discretion holds penalty discretion standards (裁量基准) as data:
// it assesses the facts of a case into bands, checks a proposed decision
// against the statutory range and the agency's benchmark, and computes the
// late-payment add-on of 行政处罚法 Art 72, with money in exact decimals.
//
// # Accountability
//
// Package accountability reads case records — the cases, their units, the
// refusal register, the inquiries and the roster with absences and
// substitutes — and applies the efficiency systems (限时办结, 一次性告知,
// 否定报备, 首问负责, AB角, 服务承诺, electronic supervision's yellow and red
// lights): findings with their evidence and citations, sanction ladders,
// unit scorecards and reports.
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
// input; as in the standard library, a method called on a nil pointer
// receiver may. Must… forms exist only for values fixed at program start.
package xiaoneng
