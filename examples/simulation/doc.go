// Package simulation runs a county government service centre (政务服务中心)
// for a year on the real calendar, then supervises it: thousands of seeded
// licence applications, efficiency complaints, information requests,
// assistance requests between units and first inquiries flow through the
// reference procedures of package procedure, on the items of a county
// catalogue (package catalogue); then the electronic-supervision scan
// (电子监察) lights yellow and red, the efficiency rules of package
// accountability turn the records into findings, a sanction ladder into
// measures and a scorecard into a ranking of the units. [Run] does all of
// it and returns a [Result]; [Result.WriteReport] writes the report in
// Markdown (Chinese first, with English), JSON and an SVG chart of the
// on-time rate by month.
//
// Every case is a real case: each step is an event fired with
// [procedure.Definition.Fire] on a definition the catalogue hands out
// (with the item's promised limit), after [procedure.Definition.Advance]
// has applied what the law decides by itself (视为受理, 行政许可法 Art 32 ¶1(4);
// 视为放弃申请, 政府信息公开条例 Art 30; a third party's silence, Art 32).
// Intake goes through [catalogue.Catalogue.Intake], so 受理, 容缺受理, the
// one-time 补正 notice and 不予受理 are the catalogue's decisions on the
// materials handed in. A minority of handlers are late or sloppy at seeded
// rates ([Rates]), so that every rule of package accountability fires,
// but for a renewal deemed granted (视为准予延续, 行政许可法 Art 50 ¶2): the
// year's licences are new ones, and none comes up for renewal.
//
// # What the simulation chooses
//
// The simulation encodes choices, not law; each is stated where it is made
// and summarised in the report. The county, its units, officers, items and
// rates are example data. Where it acts on a rule, it acts as the library
// encodes it: extensions of ten working days approved by the unit's head
// before the period ends (行政许可法 Art 42 ¶1), expert review and testing
// excluded from the count (Art 45), hearings requested within five days of
// being told and noticed seven days ahead (Art 47 ¶1, Art 48 ¶1(1)),
// information requests corrected once within seven working days (政府信息公开
// 条例 Art 30) and extended by at most twenty working days (Art 33 ¶2),
// complaints routed within fifteen days (信访工作条例 Art 22) and handled
// within the promised thirty days (Art 34 allows sixty).
//
// A handler who gives a second 补正 notice breaches the one-time notice
// rule (行政许可法 Art 32 ¶1(4)); the licensing definition records the
// later notice, and the one-time notice rule finds the breach.
//
// # Determinism
//
// A run depends on its [Config] alone: every random choice comes from
// math/rand/v2 PCG generators seeded from Config.Seed and the case's
// number, nothing reads the clock or iterates a map where order matters,
// and the work runs on one goroutine. The same configuration gives the
// same result and byte-identical reports.
package simulation
