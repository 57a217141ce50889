package discretion

// White-box test: the machine-word arithmetic of fixed.go against
// decimal.Decimal, its oracle.

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// decimalGen draws decimals of every size the arithmetic meets, and some
// it must refuse to hold in a machine word.
func decimalGen() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		var c int64
		switch rapid.IntRange(0, 3).Draw(t, "size") {
		case 0:
			c = rapid.Int64Range(-1000, 1000).Draw(t, "small")
		case 1:
			c = rapid.Int64Range(-1e12, 1e12).Draw(t, "medium")
		default:
			c = rapid.Int64().Draw(t, "any")
		}
		d := decimal.New(c, int32(rapid.IntRange(-20, 20).Draw(t, "exp")))
		if rapid.IntRange(0, 9).Draw(t, "huge") == 0 {
			d = d.Mul(decimal.New(1, 0).Shift(25)).Add(decimal.New(c, -3))
		}
		return d
	})
}

func TestValMatchesDecimal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := decimalGen().Draw(t, "a"), decimalGen().Draw(t, "b")
		va, vb := valOf(a), valOf(b)
		if got, want := va.cmp(vb), a.Cmp(b); got != want {
			t.Fatalf("cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		for _, c := range []struct {
			name      string
			got, want decimal.Decimal
		}{
			{"add", va.add(vb).dec(), a.Add(b)},
			{"sub", va.sub(vb).dec(), a.Sub(b)},
			{"mul", va.mul(vb).dec(), a.Mul(b)},
		} {
			if !c.got.Equal(c.want) {
				t.Fatalf("%s(%s, %s) = %s, want %s", c.name, a, b, c.got, c.want)
			}
		}
		places := int32(rapid.IntRange(-4, 8).Draw(t, "places"))
		up, open := rapid.Bool().Draw(t, "up"), rapid.Bool().Draw(t, "open")
		d, u, fast := va.rounds(places, up, open)
		want := floorUnit(a, places, open)
		if up {
			want = ceilUnit(a, places, open)
		}
		if fast {
			d = decimal.New(u, -places)
		}
		if !d.Equal(want) {
			t.Fatalf("rounds(%s, %d, up %v, open %v) = %s, want %s", a, places, up, open, d, want)
		}
	})
}

func TestToUnits(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := decimalGen().Draw(t, "a")
		places := int32(rapid.IntRange(-4, 8).Draw(t, "places"))
		u, whole, fits := toUnits(a, places)
		if whole != a.Equal(a.Truncate(places)) && fits {
			t.Fatalf("toUnits(%s, %d): whole = %v", a, places, whole)
		}
		if whole && fits && !decimal.New(u, -places).Equal(a) {
			t.Fatalf("toUnits(%s, %d) = %d", a, places, u)
		}
	})
}
