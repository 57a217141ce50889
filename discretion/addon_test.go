package discretion_test

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

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
		{"Art 72(1)(1): one day late, 3 %", "1000", last + 1, 1, "30", false},
		{"Art 72(1)(1): ten days late, 30 %", "1000", last + 10, 10, "300", false},
		{"Art 72(1)(1): exact to the fen and beyond", "123.45", last + 1, 1, "3.7035", false},
		{"Art 72(1)(1): 33 days, 99 %", "1000", last + 33, 33, "990", false},
		{"Art 72(1)(1), 行政强制法 Art 45 ¶2: capped at the fine from day 34", "1000", last + 34, 34, "1000", true},
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
