package api_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

// A refusal as the service answers it: a code for the program, a message
// for people, and the library's error for errors.Is.
func exRefusal() *api.Error {
	var s api.Service
	_, err := s.Add(api.AddRequest{Date: "2026-12-18", N: 20})
	var ae *api.Error
	if !errors.As(err, &ae) {
		log.Fatal(err)
	}
	return ae
}

func ExampleError_Error() {
	fmt.Println(exRefusal().Error())
	// Output:
	// counting 20 working days from 2026-12-18 runs past the coverage of the calendar cn-mainland, 2007-01-01 to 2026-12-31; the calendar never guesses: extend it on the weekly pattern explicitly (extend_through, --extend-through) for a provisional answer
}

// The HTTP status of the error's code.
func ExampleError_Status() {
	ae := exRefusal()
	fmt.Println(ae.Code, ae.Status())
	// Output:
	// out_of_coverage 422
}

func ExampleError_Unwrap() {
	ae := exRefusal()
	fmt.Println(errors.Is(ae.Unwrap(), deadline.ErrOutOfCoverage))
	// Output:
	// true
}

// Bases are the amounts a fine may be a multiple of; none given is zero.
func ExampleBases_IsZero() {
	fmt.Println(api.Bases{}.IsZero(), api.Bases{IllegalGains: decimal.NewFromInt(8000)}.IsZero())
	// Output:
	// true false
}
