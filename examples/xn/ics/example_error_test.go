package ics_test

import (
	"errors"
	"fmt"

	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

// A file that is not a calendar: the error names the operation and what
// is wrong.
func ExampleError_Error() {
	_, err := ics.Decode([]byte("BEGIN:VTODO\r\nEND:VTODO\r\n"))
	var e *ics.Error
	if errors.As(err, &e) {
		fmt.Println(e.Error())
	}
	// Output:
	// ics: Decode: invalid calendar: malformed calendar; expected a vcalendar
}

// Unwrap gives ErrInvalid, which errors.Is finds.
func ExampleError_Unwrap() {
	_, err := ics.Decode([]byte("BEGIN:VTODO\r\nEND:VTODO\r\n"))
	var e *ics.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(e.Unwrap(), ics.ErrInvalid))
	}
	// Output:
	// true
}
