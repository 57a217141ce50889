// Package discretion encodes penalty discretion standards (行政处罚裁量基准)
// as data, and assesses and checks decisions against them: which band
// (不予处罚, 减轻, 从轻, 一般, 从重) the facts of a case call for, which fines
// and penalty kinds that allows, which procedures the outcome triggers,
// and every reason a proposed decision lies outside, each with the
// provision it rests on.
//
// # What it owns
//
// A [Standard] is one row of an agency's published benchmark: a
// violation, its citations, the lawful combinations of penalty kinds
// (行政处罚法 Art 9) and the statutory range of the fine: fixed amounts,
// multiples of a base such as the illegal gains, or a maximum only, per
// party type where the law sets different limits. A [Scheme] divides the
// range into bands. There is no national numeric split (LEGAL.md Part
// 3), so schemes are data: the splits of public benchmarks ship as
// presets ([Presets]), and a document may define its own. A [Benchmark]
// is a whole document, built by [NewBenchmark] from a [Document] or read
// from JSON by [Parse] and [Load]; both report every problem with its
// location and return nothing half-loaded.
//
// [Standard.Assess] turns [Facts] into an [Assessment]: the bands, the
// allowed choices of kinds and fines, the factors used, the procedure
// triggers ([Trigger]), and why no fine is open where Art 29 bars one.
// [Standard.Check] examines a [Decision] and returns a
// [Verdict] with every [Reason] it lies outside. [Standard.Classify]
// places a decision in bands, and [Benchmark.Consistency] finds like
// cases decided in different bands (同案不同罚). [AddOn] computes the
// late-payment add-on of Art 72 from the last day to pay that
// [PaymentDeadline] finds, leaving out the days of a reconsideration or
// suit the party brought (Art 73 ¶3), and [Governing] picks the norm
// whose fine governs under Art 29.
//
// # What the Law decides and what the data decides
//
// The statute gives three hard checks, and the package enforces them
// whatever the data says: a lighter or heavier fine lies within the
// statutory range; a fine below the range needs a ground under Art 30–32;
// no penalty needs a ground under Art 30, 31 or 33. The statutory factors
// of Art 30–33 ([StatutoryFactors]), the simplified procedure's limits of
// Art 51 (200 yuan for a citizen, 3,000 for an organisation, or a
// warning), on-the-spot collection under Art 68 (100 yuan, or hard to
// collect, for simplified decisions only) and Art 69 (remote areas, on
// request, no cap), the kinds Art 63 subjects to a hearing notice, the
// one-fine rule of Art 29 and the add-on of Art 72 are law and are
// built in.
//
// Everything local is data in a document's [Policy] and schemes: the
// band splits, floors for mitigation, the 较大数额 hearing thresholds per
// party type, thresholds for legal review and collective discussion, the
// agency's own aggravating factors, and the [ConflictRule] for factors
// pulling in opposite directions.
//
// # What it does not do
//
// It does not count days: the deadline package does. [AddOn] takes the
// last day to pay as a date, and [PaymentDeadline] asks a deadline
// calendar for it. It does not run case procedures (the
// procedure package does) nor choose the law in force at the time of the
// act (从旧兼从轻, Art 37): a caller with two versions of a norm assesses
// both and keeps the lighter. Confiscation amounts are facts, not
// discretion, and are only compared with hearing thresholds.
//
// # Numbers
//
// Money is [decimal.Decimal] in yuan throughout, and so are fractions
// and multiples; nothing passes through float64, and every result is
// exact. Allowed fines are rounded inward to a standard's unit, so they
// never leave the exact band. Inputs beyond the package's limits
// ([MaxAmountDigits], [MaxMultipleDigits], [MaxScale]) are errors, so no
// input makes an operation slow.
//
// # Concurrency
//
// Benchmarks and Standards are immutable after construction and safe for
// concurrent use. The package has no package-level mutable state.
package discretion
