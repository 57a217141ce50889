package discretion

// slab hands out elements and short slices of larger allocations.
type slab[T any] struct{ free []T }

// slabLen is the length of the allocations of a slab.
const slabLen = 128

// take returns a slice of n zero elements, non-nil even when empty.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return make([]T, 0) // allocates nothing
	}
	if len(s.free) < n {
		s.free = make([]T, max(n, slabLen))
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// one returns a new zero element.
func (s *slab[T]) one() *T { return &s.take(1)[0] }
