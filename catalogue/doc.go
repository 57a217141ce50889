// Package catalogue keeps the catalogue of service items (事项清单) that a
// unit or a county publishes: every power it may exercise and every public
// service it offers, each with its legal basis, the procedure it runs on,
// its statutory and promised time limits, the materials an applicant hands
// in, its fees and channels, and the days it is in force. No item in
// force, no case: 行政权力进目录、目录之外无权力.
//
// The package owns four things built on the catalogue: starting a case on
// an item's procedure with the item's promised limit ([Catalogue.Start]);
// the intake check that turns the materials handed in into acceptance,
// 容缺受理, a one-time notice of everything to supplement, or
// non-acceptance ([Catalogue.Intake]); the public service guide (办事指南,
// [Catalogue.Guide]); and green channels for designated projects
// ([GreenChannel]). It does not run cases — package procedure does, on the
// definitions the catalogue hands out — and it does not judge officers:
// the accountability package reads the case records the intake results
// produce.
//
// # Items and their limits
//
// An [Item] names a reference procedure ([procedure.ReferenceNames]) and
// the clock of that procedure its limits apply to, e.g. "licensing" and
// "decision". The clock must be a time limit the agency meets: a party's
// period (the five days to request a hearing) or a minimum (thirty days of
// public comment) is refused, as is a clock that runs to a date the case
// supplies (a licence's term).
//
// The statutory limit (法定办结时限) is the clock's rule — 20 working days
// under 行政许可法 Art 42 ¶1 and Art 82 — unless the item states its own
// with the provision that sets it, since laws may provide otherwise
// (建筑法 Art 8 ¶2: seven days for a construction permit). The promised
// limit (承诺办结时限) is the unit's service commitment (服务承诺): never
// longer than the statutory limit, as [NotLonger] decides. Periods in the
// same unit compare by length; calendar days promised against working days
// statutory compare too, since n calendar days never end after n working
// days; months and years compare twelve to one. Working days promised
// against calendar days, and days against months or years, are refused as
// not comparable: which is shorter depends on the holidays between, and a
// promise must hold every day of the year. A promise that rests on no
// document says so in its note (本单位服务承诺).
//
// An extension (延长) belongs to the period it extends. Art 42 ¶1's ten
// days extend its own twenty ("二十日内不能作出决定的"); a statutory limit
// another provision sets in their place has none, unless the item states
// the one that provision allows ([Limit].Extension). The promised limit
// and a green channel's extend as the statutory limit does.
//
// A case runs on the item's promised limit: the clock's rule with the
// promised period, keeping what the law excludes (听证、检验、专家评审 …),
// restarts and extends as the statutory limit allows — a promise shortens
// the period, it does not change how the law counts it — and citing the
// promise's document, if any, then the statutory provisions. An extension
// the limit does not allow is refused when it is fired. The procedure
// decides when the clock starts: the licensing decision clock starts on
// acceptance, also for a law such as 建筑法 Art 8 ¶2 that counts from
// receipt, which the item's note says.
//
// # Versions and days in force
//
// Items carry the first and, optionally, the last day they are in force.
// A catalogue may hold several versions of one code — last year's promise
// and this year's shorter one — provided no two are in force on the same
// day; [Catalogue.InForce] finds the version of a day, [Catalogue.Item]
// the latest. An item cannot be in force before the laws it cites: a
// citation with a version is checked against that revision's day in force,
// one without against the law's first version. Laws the library does not
// know ([xiaoneng.LookupLaw]) cannot be checked and are not.
//
// # Starting a case
//
// [Catalogue.Start] returns the [procedure.Definition] a case of the item
// runs on and a new case; [Catalogue.Definition] returns the definition
// alone, to fire later events or replay a stored case. Both refuse an
// item not in the catalogue ([ErrNotInCatalogue]) or not in force that day
// ([ErrNotInForce]). Under a green channel that covers the item, the case
// runs on the channel's limit instead. Definitions are compiled on first
// use, one per distinct procedure and limit, and shared by every item with
// that limit: a county's thousands of items compile a few dozen.
//
// # The intake check
//
// [Catalogue.Intake] reads an [Application]: the item, the day, the unit
// receiving it and the materials handed in, each found conforming or not.
// Exactly one outcome holds, tested in this order:
//
//   - 不予受理 (行政许可法 Art 32 ¶1(1)(2)) when the officer records a
//     ground ([Refusal]: no licence needed, outside the unit's remit with
//     the competent unit, or another ground of law), or when the receiving
//     unit is not the item's implementing unit: a county catalogue knows
//     which unit implements each item, and names it as the competent one;
//   - 受理 (Art 32 ¶1(5)) when no required material is missing;
//   - 容缺受理 when every missing material is deferrable: the application
//     is accepted and each deferred material gets its own clock, its
//     working days counted on the catalogue's calendar from the day of
//     receipt, citing the item's basis. Per-material clocks keep each
//     material's own due day, which one clock on the longest period would
//     lose. 容缺受理 rests on local policy, not on a statute: the result
//     cites no article for it;
//   - otherwise a one-time notice (一次告知补正, Art 32 ¶1(4)) listing
//     every material missing or not conforming, deferrable ones included.
//
// Whatever the outcome, [Result.Missing] is exactly the required materials
// minus those handed in and found conforming, in the item's order.
// On-the-spot correction (Art 32 ¶1(3)) is the officer's step on the case,
// not an outcome here.
//
// [Result.Event] turns the result into the event to fire on a case of
// "licensing" or "joint-licensing" after its "receive": "accept",
// "request_supplement" with the payload "missing" that the procedure
// records as the case's 补正 notice, or "refuse_acceptance" with the
// reasons. [Result.Notice] writes the notice in Chinese.
//
// # Checking the one-time notice rule
//
// Every intake event carries, in the case's own log, what a later check of
// 一次性告知 (行政许可法 Art 72 ¶1(4)) needs: the item's code and version
// ([PayloadItem], [PayloadItemVersion]), the materials the notice listed
// as missing ([PayloadMissing]) and those found conforming
// ([PayloadConforming]), joined with [Separator] and split with
// [SplitList]. A rule can compare a case's notices: a material a later
// notice asks for that the item requires (from the catalogue, by code and
// version) and that the first notice's conforming list did not hold was
// already missing when the first notice was given; the first notice's
// missing list shows whether it named the material at all.
//
// # Service guides and green channels
//
// A [Guide] lists the item's basis, conditions, materials, process, limits,
// fees, channels and green channels, rendered as Markdown or plain text.
// Its process steps are the item's own, else the catalogue's for the
// item's procedure ([Spec].Processes), else the procedure's stages.
//
// A [GreenChannel] is data: a designated project, its priority, its named
// handler, and for each item it covers a limit never longer than the
// item's promise.
//
// # JSON
//
// [Parse] and [Load] read the format of [Spec]'s JSON tags, which
// [Catalogue.MarshalJSON] writes: amounts as strings ("2.00"), dates as
// YYYY-MM-DD, enumerations as codes ("licensing") or Chinese labels
// (行政许可). The reader is strict and reports every problem with its
// location, "items[3].materials[1].defer_days"; a catalogue written and
// read back is the same catalogue.
//
// # Errors and concurrency
//
// Every error wraps one of the sentinels (ErrInvalidCatalogue,
// ErrNotInCatalogue, ErrNotInForce, ErrUnknownGreenChannel,
// ErrInvalidInput) inside an [*Error] naming the operation, the location
// and the item. Loaders report every problem at once, joined with
// [errors.Join], and build nothing unless the whole catalogue is valid. No
// exported function panics on any input.
//
// A [Catalogue] is immutable and safe for concurrent use; the values it
// returns are copies. Its definitions are compiled once, under a guard, on
// first use.
package catalogue
