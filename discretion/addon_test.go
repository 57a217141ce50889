package discretion_test

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

func TestAddOn(t *testing.T) {
	last := date.New(2025, time.March, 17) // the 15th day after receipt, as deadline computes it
	tests := []struct {
		name   string
		fine   string
		asOf   date.Date
		days   int64
		amount string
		capped bool
	}{
		{"Art 67: paid on the last day", "1000", last, 0, "0", false},
		{"Art 67: paid before the last day", "1000", last - 5, 0, "0", false},
		{"Art 72 ¶1(1): one day late, 3 %", "1000", last + 1, 1, "30", false},
		{"Art 72 ¶1(1): ten days late, 30 %", "1000", last + 10, 10, "300", false},
		{"Art 72 ¶1(1): exact to the fen and beyond", "123.45", last + 1, 1, "3.7035", false},
		{"Art 72 ¶1(1): 33 days, 99 %", "1000", last + 33, 33, "990", false},
		{"Art 72 ¶1(1), 行政强制法 Art 45 ¶2: capped at the fine from day 34", "1000", last + 34, 34, "1000", true},
		{"capped years later", "1000", last + 3650, 3650, "1000", true},
		{"across a year end", "200", date.New(2026, time.January, 2), 291, "200", true},
		{"the extreme dates", "1", date.Max(), int64(date.Max() - last), "1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := discretion.AddOn(dec(tt.fine), last, tt.asOf)
			if err != nil {
				t.Fatal(err)
			}
			if r.DaysLate != tt.days || !r.Amount.Equal(dec(tt.amount)) || r.Capped != tt.capped {
				t.Errorf("AddOn = %d days, %s, capped %v; want %d, %s, %v", r.DaysLate, r.Amount, r.Capped, tt.days, tt.amount, tt.capped)
			}
			if len(r.Citations) != 2 || r.Citations[0].Article != 72 {
				t.Errorf("citations %v", r.Citations)
			}
		})
	}
	if r, err := discretion.AddOn(dec("1"), date.Min(), date.Max()); err != nil || !r.Capped || r.DaysLate <= 0 {
		t.Errorf("AddOn over the whole date range = %+v, %v", r, err)
	}
	for _, bad := range []decimal.Decimal{{}, dec("-1"), dec("1e15"), decimal.New(1, math.MinInt32), decimal.New(1, math.MaxInt32)} {
		if _, err := discretion.AddOn(bad, last, last+1); !errors.Is(err, discretion.ErrInvalidInput) {
			t.Errorf("AddOn(%v) error = %v, want ErrInvalidInput", bad.Exponent(), err)
		}
	}
}

// TestAddOnBounded: the add-on never exceeds the fine, never decreases
// as time passes, and is exactly fine × 3 % × days until the cap.
func TestAddOnBounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := gen.Yuan(1, 1_000_000_000, 2).Draw(t, "fine")
		last := date.New(2020, time.January, 1) + date.Date(rapid.IntRange(0, 3650).Draw(t, "last"))
		a := last + date.Date(rapid.IntRange(-30, 60).Draw(t, "asOf"))
		b := a + date.Date(rapid.IntRange(0, 60).Draw(t, "later"))
		ra, err1 := discretion.AddOn(f, last, a)
		rb, err2 := discretion.AddOn(f, last, b)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if ra.Amount.GreaterThan(f) || rb.Amount.GreaterThan(f) {
			t.Fatalf("add-on above the fine %s: %s, %s", f, ra.Amount, rb.Amount)
		}
		if rb.Amount.LessThan(ra.Amount) {
			t.Fatalf("add-on fell from %s to %s", ra.Amount, rb.Amount)
		}
		want := new(big.Rat).Mul(f.Rat(), big.NewRat(3*ra.DaysLate, 100))
		if want.Cmp(f.Rat()) > 0 {
			want = f.Rat()
		}
		if ra.Amount.Rat().Cmp(want) != 0 {
			t.Fatalf("add-on %s, exact %s", ra.Amount, want.FloatString(6))
		}
	})
}

func TestPaymentDeadline(t *testing.T) {
	cal := deadline.ChinaMainland()
	tests := []struct {
		name     string
		received date.Date
		want     date.Date
		rolled   bool
	}{
		{"Art 67: 15 days, ending on a Monday", date.New(2025, time.March, 2), date.New(2025, time.March, 17), false},
		{"民法典 Art 203: the 15th day a Saturday rolls to Monday", date.New(2025, time.March, 7), date.New(2025, time.March, 24), true},
		{"民法典 Art 203: the 15th day in the National Day holiday rolls past it", date.New(2025, time.September, 20), date.New(2025, time.October, 9), true},
		{"calendar days, not working days: the holiday is counted", date.New(2025, time.September, 28), date.New(2025, time.October, 13), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			end, err := discretion.PaymentDeadline(cal, tt.received)
			if err != nil {
				t.Fatal(err)
			}
			if end.Date != tt.want || end.Rolled() != tt.rolled {
				t.Errorf("last day %s (rolled %v), want %s (%v)", end.Date, end.Rolled(), tt.want, tt.rolled)
			}
		})
	}
	if _, err := discretion.PaymentDeadline(nil, date.New(2025, time.March, 2)); !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("nil calendar: %v", err)
	}
	_, err := discretion.PaymentDeadline(cal, date.New(1990, time.March, 2))
	if !errors.Is(err, deadline.ErrOutOfCoverage) || !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("outside coverage: %v", err)
	}
}

// TestAddOnReview: 行政处罚法 Art 73 ¶3 — the add-on does not accrue while
// a reconsideration or a suit the party brought runs.
func TestAddOnReview(t *testing.T) {
	last := date.New(2025, time.March, 17)
	d := func(n int) date.Date { return last + date.Date(n) }
	tests := []struct {
		name    string
		asOf    date.Date
		reviews []discretion.Review
		days    int64
		amount  string
	}{
		{"Art 73 ¶3: ten days late, four of them under reconsideration", d(10), []discretion.Review{{d(3), d(6)}}, 6, "180"},
		{"Art 73 ¶3: reconsideration, then a suit, overlapping", d(20), []discretion.Review{{d(3), d(8)}, {d(6), d(12)}}, 10, "300"},
		{"Art 73 ¶3: a review still running on the day of reckoning", d(10), []discretion.Review{{d(5), d(10)}}, 4, "120"},
		{"Art 73 ¶3: a review applied for within the time to pay", d(10), []discretion.Review{{d(-5), d(2)}}, 8, "240"},
		{"a review that ended before the payment was late changes nothing", d(10), []discretion.Review{{d(-10), d(-1)}}, 10, "300"},
		{"the cap still applies after a review", d(60), []discretion.Review{{d(1), d(20)}}, 40, "1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := discretion.AddOn(dec("1000"), last, tt.asOf, tt.reviews...)
			if err != nil {
				t.Fatal(err)
			}
			if r.DaysLate != tt.days || !r.Amount.Equal(dec(tt.amount)) {
				t.Errorf("AddOn = %d days, %s; want %d, %s", r.DaysLate, r.Amount, tt.days, tt.amount)
			}
			cites73 := slices.ContainsFunc(r.Citations, func(c xn.Citation) bool { return c.Article == 73 })
			if want := tt.days < int64(tt.asOf-last); cites73 != want {
				t.Errorf("citations %v: Art 73 cited %v, want %v", r.Citations, cites73, want)
			}
		})
	}
	_, err := discretion.AddOn(dec("1000"), last, d(10), discretion.Review{From: d(3), To: d(6)}, discretion.Review{From: d(5), To: d(4)})
	var de *discretion.Error
	if !errors.Is(err, discretion.ErrInvalidInput) || !errors.As(err, &de) || de.Path != "reviews[1]" {
		t.Errorf("a review ending before it starts: %v", err)
	}
}

// Property: the days a review covers, counted one by one, are exactly the
// days the add-on does not accrue on; reviews never raise the add-on.
func TestAddOnReviewsAgreeWithCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := gen.Yuan(1, 1_000_000, 2).Draw(t, "fine")
		last := date.New(2024, time.January, 1) + date.Date(rapid.IntRange(0, 700).Draw(t, "last"))
		asOf := last + date.Date(rapid.IntRange(-10, 80).Draw(t, "asOf"))
		var reviews []discretion.Review
		for range rapid.IntRange(0, 4).Draw(t, "reviews") {
			from := last + date.Date(rapid.IntRange(-20, 90).Draw(t, "from"))
			reviews = append(reviews, discretion.Review{From: from, To: from + date.Date(rapid.IntRange(0, 30).Draw(t, "length"))})
		}
		var want int64
		for day := last + 1; day <= asOf; day++ {
			if !slices.ContainsFunc(reviews, func(r discretion.Review) bool { return r.From <= day && day <= r.To }) {
				want++
			}
		}
		r, err := discretion.AddOn(f, last, asOf, reviews...)
		if err != nil {
			t.Fatal(err)
		}
		if r.DaysLate != want {
			t.Fatalf("%d days late, counted one by one %d", r.DaysLate, want)
		}
		plain, _ := discretion.AddOn(f, last, asOf)
		if r.Amount.GreaterThan(plain.Amount) {
			t.Fatalf("a review raised the add-on from %s to %s", plain.Amount, r.Amount)
		}
	})
}
