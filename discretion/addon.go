package discretion

import (
	"cmp"
	"fmt"
	"slices"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// PaymentDays is the period for paying a fine: 15 days from the day the
// party receives the decision (行政处罚法 Art 67 ¶3). They are calendar
// days: Art 85 makes only the Law's 2-, 3-, 5- and 7-day periods working
// days. The start day is not counted, and a period whose last day is a
// rest day ends on the next working day (民法典 Art 201, 203).
const PaymentDays = 15

// addOnRatePercent is the daily rate of the add-on fine, 3 % (Art 72).
const addOnRatePercent = 3

// Review is a period of administrative reconsideration or litigation
// (行政复议或者行政诉讼期间) over the decision, both days included: the
// add-on does not accrue on its days (行政处罚法 Art 73 ¶3). From is the
// day the party applied or sued; To the day the review ended, or the
// day of reckoning while it runs.
type Review struct {
	From, To date.Date
}

// AddOnResult is the add-on fine (加处罚款) owed for late payment.
type AddOnResult struct {
	// DaysLate is the number of days after the last day to pay, up to
	// and including the day of reckoning, less the days of any review
	// (Art 73 ¶3); zero when payment is not late.
	DaysLate int64
	// Amount is the add-on in yuan, exact: 3 % of the fine per day late,
	// never more than the fine. It is not rounded: round it as the
	// collecting system requires.
	Amount decimal.Decimal
	// Capped reports whether the cap bound: from the 34th day late on,
	// the add-on equals the fine.
	Capped bool
	// Citations are 行政处罚法 Art 72 ¶1(1) and 行政强制法 Art 45 ¶2, and
	// 行政处罚法 Art 73 ¶3 when a review stopped the add-on accruing.
	Citations []xn.Citation
}

// AddOn returns the add-on fine owed on asOf for a fine not paid by
// lastDayToPay (行政处罚法 Art 72 ¶1(1)): 3 % of the fine for every day
// after lastDayToPay, up to and including asOf, capped at the fine
// itself (Art 72 ¶1(1); 行政强制法 Art 45 ¶2). A payment on or before
// lastDayToPay is not late. The days of the reviews given, where the
// party applied for reconsideration or sued, are not counted (Art 73
// ¶3); reviews may overlap.
//
// The caller works out lastDayToPay: the end of the 15 calendar days of
// [PaymentDays] counted from the day the decision was received, moved to
// the next working day when it falls on a rest day, as [PaymentDeadline]
// does with a deadline calendar. Deferred or instalment payment approved
// under Art 66 moves it.
//
// It returns an error wrapping [ErrInvalidInput] for a fine that is not
// positive or lies outside the package's limits ([MaxAmountDigits],
// [MaxScale]), or a review that ends before it starts.
func AddOn(fine decimal.Decimal, lastDayToPay, asOf date.Date, reviews ...Review) (AddOnResult, error) {
	if fine.Sign() <= 0 || !bounded(fine, MaxAmountDigits) {
		return AddOnResult{}, inputErr("add-on", "fine", "", "fine %s must be positive, with at most %d decimal places, below 10^%d yuan", show(fine), MaxScale, MaxAmountDigits)
	}
	for i, r := range reviews {
		if r.To < r.From {
			return AddOnResult{}, inputErr("add-on", fmt.Sprintf("reviews[%d]", i), "", "the review ends on %s, before it starts on %s", r.To, r.From)
		}
	}
	res := AddOnResult{Citations: []xn.Citation{
		xn.Cite(xn.PenaltyLaw, 72, 1, 1), xn.Cite(xn.CompulsionLaw, 45, 2)}}
	if asOf <= lastDayToPay {
		return res, nil
	}
	days := int64(asOf) - int64(lastDayToPay)
	if days < 0 { // the difference overflowed: as late as can be
		days = int64(^uint64(0) >> 1)
	}
	if off := reviewDays(reviews, lastDayToPay+1, asOf); off > 0 {
		days -= off
		res.Citations = append(res.Citations, xn.Cite(xn.PenaltyLaw, 73, 3))
	}
	res.DaysLate = days
	// 3 % a day reaches the fine on day 34 (34 × 3 = 102 %).
	if days > 100 || days*addOnRatePercent >= 100 {
		res.Amount, res.Capped = fine, true
		return res, nil
	}
	res.Amount = fine.Mul(decimal.NewFromInt(days * addOnRatePercent)).Shift(-2)
	return res, nil
}

// reviewDays returns the number of days from first to last, both
// included, that some review covers.
func reviewDays(reviews []Review, first, last date.Date) int64 {
	if len(reviews) == 0 {
		return 0
	}
	spans := make([]Review, 0, len(reviews))
	for _, r := range reviews {
		r.From, r.To = max(r.From, first), min(r.To, last)
		if r.From <= r.To {
			spans = append(spans, r)
		}
	}
	slices.SortFunc(spans, func(a, b Review) int { return cmp.Compare(a.From, b.From) })
	var n int64
	next := int64(first) // the first day not counted yet
	for _, r := range spans {
		if from := max(int64(r.From), next); from <= int64(r.To) {
			n += int64(r.To) - from + 1
			next = int64(r.To) + 1
		}
	}
	return n
}

// PaymentDeadline returns the last day to pay a fine whose decision the
// party received on received (行政处罚法 Art 67 ¶3): the 15th calendar day
// after it (the day of receipt is not counted, 民法典 Art 201), moved to
// the next working day when it is a rest day (Art 203), on cal, e.g.
// [deadline.ChinaMainland]. Its Date is the lastDayToPay of [AddOn]; it
// is Provisional when it used days past the calendar's published data.
//
// It returns an error wrapping [ErrInvalidInput], and the deadline
// package's error (such as [deadline.ErrOutOfCoverage]), when the
// calendar cannot answer.
func PaymentDeadline(cal *deadline.Calendar, received date.Date) (deadline.End, error) {
	const op = "payment-deadline"
	if cal == nil {
		return deadline.End{}, inputErr(op, "calendar", "", "nil calendar")
	}
	end, err := cal.End(received, deadline.Period{N: PaymentDays, Unit: deadline.Days}, deadline.RollRestDays)
	if err != nil {
		return deadline.End{}, &Error{Op: op, Err: fmt.Errorf("%w: %w", ErrInvalidInput, err)}
	}
	return end, nil
}
