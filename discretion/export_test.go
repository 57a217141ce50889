package discretion

// CheckDecimal is Check comparing every amount as a decimal, never in
// whole units: the oracle for the precomputed fast path.
func CheckDecimal(s *Standard, f Facts, d Decision) (Verdict, error) { return s.check(f, d, false) }
