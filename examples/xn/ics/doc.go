// Package ics writes working-day calendars of package deadline as
// iCalendar (RFC 5545) files and reads them back, through the iCalendar
// library github.com/arran4/golang-ical.
//
// Export writes every holiday (放假) of a calendar as an all-day event
// named in Chinese and English, and every make-up working day (调休上班)
// as an all-day event of its own, marked so that a reader can tell the
// two apart: the property X-XIAONENG-KIND is "holiday" or "makeup", the
// category is 放假 or 调休上班, and the summary says which. Each event
// carries the address of the notice it comes from (国务院办公厅通知) where
// the calendar has one. Properties prefixed X-XIAONENG- carry what a
// plain iCalendar file cannot say: the calendar's ID, coverage and weekly
// pattern, and which arrangement and holiday each event belongs to.
//
// Decode reads such a file back into a deadline.Spec equal to the
// calendar's own (deadline.Calendar.Spec), so that exporting and
// importing a calendar changes no day. It also reads iCalendar files
// written by other programs, with two documented guesses where the
// X-XIAONENG- properties are missing: the coverage is the whole years the
// events fall in, and the weekly rest days are Saturday and Sunday.
// An event is a make-up working day when its categories or summary say
// 调休上班, 补班, 上班 or "work"; otherwise it is a holiday.
//
// What a calendar is built with, rather than what it holds, is not
// exported: an extension past the published data (deadline.ExtendThrough)
// and the choice of deadline.CountMakeUpDays. Pass them again to Import.
//
// The package knows nothing of time limits: it moves calendar data.
// No exported function panics on any input; Decode and Import refuse
// files larger than MaxBytes.
package ics
