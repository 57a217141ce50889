package discretion

import "github.com/shopspring/decimal"

// CheckDecimal is Check comparing every amount as a decimal, never in
// whole units: the oracle for the precomputed fast path.
func CheckDecimal(s *Standard, f Facts, d Decision) (Verdict, error) { return s.check(f, d, false) }

// ParseJSON is Parse reading the document with encoding/json alone: the
// oracle for the fast reader.
func ParseJSON(data []byte) (*Benchmark, error) { return parse(data, false) }

// ReadsFast reports whether the fast reader reads data, rather than
// leaving it to encoding/json.
func ReadsFast(data []byte) bool {
	_, ok := readFast(data)
	return ok
}

// PlainDecimal is the decimal the fast path of parseDecimal reads from
// text, and whether it reads it.
func PlainDecimal(text string) (decimal.Decimal, bool) {
	c, e, ok := plainDecimal([]byte(text))
	if !ok {
		return decimal.Decimal{}, false
	}
	return decimal.New(c, e), true
}
